// GUI tests of the desk: the real MainWindow with its search thread, driven with QtTest's key and wait
// facilities. The catalogue comes from an in-memory test double (memorystore.h) until the SQLite store is merged.
#include "catch_qt.h"

#include "articlehtml.h"
#include "articlepage.h"
#include "articleview.h"
#include "azindex.h"
#include "callcontrols.h"
#include "callerpanel.h"
#include "deskcatalogue.h"
#include "desksettings.h"
#include "deskwindow.h"
#include "language.h"
#include "mainwindow.h"
#include "memorystore.h"
#include "searchpanel.h"
#include "searchservice.h"
#include "searchworker.h"
#include "serversettingspage.h"
#include "settingsdialog.h"
#include "shortcutsoverlay.h"

#include <algorithm>
#include <memory>

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QDir>
#include <QFileInfo>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QScrollBar>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

using namespace deskfixtures;

namespace {

constexpr int WebTimeoutMs = 30000;

desk::StoreFactory factoryFor(const kb::Catalogue &catalogue)
{
    return [catalogue](QString *) { return std::make_unique<MemoryStore>(catalogue); };
}

// One desk as main() builds it, on the test catalogue, with fresh settings.
struct Desk : DeskWindow
{
    using DeskWindow::DeskWindow;

    void openAndWait(const std::function<void()> &open)
    {
        QSignalSpy shown(window.get(), &desk::MainWindow::articleShown);
        open();
        REQUIRE(shown.wait(WebTimeoutMs));
    }
};

QString pageText(QWebEnginePage *page)
{
    QString text;
    bool done = false;
    page->toPlainText([&](const QString &t) {
        text = t;
        done = true;
    });
    REQUIRE(QTest::qWaitFor([&]() { return done; }, WebTimeoutMs));
    return text;
}

QString pageHtml(QWebEnginePage *page)
{
    QString html;
    bool done = false;
    page->toHtml([&](const QString &h) {
        html = h;
        done = true;
    });
    REQUIRE(QTest::qWaitFor([&]() { return done; }, WebTimeoutMs));
    return html;
}

void resetSettings()
{
    QSettings().clear();
}

} // namespace

TEST_CASE("typing shows results, Enter opens the article with its documents to bring", "[desk][article]")
{
    resetSettings();
    Desk desk;
    CHECK(desk.edit()->hasFocus()); // the search box has the focus at start
    desk.type(QStringLiteral("Perso"));
    REQUIRE(desk.results()->rowCount() >= 1);
    CHECK(desk.results()->item(0).title == QStringLiteral("Personalausweis"));
    CHECK(desk.results()->item(0).office == QStringLiteral("Bürgerbüro Orleansplatz (KVR-II/231)"));

    desk.openAndWait([&]() { QTest::keyClick(desk.edit(), Qt::Key_Return); });
    QWebEnginePage *page = desk.window->articleView()->articleWebView()->page();
    const QString text = pageText(page);
    CHECK(text.contains(QStringLiteral("Personalausweis")));
    CHECK(text.contains(QStringLiteral("Mitzubringende Unterlagen"),
                        Qt::CaseInsensitive)); // headings are upper-cased by CSS
    CHECK(text.contains(QStringLiteral("Ein aktuelles biometrisches Passfoto")));
    CHECK(text.contains(QStringLiteral("über 24 Jahren: 46 Euro")));
    CHECK(text.contains(QStringLiteral("Orleansstraße 50, 81667 München")));
    CHECK(text.contains(QStringLiteral("Personalausweisgesetz")));
    CHECK(text.contains(QStringLiteral("Zuletzt geprüft: 08.06.2026")));
    CHECK(text.contains(QStringLiteral("Öffnungszeiten")));
    const QString html = pageHtml(page);
    CHECK(html.contains(QStringLiteral("class=\"checklist\"")));
    CHECK(html.count(QStringLiteral("type=\"checkbox\"")) == 3);
    CHECK(page->title() == QStringLiteral("Personalausweis"));
}

TEST_CASE("arrow keys move from the search box into the results, Enter opens the selected one", "[desk][keyboard]")
{
    resetSettings();
    Desk desk;
    // A query with at least two answers (independent of how the engine ranks).
    for (const char *query : {"ausweis", "personalausweis", "euro", "bürgerbüro"}) {
        desk.edit()->clear();
        desk.type(QString::fromUtf8(query));
        if (desk.results()->rowCount() >= 2) {
            break;
        }
    }
    REQUIRE(desk.results()->rowCount() >= 2);
    const QString typed = desk.edit()->text();
    QListView *list = desk.window->searchPanel()->resultView();
    QTest::keyClick(desk.edit(), Qt::Key_Down);
    CHECK(list->hasFocus());
    CHECK(list->currentIndex().row() == 0);
    QTest::keyClick(list, Qt::Key_Down);
    REQUIRE(list->currentIndex().row() == 1);
    const QString expected = desk.results()->item(1).id;
    desk.openAndWait([&]() { QTest::keyClick(list, Qt::Key_Return); });
    CHECK(desk.window->articleView()->article().id == expected);
    INFO("focus: " << (QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none"));
    CHECK(list->hasFocus()); // opening an article leaves the focus where the agent is
    // Up from the first row, or Esc, goes back to the search box; typing in the list continues the query.
    QTest::keyClick(list, Qt::Key_Up);
    QTest::keyClick(list, Qt::Key_Up);
    CHECK(desk.edit()->hasFocus());
    QTest::keyClick(desk.edit(), Qt::Key_Down);
    QTest::keyClicks(list, QStringLiteral("x"));
    CHECK(desk.edit()->text() == typed + QStringLiteral("x"));
    CHECK(desk.edit()->hasFocus());
}

TEST_CASE("a script inside an article never runs", "[desk][security]")
{
    resetSettings();
    kb::Catalogue catalogue = munichSample();
    kb::Article evil = catalogue.articles.first();
    evil.id = QStringLiteral("evil");
    evil.title = QStringLiteral("Hundesteuer");
    evil.descriptionHtml =
        QStringLiteral("<p>Steuer für Hunde.</p>"
                       "<script>document.title='pwned'; document.body.setAttribute('data-pwned','script');</script>"
                       "<img src=\"x\" onerror=\"document.body.setAttribute('data-pwned','onerror')\">"
                       "<p onmouseover=\"document.title='pwned'\">Hover</p>"
                       "<a href=\"javascript:document.title='pwned'\">Klick</a>"
                       "<iframe src=\"data:text/html,<script>parent.document.title='pwned'</script>\"></iframe>"
                       "<style>body{display:none}</style>");
    evil.feesHtml =
        QStringLiteral("<svg onload=\"document.title='pwned'\"><script>document.title='pwned'</script></svg>"
                       "<p>75 Euro im Jahr</p>");
    catalogue.articles.append(evil);
    Desk desk(catalogue);
    desk.openAndWait([&]() { desk.window->openArticle(QStringLiteral("evil")); });
    QWebEnginePage *page = desk.window->articleView()->articleWebView()->page();
    QTest::qWait(300); // give any script that could run a chance to do so
    CHECK(page->title() == QStringLiteral("Hundesteuer"));
    const QString html = pageHtml(page); // the live DOM, serialised
    CHECK(html.contains(QStringLiteral("Steuer für Hunde.")));
    CHECK(html.contains(QStringLiteral("75 Euro im Jahr")));
    CHECK_FALSE(html.contains(QStringLiteral("data-pwned")));
    CHECK_FALSE(html.contains(QStringLiteral("<script>document"), Qt::CaseInsensitive));
    CHECK_FALSE(html.contains(QStringLiteral("onerror")));
    CHECK_FALSE(html.contains(QStringLiteral("onmouseover")));
    CHECK_FALSE(html.contains(QStringLiteral("javascript:")));
    CHECK_FALSE(html.contains(QStringLiteral("<iframe")));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    // A probe in the application's own JavaScript world (page scripts are off, the probe is not): the live DOM
    // holds no script element, no handler attribute, and nothing changed the title or marked the body.
    QVariant probe;
    bool probed = false;
    page->runJavaScript(QStringLiteral("[document.querySelectorAll('script,iframe,img,object,embed').length,"
                                       " document.querySelectorAll('[onerror],[onmouseover],[onload]').length,"
                                       " document.title, document.body.getAttribute('data-pwned')]"),
                        QWebEngineScript::ApplicationWorld, [&](const QVariant &v) {
                            probe = v;
                            probed = true;
                        });
    REQUIRE(QTest::qWaitFor([&]() { return probed; }, WebTimeoutMs));
    const QVariantList values = probe.toList();
    REQUIRE(values.size() == 4);
    CHECK(values.at(0).toInt() == 0);
    CHECK(values.at(1).toInt() == 0);
    CHECK(values.at(2).toString() == QStringLiteral("Hundesteuer"));
    CHECK(values.at(3).isNull());
    CHECK(page->settings()->testAttribute(QWebEngineSettings::JavascriptEnabled) == false);
    CHECK(page->settings()->testAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls) == false);
}

TEST_CASE("the article page runs no script even without the sanitiser, and refuses navigation", "[desk][security]")
{
    // Defence in depth: raw, unsanitised HTML straight into the hardened page.
    QWebEngineView view;
    desk::ArticlePage page(QWebEngineProfile::defaultProfile(), &view);
    view.setPage(&page);
    view.resize(400, 300);
    view.show();
    QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
    page.setHtml(QStringLiteral("<html><head><title>sicher</title></head><body><p>Text</p>"
                                "<script>document.title='pwned'; document.body.setAttribute('data-pwned','1');</script>"
                                "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\"></body></html>"),
                 desk::ArticlePage::baseUrl());
    REQUIRE(loaded.wait(WebTimeoutMs));
    QTest::qWait(300);
    CHECK(page.title() == QStringLiteral("sicher"));
    CHECK_FALSE(pageHtml(&page).contains(QStringLiteral("data-pwned=")));
    // The script element is really in this page (nothing sanitised it away); it just never ran.
    QVariant scripts;
    bool probed = false;
    page.runJavaScript(QStringLiteral("document.querySelectorAll('script').length"), QWebEngineScript::ApplicationWorld,
                       [&](const QVariant &v) {
                           scripts = v;
                           probed = true;
                       });
    REQUIRE(QTest::qWaitFor([&]() { return probed; }, WebTimeoutMs));
    CHECK(scripts.toInt() == 1);

    // A navigation the agent did not click (meta refresh) is refused: the page stays where it is.
    QSignalSpy urlChanged(&page, &QWebEnginePage::urlChanged);
    QSignalSpy loaded2(&page, &QWebEnginePage::loadFinished);
    page.setHtml(QStringLiteral("<html><head><meta http-equiv=\"refresh\" content=\"0; url=https://example.invalid/\">"
                                "<title>bleibt</title></head><body>x</body></html>"),
                 desk::ArticlePage::baseUrl());
    REQUIRE(loaded2.wait(WebTimeoutMs));
    QTest::qWait(500);
    CHECK(page.url().host().isEmpty());
    CHECK(page.title() == QStringLiteral("bleibt"));
}

TEST_CASE("stale search answers never overwrite newer ones", "[desk][stale]")
{
    resetSettings();
    Desk desk;
    desk::SearchPanel *panel = desk.window->searchPanel();
    kb::ResultItem newer;
    newer.id = QStringLiteral("1063453");
    newer.title = QStringLiteral("Reisepass");
    kb::ResultItem older;
    older.id = QStringLiteral("1063441");
    older.title = QStringLiteral("Personalausweis");
    // Through the real search thread: a burst of keystrokes ends with the answer to the full query.
    desk.type(QStringLiteral("Wohnsitz"));
    REQUIRE(desk.results()->rowCount() >= 1);
    CHECK(desk.results()->item(0).title == QStringLiteral("Wohnsitzanmeldung"));

    // Answers arriving out of order: the older one is ignored.
    const quint64 base = desk.service.newestSearchId();
    panel->handleSearchFinished(base + 2, QStringLiteral("reise"), {newer}, 10);
    panel->handleSearchFinished(base + 1, QStringLiteral("perso"), {older}, 10); // arrives late
    REQUIRE(desk.results()->rowCount() == 1);
    CHECK(desk.results()->item(0).title == QStringLiteral("Reisepass"));
}

TEST_CASE("the search worker skips requests overtaken by newer ones", "[desk][stale]")
{
    desk::SearchWorker worker(factoryFor(munichSample()));
    QSignalSpy opened(&worker, &desk::SearchWorker::catalogueOpened);
    QSignalSpy finished(&worker, &desk::SearchWorker::searchFinished);
    worker.open();
    REQUIRE(opened.count() == 1);
    CHECK(opened.first().first().value<QList<kb::ResultItem>>().size() == 3);
    worker.noteRequested(3);
    worker.search(1, QStringLiteral("perso"), 10);
    worker.search(2, QStringLiteral("reise"), 10);
    CHECK(finished.count() == 0);
    worker.search(3, QStringLiteral("Reise"), 10);
    REQUIRE(finished.count() == 1);
    CHECK(finished.first().at(0).toULongLong() == 3);
    const auto items = finished.first().at(2).value<QList<kb::ResultItem>>();
    REQUIRE(items.size() >= 1);
    CHECK(items.first().title == QStringLiteral("Reisepass"));
    CHECK(items.first().office == QStringLiteral("Bürgerbüro Ruppertstraße (KVR-II/22)"));
}

TEST_CASE("a catalogue that cannot be opened degrades to a clear message", "[desk]")
{
    resetSettings();
    desk::DeskSettings settings;
    desk::SearchService service([](QString *error) -> std::unique_ptr<kb::Store> {
        *error = QStringLiteral("database is locked");
        return nullptr;
    });
    desk::MainWindow window(&service, &settings, nullptr);
    QSignalSpy failed(&service, &desk::SearchService::catalogueFailed);
    service.start();
    REQUIRE(failed.wait(5000));
    CHECK(failed.first().first().toString() == QStringLiteral("database is locked"));
    CHECK_FALSE(window.isCatalogueReady());
}

TEST_CASE("the language switch changes visible texts at once, Qt's own strings included", "[desk][i18n]")
{
    resetSettings();
    Desk desk;
    CHECK(desk.window->windowTitle() == QStringLiteral("Hotline Desk"));
    CHECK(desk.edit()->accessibleName() == QStringLiteral("Dienstleistungen suchen"));
    CHECK(desk.window->searchPanel()->tabs()->tabText(desk::SearchPanel::FavouritesPage) ==
          QStringLiteral("Favoriten"));
    CHECK(desk.window->menuBar()->actions().first()->text() == QStringLiteral("&Datei"));
    {
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        CHECK(box.button(QDialogButtonBox::Cancel)->text() == QStringLiteral("Abbrechen"));
    }
    desk.window->applyLanguage(QStringLiteral("en"));
    // LanguageChange reaches the widgets as posted events: wait for them.
    REQUIRE(
        QTest::qWaitFor([&]() { return desk.edit()->accessibleName() == QStringLiteral("Search services"); }, 5000));
    CHECK(desk.window->searchPanel()->tabs()->tabText(desk::SearchPanel::FavouritesPage) ==
          QStringLiteral("Favourites"));
    CHECK(desk.window->menuBar()->actions().first()->text() == QStringLiteral("&File"));
    CHECK(desk.window->callerPanel()->findChild<QPushButton *>()->text() == QStringLiteral("Start call record"));
    {
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        CHECK(box.button(QDialogButtonBox::Cancel)->text() == QStringLiteral("Cancel"));
    }
    desk.window->applyLanguage(QStringLiteral("de"));
    QTest::qWait(50);
    CHECK(desk.window->callerPanel()->findChild<QPushButton *>()->text() == QStringLiteral("Anrufnotiz beginnen"));
}

TEST_CASE("key names in shortcut texts follow the language, with Qt's own translation", "[desk][i18n]")
{
    resetSettings();
    Desk desk;
    REQUIRE(desk.language.hasQtTranslation()); // qtbase_de.qm from qt6-translations-l10n
    QAction *copy = nullptr;
    for (QAction *action : desk.window->deskActions()) {
        if (action->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+C"))) {
            copy = action;
        }
    }
    REQUIRE(copy);
    desk::CallControls controls;
    QPushButton *answer = nullptr;
    for (QPushButton *button : controls.findChildren<QPushButton *>()) {
        if (button->toolTip().contains(QStringLiteral("F5")) && !button->toolTip().contains(QStringLiteral("+F5"))) {
            answer = button;
        }
    }
    REQUIRE(answer);
    const auto waitFor = [&](const QString &tip) {
        return QTest::qWaitFor([&]() { return copy->toolTip().endsWith(tip); }, 5000);
    };
    // German: Qt's "Strg", "Umschalt"; "Return" (left English by Qt's catalogue) from the desk's as "Eingabe".
    CHECK(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText) == QStringLiteral("Strg+Eingabe"));
    CHECK(waitFor(QStringLiteral("(Strg+Umschalt+C)")));
    CHECK(answer->toolTip() == QStringLiteral("Annehmen (F5, Strg+Eingabe)"));
    {
        QLineEdit edit;
        edit.setText(QStringLiteral("x"));
        std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
        QStringList texts;
        for (const QAction *action : menu->actions()) {
            texts << action->text().remove(QLatin1Char('&'));
        }
        INFO(texts.join(QStringLiteral(", ")).toStdString());
        // "Kopieren", with its key as Qt adds it to the text: "Kopieren<Tab>Strg+C".
        CHECK(std::any_of(texts.cbegin(), texts.cend(), [](const QString &t) {
            return t.startsWith(QStringLiteral("Kopieren")) &&
                   (!t.contains(QLatin1Char('\t')) || t.endsWith(QStringLiteral("Strg+C")));
        }));
    }

    desk.window->applyLanguage(QStringLiteral("en"));
    REQUIRE(waitFor(QStringLiteral("(Ctrl+Shift+C)")));
    CHECK(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText) == QStringLiteral("Ctrl+Return"));
    REQUIRE(QTest::qWaitFor([&]() { return answer->toolTip() == QStringLiteral("Answer (F5, Ctrl+Return)"); }, 5000));

    desk.window->applyLanguage(QStringLiteral("de")); // switched back at run time: Qt's catalogue comes back too
    REQUIRE(waitFor(QStringLiteral("(Strg+Umschalt+C)")));
    CHECK(QTest::qWaitFor([&]() { return answer->toolTip() == QStringLiteral("Annehmen (F5, Strg+Eingabe)"); }, 5000));
}

TEST_CASE("without Qt's own translations the desk still starts in German and warns", "[desk][i18n]")
{
    QTemporaryDir empty;
    REQUIRE(empty.isValid());
    static QStringList warnings;
    warnings.clear();
    const QtMessageHandler previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
            if (type == QtWarningMsg) {
                warnings << msg;
            }
        });
    desk::LanguageManager language;
    language.setQtTranslationsPath(empty.path());
    const bool ok = language.apply(QStringLiteral("de"));
    qInstallMessageHandler(previous);
    CHECK(ok); // the desk's own catalogue is there
    CHECK_FALSE(language.hasQtTranslation());
    CHECK(QCoreApplication::translate("desk::MainWindow", "&File") == QStringLiteral("&Datei"));
    CHECK(QKeySequence(Qt::CTRL | Qt::Key_S).toString(QKeySequence::NativeText) == QStringLiteral("Ctrl+S"));
    INFO(warnings.join(QLatin1Char('\n')).toStdString());
    CHECK(std::any_of(warnings.cbegin(), warnings.cend(),
                      [](const QString &w) { return w.contains(QStringLiteral("qt6-translations-l10n")); }));
    language.setQtTranslationsPath(QString());
    language.apply(QStringLiteral("de"));
    CHECK(language.hasQtTranslation());
}

TEST_CASE("every interactive widget has an accessible name and description", "[desk][a11y]")
{
    resetSettings();
    Desk desk;
    desk.openAndWait([&]() { desk.window->openArticle(QStringLiteral("1063441")); });
    desk::SettingsDialog dialog(&desk.settings, QStringLiteral("/tmp/x.sqlite"), desk.window.get());
    dialog.show();
    const auto check = [](QWidget *root) {
        int checked = 0;
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (w->focusPolicy() == Qt::NoFocus || !w->isEnabledTo(root)) {
                continue;
            }
            // WebEngine's internal render widget and a combo box's popup list belong to their owners.
            bool internal = false;
            for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget()) {
                internal = internal || qobject_cast<QWebEngineView *>(p) || qobject_cast<QComboBox *>(p);
            }
            if (internal || qobject_cast<QScrollBar *>(w) || w->inherits("QScrollBar")) {
                continue;
            }
            INFO(w->metaObject()->className()
                 << " " << w->objectName().toStdString() << " parent "
                 << (w->parentWidget() ? w->parentWidget()->metaObject()->className() : ""));
            CHECK_FALSE(w->accessibleName().isEmpty());
            CHECK_FALSE(w->accessibleDescription().isEmpty());
            ++checked;
        }
        return checked;
    };
    CHECK(check(desk.window.get()) > 20); // enabled letters, lists, tabs, buttons, search box, article
    CHECK(check(&dialog) >= 6);
}

TEST_CASE("essentials are copied as plain text for an e-mail with Ctrl+Shift+C", "[desk][copy]")
{
    resetSettings();
    Desk desk;
    desk.openAndWait([&]() { desk.window->openArticle(QStringLiteral("1063475")); });
    QApplication::clipboard()->clear();
    QTest::keyClick(desk.window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QString text = QApplication::clipboard()->text();
    INFO(text.toStdString());
    CHECK(text.startsWith(QStringLiteral("Wohnsitzanmeldung\n")));
    CHECK(text.contains(QStringLiteral("Mitzubringende Unterlagen:\n– Personalausweis oder Reisepass\n– "
                                       "Wohnungsgeberbestätigung")));
    CHECK(text.contains(QStringLiteral("Gebühren:\n– kostenfrei\n– Adressänderung in Fahrzeugpapieren: 12,60 Euro")));
    CHECK(text.contains(QStringLiteral("Bürgerbüro Orleansplatz (KVR-II/231)\nOrleansstraße 50, 81667 München")));
    CHECK(text.contains(QStringLiteral("Online-Dienst: https://stadt.muenchen.de/buergerservice/anmeldung.html")));
    CHECK_FALSE(text.contains(QLatin1Char('<')));
}

TEST_CASE("recently viewed and favourites are kept per user", "[desk][persist]")
{
    resetSettings();
    {
        Desk desk;
        desk.openAndWait([&]() { desk.window->openArticle(QStringLiteral("1063441")); });
        desk.openAndWait([&]() { desk.window->openArticle(QStringLiteral("1063453")); });
        QTest::keyClick(desk.window.get(), Qt::Key_D, Qt::ControlModifier); // Reisepass is a favourite
        desk.window->splitter()->setSizes({260, 500, 700});
        desk.window->close();
    }
    Desk desk;
    desk.window->searchPanel()->showPage(desk::SearchPanel::RecentPage);
    auto *recent = qobject_cast<QListView *>(desk.window->searchPanel()->tabs()->currentWidget());
    REQUIRE(recent);
    REQUIRE(recent->model()->rowCount() == 2);
    CHECK(recent->model()->index(0, 0).data().toString() == QStringLiteral("Reisepass"));
    CHECK(recent->model()->index(1, 0).data().toString() == QStringLiteral("Personalausweis"));
    desk.window->searchPanel()->showPage(desk::SearchPanel::FavouritesPage);
    auto *favourites = qobject_cast<QListView *>(desk.window->searchPanel()->tabs()->currentWidget());
    REQUIRE(favourites->model()->rowCount() == 1);
    CHECK(favourites->model()->index(0, 0).data().toString() == QStringLiteral("Reisepass"));
    CHECK(favourites->hasFocus());
    CHECK(desk.window->splitter()->sizes().first() == 260);
}

TEST_CASE("the A-Z index jumps to services by letter, categories group them", "[desk][index]")
{
    resetSettings();
    Desk desk;
    desk::AzIndex *az = desk.window->searchPanel()->azIndex();
    QAbstractItemModelTester tester(az->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester categoryTester(desk.window->searchPanel()->categoryView()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(az->model()->rowCount() == 3);
    CHECK(az->model()->item(0).title == QStringLiteral("Personalausweis"));
    QTest::keyClick(desk.window.get(), Qt::Key_2, Qt::ControlModifier);
    CHECK(az->listView()->hasFocus());
    QTest::keyClick(az->listView(), Qt::Key_R); // typing a letter in the list jumps as well
    CHECK(az->listView()->currentIndex().data().toString() == QStringLiteral("Reisepass"));
    REQUIRE(az->jumpTo(QLatin1Char('w')));
    CHECK(az->listView()->currentIndex().data().toString() == QStringLiteral("Wohnsitzanmeldung"));
    CHECK_FALSE(az->jumpTo(QLatin1Char('Q')));
    int enabled = 0;
    for (QToolButton *b : az->findChildren<QToolButton *>()) {
        enabled += b->isEnabled() ? 1 : 0;
    }
    CHECK(enabled == 3); // P, R, W
    CHECK(desk::AzIndex::indexLetter(QStringLiteral("Änderung")) == QLatin1Char('A'));
    CHECK(desk::AzIndex::indexLetter(QStringLiteral("„Übergabe“")) == QLatin1Char('U'));
    desk.openAndWait([&]() { QTest::keyClick(az->listView(), Qt::Key_Return); });
    CHECK(desk.window->articleView()->article().id == QStringLiteral("1063475"));

    QAbstractItemModel *categories = desk.window->searchPanel()->categoryView()->model();
    REQUIRE(categories->rowCount() == 2);
    CHECK(categories->index(0, 0).data().toString() == QStringLiteral("Ausweise und Dokumente (2)"));
    CHECK(categories->rowCount(categories->index(0, 0)) == 2);
}

TEST_CASE("F1 shows every shortcut, the caller panel records a call by hand", "[desk][keyboard]")
{
    resetSettings();
    Desk desk(munichSample(), QStringLiteral("en"));
    for (QAction *action : desk.window->deskActions()) {
        INFO(action->text().toStdString());
        CHECK_FALSE(action->shortcut().isEmpty()); // every action has a shortcut
    }
    // The desk's shortcuts win over the search box's own editing keys (X11 binds Ctrl+K, Ctrl+D, Ctrl+E there).
    desk.type(QStringLiteral("Reisepass"));
    desk.edit()->setCursorPosition(2);
    QTest::keyClick(desk.edit(), Qt::Key_K, Qt::ControlModifier);
    CHECK(desk.edit()->text() == QStringLiteral("Reisepass"));
    CHECK(desk.edit()->selectedText() == QStringLiteral("Reisepass")); // Ctrl+K focuses and selects all
    desk.openAndWait([&]() { QTest::keyClick(desk.edit(), Qt::Key_Return); });
    desk.edit()->setCursorPosition(0);
    QTest::keyClick(desk.edit(), Qt::Key_D, Qt::ControlModifier);
    CHECK(desk.edit()->text() == QStringLiteral("Reisepass"));
    CHECK(desk.settings.isFavourite(desk.window->articleView()->article().id));

    QTest::keyClick(desk.window.get(), Qt::Key_F1);
    desk::ShortcutsOverlay *overlay = desk.window->shortcutsOverlay();
    REQUIRE(overlay->isVisible());
    CHECK(overlay->listedText().contains(QStringLiteral("Ctrl+Shift+C")));
    CHECK(overlay->listedText().contains(QStringLiteral("Copy essentials for an e-mail")));
    QTest::keyClick(overlay, Qt::Key_Escape);
    CHECK_FALSE(overlay->isVisible());

    desk::CallerPanel *caller = desk.window->callerPanel();
    QSignalSpy ended(caller, &desk::CallerPanel::callEnded);
    CHECK_FALSE(caller->isInCall());
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(caller->isInCall());
    desk.openAndWait([&]() { desk.window->openArticle(QStringLiteral("1063453")); });
    QTest::keyClick(desk.window.get(), Qt::Key_N, Qt::ControlModifier);
    REQUIRE(ended.count() == 1);
    CHECK(ended.first().at(2).toStringList() == QStringList{QStringLiteral("1063453")});
}

TEST_CASE("the article stylesheet follows the palette (dark and light)", "[desk][article]")
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    const QString html = desk::renderArticleHtml(munichSample().articles.first(), munichSample().offices,
                                                 desk::ArticleColours::fromPalette(dark), false);
    CHECK(html.contains(QStringLiteral("background: #1e1e1e")));
    CHECK(html.contains(QStringLiteral("color: #eeeeee")));
    CHECK_FALSE(html.contains(QLatin1Char('@') + QStringLiteral("text@")));
    CHECK(html.contains(QStringLiteral("script-src 'none'")));
}

TEST_CASE("every settings page has unique mnemonics in German and English", "[desk][settings][a11y]")
{
    resetSettings();
    desk::DeskSettings settings;
    desk::LanguageManager language;
    for (const QString &code : {QStringLiteral("de"), QStringLiteral("en")}) {
        REQUIRE(language.apply(code));
        desk::SettingsDialog dialog(&settings, QStringLiteral("/var/lib/x.sqlite"));
        auto *stack = dialog.findChild<QStackedWidget *>();
        REQUIRE(stack);
        REQUIRE(stack->count() >= 4);
        int withMnemonics = 0;
        for (int i = 0; i < stack->count(); ++i) {
            QStringList texts;
            for (QLabel *l : stack->widget(i)->findChildren<QLabel *>()) {
                texts << l->text();
            }
            for (QAbstractButton *b : stack->widget(i)->findChildren<QAbstractButton *>()) {
                texts << b->text();
            }
            QHash<QChar, QString> owner;
            QStringList clashes;
            for (const QString &text : std::as_const(texts)) {
                const qsizetype amp = text.indexOf(QLatin1Char('&'));
                if (amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == QLatin1Char('&')) {
                    continue;
                }
                const QChar key = text.at(amp + 1).toLower();
                if (owner.contains(key)) {
                    clashes << QString(key) + QStringLiteral(": ") + owner.value(key) + QStringLiteral(" / ") + text;
                }
                owner.insert(key, text);
            }
            withMnemonics += owner.isEmpty() ? 0 : 1;
            INFO(code.toStdString() << ", page " << i << ": " << clashes.join(QLatin1Char('\n')).toStdString());
            CHECK(clashes.isEmpty());
        }
        CHECK(withMnemonics == stack->count());
    }
    language.apply(QStringLiteral("de"));
}

TEST_CASE("settings dialog stores database path, language and link handling", "[desk][settings]")
{
    resetSettings();
    desk::DeskSettings settings;
    CHECK(settings.language() == QStringLiteral("de"));
    CHECK(settings.linkHandling() == desk::LinkHandling::SystemBrowser);
    desk::SettingsDialog dialog(&settings, QStringLiteral("/var/lib/x.sqlite"));
    // The General page's widgets (Telephony and Mail have their own pages, tested in test_calls.cpp).
    const auto general = [](QWidget *w) {
        for (QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
            if (p->inherits("desk::TelephonySettingsPage") || p->inherits("desk::MailSettingsPage") ||
                p->inherits("desk::ServerSettingsPage")) {
                return false;
            }
        }
        return true;
    };
    QList<QLineEdit *> edits;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (general(edit)) {
            edits << edit;
        }
    }
    REQUIRE_FALSE(edits.isEmpty());
    edits.first()->setText(QStringLiteral("/tmp/katalog.sqlite"));
    dialog.setLanguage(QStringLiteral("en"));
    QList<QComboBox *> combos;
    for (QComboBox *combo : dialog.findChildren<QComboBox *>()) {
        if (general(combo)) {
            combos << combo;
        }
    }
    REQUIRE(combos.size() == 2);
    combos.at(1)->setCurrentIndex(1);
    dialog.accept();
    desk::DeskSettings reread;
    CHECK(reread.value(desk::DeskSettings::DatabasePath).toString() == QStringLiteral("/tmp/katalog.sqlite"));
    CHECK(reread.language() == QStringLiteral("en"));
    CHECK(reread.linkHandling() == desk::LinkHandling::InAppTab);
    CHECK(reread.value(desk::DeskSettings::SettingsVersion).toInt() == desk::DeskSettings::CurrentVersion);
}

TEST_CASE("first start on an empty database installs the built-in catalogue (real SQLite store)", "[desk][store]")
{
    resetSettings();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/hotline.db"));
    desk::DeskSettings settings;
    desk::LanguageManager language;
    language.apply(QStringLiteral("de"));
    desk::SearchService service([path](QString *error) { return desk::openDeskCatalogue(path, error); });
    desk::MainWindow window(&service, &settings, &language);
    QSignalSpy ready(&window, &desk::MainWindow::catalogueReady);
    service.start();
    window.show();
    REQUIRE(ready.wait(30000));
    CHECK(ready.first().first().toInt() > 250); // Munich's catalogue
    CHECK(QFileInfo::exists(path));
    QTest::keyClicks(window.searchPanel()->searchEdit(), QStringLiteral("Reisepass"));
    REQUIRE(QTest::qWaitFor(
        [&]() { return window.searchPanel()->resultModel()->shownRequestId() == service.newestSearchId(); }, 10000));
    REQUIRE(window.searchPanel()->resultModel()->rowCount() > 0);
    bool found = false;
    for (const kb::ResultItem &item : window.searchPanel()->resultModel()->items()) {
        found = found || item.title == QStringLiteral("Reisepass");
    }
    CHECK(found);
    QSignalSpy shown(&window, &desk::MainWindow::articleShown);
    QTest::keyClick(window.searchPanel()->searchEdit(), Qt::Key_Return);
    REQUIRE(shown.wait(WebTimeoutMs));
    const QString text = pageText(window.articleView()->articleWebView()->page());
    CHECK(text.contains(window.articleView()->article().title));
    CHECK(text.contains(QStringLiteral("Euro")));
}

TEST_CASE("with link handling set to tabs, a clicked web link opens in a tab inside the desk", "[desk][links]")
{
    resetSettings();
    Desk desk;
    desk.settings.setLinkHandling(desk::LinkHandling::InAppTab);
    desk.openAndWait([&]() { desk.window->openArticle(QStringLiteral("1063441")); });
    auto *tabs = desk.window->articleView()->findChild<QTabWidget *>();
    REQUIRE(tabs);
    REQUIRE(tabs->count() == 1);
    // What ArticlePage emits when the agent clicks a link (the page itself never navigates).
    Q_EMIT desk.window->articleView()->linkActivated(QUrl(QStringLiteral("https://stadt.muenchen.de/service/")));
    REQUIRE(tabs->count() == 2);
    CHECK(tabs->currentIndex() == 1);
    CHECK(tabs->tabToolTip(1) == QStringLiteral("https://stadt.muenchen.de/service/"));
    CHECK(desk.window->articleView()->articlePage()->url().scheme() != QStringLiteral("https"));
    QTest::keyClick(desk.window.get(), Qt::Key_W, Qt::ControlModifier);
    CHECK(tabs->count() == 1);
}

TEST_CASE("the search worker rebuilds its index when the catalogue changed and tells the desk", "[desk][stale]")
{
    MemoryStore *store = nullptr;
    desk::SearchWorker worker([&store](QString *) {
        auto s = std::make_unique<MemoryStore>(munichSample());
        store = s.get();
        return s;
    });
    worker.setRevisionCheckInterval(0);
    QSignalSpy opened(&worker, &desk::SearchWorker::catalogueOpened);
    QSignalSpy finished(&worker, &desk::SearchWorker::searchFinished);
    worker.open();
    REQUIRE(opened.count() == 1);
    kb::Article dog;
    dog.id = QStringLiteral("hund");
    dog.title = QStringLiteral("Hundesteuer");
    kb::Catalogue change;
    change.articles = {dog};
    REQUIRE(store->upsert(change, nullptr, nullptr));
    worker.noteRequested(1);
    worker.search(1, QStringLiteral("Hundesteuer"), 10);
    REQUIRE(opened.count() == 2); // the A–Z and lists get the new index
    CHECK(opened.last().first().value<QList<kb::ResultItem>>().size() == 4);
    REQUIRE(finished.count() == 1);
    const auto items = finished.first().at(2).value<QList<kb::ResultItem>>();
    REQUIRE_FALSE(items.isEmpty());
    CHECK(items.first().title == QStringLiteral("Hundesteuer"));
}

TEST_CASE("empty recent and favourites lists say why they are empty, not a blank box", "[desk][empty]")
{
    resetSettings();
    Desk desk;
    for (const int page : {int(desk::SearchPanel::RecentPage), int(desk::SearchPanel::FavouritesPage)}) {
        desk.window->searchPanel()->tabs()->setCurrentIndex(page);
        auto *list = qobject_cast<QListView *>(desk.window->searchPanel()->tabs()->currentWidget());
        REQUIRE(list);
        REQUIRE(list->model()->rowCount() == 0);
        QTest::qWait(50);
        const QImage image = list->viewport()->grab().toImage();
        const QRgb background = image.pixel(image.width() - 2, image.height() - 2);
        int inked = 0;
        for (int y = 0; y < qMin(image.height(), 80); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                inked += image.pixel(x, y) != background ? 1 : 0;
            }
        }
        INFO("page " << page);
        CHECK(inked > 50); // the explanation is drawn
    }
}

// Not a test: renders the overlay, the settings dialog and the dark palette into $HOTLINE_TEST_SHOTS for a look.
// Run by hand: HOTLINE_TEST_SHOTS=/tmp/shots build/tests/app/test_app_desk "[.shots]"
TEST_CASE("render review pictures", "[.shots]")
{
    const QString dir = qEnvironmentVariable("HOTLINE_TEST_SHOTS", QDir::tempPath());
    resetSettings();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    const QPalette original = QApplication::palette();
    Desk desk;
    desk.window->resize(1380, 820);
    desk.type(QStringLiteral("Perso"));
    desk.openAndWait([&]() { QTest::keyClick(desk.edit(), Qt::Key_Return); });
    QTest::qWait(800);
    desk.window->grab().save(dir + QStringLiteral("/light.png"));
    desk.window->articleView()->articlePage()->runJavaScript(
        QStringLiteral("document.getElementById('offices').scrollIntoView()"), QWebEngineScript::ApplicationWorld);
    QTest::qWait(800);
    desk.window->grab().save(dir + QStringLiteral("/offices.png"));
    QApplication::setPalette(dark);
    QSignalSpy shown(desk.window.get(), &desk::MainWindow::articleShown);
    REQUIRE(shown.wait(WebTimeoutMs)); // re-rendered with the dark colours
    QTest::qWait(800);
    desk.window->grab().save(dir + QStringLiteral("/dark.png"));
    QApplication::setPalette(original);
    QTest::keyClick(desk.window.get(), Qt::Key_F1);
    QTest::qWait(300);
    desk.window->grab().save(dir + QStringLiteral("/overlay.png"));
    QTest::keyClick(desk.window->shortcutsOverlay(), Qt::Key_Escape);
    desk::SettingsDialog dialog(&desk.settings, desk::defaultCatalogueDatabasePath(), desk.window.get());
    dialog.show();
    QTest::qWait(200);
    dialog.grab().save(dir + QStringLiteral("/settings.png"));
}

TEST_CASE("WebEngine starts in the background after the window shows, without taking the keyboard", "[desk][keyboard]")
{
    resetSettings();
    Desk desk;
    CHECK(desk.window->articleView()->articleWebView() == nullptr); // not at start: cold start stays fast
    REQUIRE(QTest::qWaitFor([&]() { return desk.window->articleView()->articleWebView() != nullptr; }, 10000));
    QTest::qWait(500);
    CHECK(desk.edit()->hasFocus());
    desk.type(QStringLiteral("Perso"));
    CHECK(desk.edit()->text() == QStringLiteral("Perso"));
    CHECK(desk.results()->rowCount() >= 1);
}

TEST_CASE("the language chosen in the settings applies at once", "[desk][i18n][settings]")
{
    resetSettings();
    Desk desk;
    QTest::keyClick(desk.window.get(), Qt::Key_Comma, Qt::ControlModifier);
    auto *dialog = desk.window->findChild<desk::SettingsDialog *>();
    REQUIRE(dialog);
    REQUIRE(QTest::qWaitForWindowExposed(dialog));
    CHECK(dialog->windowTitle() == QStringLiteral("Einstellungen"));
    dialog->setLanguage(QStringLiteral("en"));
    dialog->accept();
    REQUIRE(
        QTest::qWaitFor([&]() { return desk.edit()->accessibleName() == QStringLiteral("Search services"); }, 5000));
    CHECK(desk.window->menuBar()->actions().first()->text() == QStringLiteral("&File"));
    CHECK(desk::DeskSettings().language() == QStringLiteral("en"));
    desk.window->applyLanguage(QStringLiteral("de"));
}
