// GUI tests of the editorial side of the desk on a real SQLite catalogue (the built-in Munich catalogue in a
// temporary folder): sign-in, the editor and publishing, the agent's view, conflicts between two team leads on two
// store connections, the search log and the knowledge gaps, accessibility of the new widgets.
#include "catch_qt.h"

#include "articleeditor.h"
#include "appointmentdialog.h"
#include "calldesk.h"
#include "conflictdialog.h"
#include "appointmentstore.h"
#include "deskcatalogue.h"
#include "desksettings.h"
#include "diffview.h"
#include "editorialactions.h"
#include "editorialsession.h"
#include "editorialwindow.h"
#include "forwarddialog.h"
#include "htmlsanitizer.h"
#include "language.h"
#include "logindialog.h"
#include "journalstore.h"
#include "mainwindow.h"
#include "reportview.h"
#include "changepassworddialog.h"
#include "richtext.h"
#include "searchpanel.h"
#include "searchservice.h"
#include "searchworker.h"
#include "settingsdialog.h"
#include "store.h"
#include "textdiff.h"
#include "uireview.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QLabel>
#include <QHorizontalBarSeries>
#include <QPieSeries>
#include <QTimeZone>
#include <QAbstractItemView>
#include <QApplication>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTreeView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextEdit>
#include <QWebEngineView>

namespace {

const QString LeadPassword = QStringLiteral("Leitstelle-115!");
const QString AgentPassword = QStringLiteral("Bürgertelefon-1");

kb::User signUpFirstLead(kb::Store *store, const QString &name)
{
    desk::LoginDialog dialog(store);
    REQUIRE(dialog.isFirstLead());
    dialog.nameEdit()->setText(name);
    dialog.displayNameEdit()->setText(QStringLiteral("Lea Leitung"));
    dialog.passwordEdit()->setText(QStringLiteral("short"));
    dialog.repeatEdit()->setText(QStringLiteral("short"));
    dialog.accept();
    REQUIRE(dialog.result() != QDialog::Accepted); // password rules apply
    CHECK_FALSE(dialog.errorText().isEmpty());
    dialog.passwordEdit()->setText(LeadPassword);
    dialog.repeatEdit()->setText(LeadPassword);
    dialog.accept();
    INFO(dialog.errorText().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);
    return dialog.user();
}

kb::User signIn(kb::Store *store, const QString &name, const QString &password)
{
    desk::LoginDialog dialog(store);
    REQUIRE_FALSE(dialog.isFirstLead());
    dialog.nameEdit()->setText(name);
    dialog.passwordEdit()->setText(password);
    dialog.accept();
    INFO(dialog.errorText().toStdString());
    REQUIRE(dialog.result() == QDialog::Accepted);
    return dialog.user();
}

// A desk as main() builds it: the UI thread's session, the search thread's store with the same user, the window
// and the editorial actions.
struct EditorialDesk
{
    explicit EditorialDesk(const QString &dbPath, bool firstLead = true)
        : path(dbPath), session(openStore(dbPath)), service([this](QString *error) { return searchStore(error); })
    {
        if (firstLead) {
            session.signIn(signUpFirstLead(session.store(), QStringLiteral("lea")));
        }
        language.apply(QStringLiteral("de"));
        window = std::make_unique<desk::MainWindow>(&service, &settings, &language);
        actions = new desk::EditorialActions(window.get(), &service, &session);
        QSignalSpy ready(window.get(), &desk::MainWindow::catalogueReady);
        service.start();
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        REQUIRE((ready.count() > 0 || ready.wait(30000)));
    }

    static std::unique_ptr<kb::Store> openStore(const QString &path)
    {
        QString error;
        auto store = desk::openDeskCatalogue(path, &error);
        INFO(error.toStdString());
        REQUIRE(store);
        return store;
    }

    std::unique_ptr<kb::Store> searchStore(QString *error)
    {
        auto store = desk::openDeskCatalogue(path, error);
        if (store && session.isSignedIn()) {
            store->setActor(kb::Actor::signedIn(session.user()));
        }
        return store;
    }

    QString idOf(const QString &title) const
    {
        for (const kb::Article &article : session.store()->articles()) {
            if (article.title == title) {
                return article.id;
            }
        }
        FAIL("no article titled " << title.toStdString());
        return QString();
    }

    // The editing window with four-eyes off and autosave held back, for a lead who saves and publishes by hand.
    desk::EditorialWindow *openForHandEditing()
    {
        QString error;
        REQUIRE(session.store()->setFourEyes(false, &error));
        desk::EditorialWindow *w = actions->openEditorialWindow();
        REQUIRE(w);
        w->editor()->setPreviewEnabled(false);
        w->editor()->setAutosaveDelay(60000);
        w->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(w));
        return w;
    }

    // Types like an agent; true once the answer to the last keystroke is on screen.
    void search(const QString &text)
    {
        QLineEdit *edit = window->searchPanel()->searchEdit();
        edit->clear();
        QTest::keyClicks(edit, text);
        REQUIRE(QTest::qWaitFor(
            [this]() { return window->searchPanel()->resultModel()->shownRequestId() == service.newestSearchId(); },
            10000));
    }

    bool resultsContain(const QString &id) const
    {
        for (const kb::ResultItem &item : window->searchPanel()->resultModel()->items()) {
            if (item.id == id) {
                return true;
            }
        }
        return false;
    }

    QString path;
    desk::EditorialSession session;
    desk::DeskSettings settings;
    desk::LanguageManager language;
    desk::SearchService service;
    std::unique_ptr<desk::MainWindow> window;
    desk::EditorialActions *actions = nullptr;
};

// Asks for `w` to be the active window until it is (another window may hand the activation back late).
bool waitUntilActive(QWidget *w)
{
    return QTest::qWaitFor(
        [w]() {
            if (QApplication::activeWindow() != w) {
                w->activateWindow();
            }
            return QApplication::activeWindow() == w;
        },
        5000);
}

bool modelHas(const QStandardItemModel *model, int column, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row, column) && model->item(row, column)->text().contains(text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

void attachTesters(desk::EditorialWindow *w, std::vector<std::unique_ptr<QAbstractItemModelTester>> *testers)
{
    for (QAbstractItemModel *model :
         {w->articleModel(), w->reviewModel(), w->historyModel(), w->reviewDatesModel(), w->flagsModel(),
          w->synonymModel(), w->gapsModel(), w->auditModel(), w->userModel()}) {
        testers->push_back(
            std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::Fatal));
    }
}

} // namespace

TEST_CASE("a team lead edits and publishes a service, agents find it by the new synonym at once", "[desk][editorial]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    REQUIRE(desk.session.isLead());
    CHECK(desk.actions->editorialAction()->isVisible());
    QString error;
    REQUIRE(desk.session.store()->setFourEyes(false, &error));

    // Nothing is found for the word before the change.
    desk.search(QStringLiteral("Zauberpapier"));
    const QString id = desk.idOf(QStringLiteral("Reisepass"));
    CHECK_FALSE(desk.resultsContain(id));

    desk::EditorialWindow *workroom = desk.actions->openEditorialWindow();
    REQUIRE(workroom);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    attachTesters(workroom, &testers);
    desk::ArticleEditor *editor = workroom->editor();
    editor->setPreviewEnabled(false);
    editor->setAutosaveDelay(50);
    workroom->editArticle(id);
    REQUIRE(editor->articleId() == id);
    const int before = editor->baseVersion();

    // The lead types a synonym and rich text with a script and a javascript: link in it (as if pasted).
    QSignalSpy saved(editor, &desk::ArticleEditor::draftSaved);
    editor->synonymsEdit()->end(false);
    QTest::keyClicks(editor->synonymsEdit(), QStringLiteral(", Zauberpapier"));
    QTextCursor cursor(editor->descriptionEdit()->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertHtml(QStringLiteral("<p><b>Neu:</b> <a href=\"javascript:alert(1)\">hier klicken</a>"
                                     "<script>alert('x')</script></p>"));
    REQUIRE((saved.count() > 0 || saved.wait(5000))); // saved as you type
    const auto draft = desk.session.store()->draft(id, desk.session.user().id);
    REQUIRE(draft);
    CHECK(draft->baseVersion == before);
    CHECK(draft->content.keywords.contains(QStringLiteral("Zauberpapier")));
    CHECK(draft->content.descriptionHtml.contains(QStringLiteral("<strong>Neu:</strong>")));
    CHECK(draft->content.descriptionHtml.contains(QStringLiteral("hier klicken")));
    CHECK_FALSE(draft->content.descriptionHtml.contains(QStringLiteral("javascript"), Qt::CaseInsensitive));
    CHECK_FALSE(draft->content.descriptionHtml.contains(QStringLiteral("<script"), Qt::CaseInsensitive));

    // Four-eyes off: the lead publishes directly; the desk's search finds the service by the new word.
    REQUIRE(editor->publishButton()->isVisible());
    QSignalSpy published(editor, &desk::ArticleEditor::published);
    REQUIRE(editor->publish(QStringLiteral("Synonym ergänzt")));
    REQUIRE(published.count() == 1);
    CHECK(published.first().at(1).toInt() == before + 1);
    REQUIRE(QTest::qWaitFor([&]() { return desk.resultsContain(id); }, 10000)); // the pending query, re-run
    desk.search(QStringLiteral("Zauberpapier"));
    CHECK(desk.resultsContain(id));

    // History: the new version is listed and compared with the one before, side by side.
    workroom->showHistory(id);
    REQUIRE(workroom->historyModel()->rowCount() >= 1);
    CHECK(workroom->historyModel()->item(0, 0)->text() == QString::number(before + 1));
    if (workroom->historyModel()->rowCount() >= 2) {
        CHECK(workroom->historyDiff()->toHtml().contains(QStringLiteral("Zauberpapier")));
    }
    workroom->compareVersions(before, before + 1);
    CHECK(workroom->historyDiff()->toPlainText().contains(QStringLiteral("Zauberpapier")));

    // The synonym table: "Wunderpass" finds the passport at once.
    workroom->showPage(desk::EditorialWindow::SynonymsPage);
    REQUIRE(workroom->saveSynonym(QStringLiteral("Wunderpass"), {QStringLiteral("Reisepass")}));
    CHECK(modelHas(workroom->synonymModel(), 0, QStringLiteral("Wunderpass")));
    desk.search(QStringLiteral("Wunderpass"));
    REQUIRE(QTest::qWaitFor([&]() { return desk.resultsContain(id); }, 10000));
    // Hundreds of entries: the filter narrows them by term or expansion, and picking a filtered row edits that
    // entry, not the row at the same place in the whole table.
    auto *synonymFilter = workroom->findChild<QLineEdit *>(QStringLiteral("synonymFilter"));
    REQUIRE(synonymFilter);
    CHECK_FALSE(synonymFilter->accessibleName().isEmpty());
    auto *synonymsView = workroom->findChild<QTreeView *>(QStringLiteral("synonymsView"));
    REQUIRE(synonymsView);
    const int allSynonyms = synonymsView->model()->rowCount();
    REQUIRE(allSynonyms > 100); // the default table
    synonymFilter->setFocus(Qt::OtherFocusReason);
    QTest::keyClicks(synonymFilter, QStringLiteral("wunderp"));
    REQUIRE(synonymsView->model()->rowCount() == 1);
    synonymsView->setCurrentIndex(synonymsView->model()->index(0, 0));
    auto *synonymTerm = workroom->findChild<QLineEdit *>(QStringLiteral("synonymTerm"));
    REQUIRE(synonymTerm);
    CHECK(synonymTerm->text() == QStringLiteral("Wunderpass"));
    synonymFilter->clear();
    QTest::keyClicks(synonymFilter, QStringLiteral("Reisepass")); // an expansion: several terms stand for it
    CHECK(synonymsView->model()->rowCount() > 1);
    CHECK(synonymsView->model()->rowCount() < allSynonyms);
    synonymFilter->clear();
    CHECK(synonymsView->model()->rowCount() == allSynonyms);
    // A table from an older version gets the built-in entries it lacks; an entry it has stays as the lead left it.
    QString synonymError;
    REQUIRE(desk.session.store()->removeSynonym(QStringLiteral("Perso"), &synonymError));
    REQUIRE(workroom->saveSynonym(QStringLiteral("Lappen"), {QStringLiteral("Putzlappen")}));
    // … and an article from before the built-in example questions gets them, one with its own keeps them.
    std::optional<kb::Article> passport = desk.session.store()->article(QStringLiteral("1063441"));
    REQUIRE(passport);
    const QStringList builtInQuestions = passport->questions;
    REQUIRE(builtInQuestions.size() >= 3);
    passport->questions.clear();
    std::optional<kb::Article> registration = desk.session.store()->article(QStringLiteral("1063475"));
    REQUIRE(registration);
    registration->questions = {QStringLiteral("Eine Frage des Teams")};
    REQUIRE(desk.session.store()->upsert({{*passport, *registration}, {}}, nullptr, &synonymError));
    REQUIRE(desk.session.store()->article(QStringLiteral("1063441"))->questions.isEmpty());
    auto *addDefaults = workroom->findChild<QPushButton *>(QStringLiteral("addDefaultSynonyms"));
    REQUIRE(addDefaults);
    CHECK_FALSE(addDefaults->accessibleName().isEmpty());
    addDefaults->click();
    CHECK(synonymsView->model()->rowCount() == allSynonyms);
    CHECK(modelHas(workroom->synonymModel(), 0, QStringLiteral("Perso")));
    bool lappenKept = false;
    for (const kb::Synonym &synonym : desk.session.store()->synonyms(&synonymError)) {
        lappenKept = lappenKept || (synonym.term == QStringLiteral("Lappen") &&
                                    synonym.expansions == QStringList{QStringLiteral("Putzlappen")});
    }
    CHECK(lappenKept);
    CHECK(desk.session.store()->article(QStringLiteral("1063441"))->questions == builtInQuestions);
    CHECK(desk.session.store()->article(QStringLiteral("1063475"))->questions ==
          QStringList{QStringLiteral("Eine Frage des Teams")});
    CHECK(workroom->addDefaultSynonyms() == 0);

    // Audit log names the lead.
    workroom->showPage(desk::EditorialWindow::AuditPage);
    CHECK(modelHas(workroom->auditModel(), 1, QStringLiteral("lea")));
}

TEST_CASE("an agent sees no editor, the store refuses an agent's write, agents flag, leads resolve",
          "[desk][editorial][roles]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    QString error;
    {
        desk::EditorialWindow *users = desk.actions->openEditorialWindow();
        REQUIRE(users);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        attachTesters(users, &testers);
        users->editor()->setPreviewEnabled(false);
        users->showPage(desk::EditorialWindow::UsersPage);
        CHECK_FALSE(users->addUser(QStringLiteral("anna"), QStringLiteral("Anna Agentin"), false,
                                   QStringLiteral("kurz"))); // password rules
        REQUIRE(users->addUser(QStringLiteral("anna"), QStringLiteral("Anna Agentin"), false, AgentPassword));
        CHECK(modelHas(users->userModel(), 0, QStringLiteral("anna")));
    }
    desk.session.signIn(signIn(desk.session.store(), QStringLiteral("anna"), AgentPassword));
    REQUIRE_FALSE(desk.session.isLead());
    CHECK_FALSE(desk.actions->editorialAction()->isVisible());
    CHECK_FALSE(desk.actions->editorialAction()->isEnabled());
    CHECK(desk.actions->openEditorialWindow() == nullptr);

    // The store is the guard, not the menu.
    const QString id = desk.idOf(QStringLiteral("Reisepass"));
    kb::Article article = *desk.session.store()->article(id);
    article.title = QStringLiteral("Gehackt");
    const kb::EditResult result = desk.session.store()->saveDraft(article, article.version, &error);
    CHECK(result.status == kb::EditResult::Status::Failed);
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(desk.session.store()->setSynonym(kb::Synonym{QStringLiteral("x"), {QStringLiteral("y")}}, &error));
    CHECK(desk.session.store()->article(id)->title == QStringLiteral("Reisepass"));

    // The agent flags the open service with a comment.
    QSignalSpy shown(desk.window.get(), &desk::MainWindow::articleShown);
    desk.window->openArticle(id);
    REQUIRE(shown.wait(30000));
    QDialog *flagDialog = desk.actions->openFlagDialog();
    REQUIRE(flagDialog);
    CHECK(flagDialog->isVisible());
    flagDialog->reject();
    QSignalSpy flagged(desk.actions, &desk::EditorialActions::flagged);
    REQUIRE(desk.actions->flagCurrentArticle(QStringLiteral("Gebühr ist seit Januar höher")));
    CHECK(flagged.count() == 1);

    // Back to the lead: the flag is listed and resolved.
    desk.session.signIn(signIn(desk.session.store(), QStringLiteral("lea"), LeadPassword));
    desk::EditorialWindow *workroom = desk.actions->openEditorialWindow();
    REQUIRE(workroom);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    attachTesters(workroom, &testers);
    workroom->editor()->setPreviewEnabled(false);
    workroom->showPage(desk::EditorialWindow::FlagsPage);
    REQUIRE(modelHas(workroom->flagsModel(), 1, QStringLiteral("seit Januar")));
    workroom->showPage(desk::EditorialWindow::ReviewDatesPage);
    CHECK(modelHas(workroom->reviewDatesModel(), 0, QStringLiteral("Reisepass"))); // open flag → listed
    workroom->showPage(desk::EditorialWindow::FlagsPage);
    const auto views = workroom->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *v : views) {
        if (v->model() == workroom->flagsModel()) {
            v->setCurrentIndex(workroom->flagsModel()->index(0, 0));
        }
    }
    REQUIRE(workroom->resolveSelectedFlag(QStringLiteral("Gebühr korrigiert")));
    CHECK(workroom->flagsModel()->rowCount() == 0);
}

TEST_CASE("two team leads: the conflicting save shows both versions and nothing is lost, review queue",
          "[desk][editorial][conflict]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("catalogue.db"));
    QString error;
    desk::EditorialSession first(EditorialDesk::openStore(path));
    first.signIn(signUpFirstLead(first.store(), QStringLiteral("lea")));
    REQUIRE(first.store()->createUser(QStringLiteral("ben"), QStringLiteral("Ben Leitung"), kb::Role::Lead,
                                      LeadPassword, &error));
    desk::EditorialSession second(EditorialDesk::openStore(path)); // a second connection: another desk
    second.signIn(signIn(second.store(), QStringLiteral("ben"), LeadPassword));
    REQUIRE(first.store()->fourEyes());

    desk::EditorialWindow workroom(&first);
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    attachTesters(&workroom, &testers);
    desk::ArticleEditor *editor = workroom.editor();
    editor->setPreviewEnabled(false);
    editor->setAutosaveDelay(60000); // saved explicitly below
    workroom.show();
    const QString id = [&]() {
        for (const kb::Article &a : first.store()->articles()) {
            if (a.title == QStringLiteral("Reisepass")) {
                return a.id;
            }
        }
        return QString();
    }();
    REQUIRE_FALSE(id.isEmpty());
    workroom.editArticle(id);
    CHECK_FALSE(editor->publishButton()->isVisible()); // four-eyes on: no direct publishing
    const int base = editor->baseVersion();
    editor->titleEdit()->setText(QStringLiteral("Reisepass (Lea)"));
    Q_EMIT editor->titleEdit()->textEdited(editor->titleEdit()->text());
    REQUIRE(editor->saveNow());

    // Ben changes and publishes the same service meanwhile (his draft, approved by Lea through the review queue).
    kb::Article theirs = *second.store()->article(id);
    theirs.summary = QStringLiteral("Bens neue Zusammenfassung");
    REQUIRE(second.store()->saveDraft(theirs, base, &error).ok());
    REQUIRE(second.store()->submitDraft(id, &error));
    workroom.showPage(desk::EditorialWindow::ReviewPage);
    REQUIRE(workroom.reviewModel()->rowCount() == 1);
    for (QAbstractItemView *v : workroom.findChildren<QAbstractItemView *>()) {
        if (v->model() == workroom.reviewModel()) {
            v->setCurrentIndex(workroom.reviewModel()->index(0, 0));
        }
    }
    CHECK(workroom.reviewDiff()->toPlainText().contains(QStringLiteral("Bens neue Zusammenfassung")));
    REQUIRE(workroom.approveSelected(QStringLiteral("Zusammenfassung")));
    CHECK(first.store()->article(id)->version == base + 1);

    // Lea saves again: conflict, both versions side by side.
    workroom.showPage(desk::EditorialWindow::ArticlesPage);
    qRegisterMetaType<desk::ConflictDialog *>();
    QSignalSpy conflict(editor, &desk::ArticleEditor::conflictFound);
    editor->titleEdit()->setText(QStringLiteral("Reisepass (Lea, 2)"));
    Q_EMIT editor->titleEdit()->textEdited(editor->titleEdit()->text());
    CHECK_FALSE(editor->saveNow());
    REQUIRE(conflict.count() == 1);
    desk::ConflictDialog *dialog = editor->conflictDialog();
    REQUIRE(dialog);
    CHECK(dialog->isVisible());
    const QString comparison = dialog->comparison()->toPlainText();
    CHECK(comparison.contains(QStringLiteral("Reisepass (Lea, 2)")));
    CHECK(comparison.contains(QStringLiteral("Bens neue Zusammenfassung")));
    CHECK(first.store()->draft(id, first.user().id)->content.title == QStringLiteral("Reisepass (Lea, 2)")); // kept

    // Keep mine: saved on top of Ben's version, so it can go to review; Ben's summary is in the history.
    dialog->button(desk::ConflictDialog::KeepMine)->click();
    CHECK(editor->baseVersion() == base + 1);
    REQUIRE(editor->submitForReview());
    const auto history = first.store()->history(id);
    REQUIRE_FALSE(history.isEmpty());
    CHECK(history.first().content.summary == QStringLiteral("Bens neue Zusammenfassung"));

    // Ben approves Lea's draft from his desk.
    REQUIRE(second.store()->approveDraft(id, first.user().id, QStringLiteral("Titel"), &error).ok());
    CHECK(second.store()->article(id)->title == QStringLiteral("Reisepass (Lea, 2)"));
    // Lea kept hers, so the summary is hers again; Ben's stays in the history as version base + 1.
    CHECK(second.store()->articleVersion(id, base + 1)->content.summary == QStringLiteral("Bens neue Zusammenfassung"));

    // Restore the version before both changes as a new draft.
    workroom.showHistory(id);
    REQUIRE(workroom.historyModel()->rowCount() >= 2);
    for (QAbstractItemView *v : workroom.findChildren<QAbstractItemView *>()) {
        if (v->model() == workroom.historyModel()) {
            v->setCurrentIndex(workroom.historyModel()->index(workroom.historyModel()->rowCount() - 1, 0));
        }
    }
    REQUIRE(workroom.restoreSelectedVersion());
    CHECK(editor->titleEdit()->text() == QStringLiteral("Reisepass"));
}

TEST_CASE("the desk logs searches without caller data, the gaps view lists a zero-hit query", "[desk][editorial][gaps]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk.session.setSearchLogDelay(20);
    desk.search(QStringLiteral("qqxzvwj"));
    REQUIRE(desk.window->searchPanel()->resultModel()->rowCount() == 0);
    QTest::qWait(100);
    desk.session.flushSearchLog();
    desk::EditorialWindow *workroom = desk.actions->openEditorialWindow();
    REQUIRE(workroom);
    workroom->editor()->setPreviewEnabled(false);
    workroom->showPage(desk::EditorialWindow::GapsPage);
    REQUIRE(modelHas(workroom->gapsModel(), 0, QStringLiteral("qqxzvwj")));
    CHECK(workroom->gapsModel()->item(0, 2)->text() == QStringLiteral("1")); // without results

    // The words the catalogue does not know, counted over the searches: "zipline" twice (once beside a word it
    // knows), most searched first; Enter on it opens the synonym table with it as the term.
    for (const QString &query : {QStringLiteral("Zipline Personalausweis"), QStringLiteral("zipline")}) {
        desk.search(query);
        QTest::qWait(60);
        desk.session.flushSearchLog();
    }
    workroom->showPage(desk::EditorialWindow::GapsPage); // refreshes
    QStandardItemModel *words = workroom->unknownWordsModel();
    REQUIRE(words->rowCount() >= 2);
    CHECK(words->item(0, 0)->text() == QStringLiteral("zipline")); // as typed in its latest search
    CHECK(words->item(0, 1)->text() == QStringLiteral("2"));
    CHECK(modelHas(words, 0, QStringLiteral("qqxzvwj")));
    auto *view = workroom->findChild<QTreeView *>(QStringLiteral("unknownWordsView"));
    REQUIRE(view);
    CHECK_FALSE(view->accessibleName().isEmpty());
    view->setFocus(Qt::OtherFocusReason);
    view->setCurrentIndex(words->index(0, 0));
    QTest::keyClick(view, Qt::Key_Return);
    CHECK(workroom->tabs()->currentIndex() == desk::EditorialWindow::SynonymsPage);
    auto *term = workroom->findChild<QLineEdit *>(QStringLiteral("synonymTerm"));
    REQUIRE(term);
    CHECK(term->text() == QStringLiteral("zipline"));
}

TEST_CASE("a search from the knowledge gaps becomes an example question of the service in the editor, kept by "
          "publishing",
          "[desk][editorial][gaps][questions]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk.session.setSearchLogDelay(20);
    // How a caller put it, typed by an agent; no result opened. Logged as typed, found again in the gaps.
    const QString typed = QStringLiteral("Wo melde ich meinen Qqxzvwj-Foodtruck an");
    desk.search(QStringLiteral("  ") + typed + QStringLiteral(" "));
    QTest::qWait(100);
    desk.session.flushSearchLog();
    const QString id = desk.idOf(QStringLiteral("Reisepass"));
    QString error;
    REQUIRE(desk.session.store()->flagArticle(desk.idOf(QStringLiteral("Personalausweis")),
                                              QStringLiteral("Gebühr prüfen"), &error) > 0);
    const kb::Article before = *desk.session.store()->article(id);

    desk::EditorialWindow *w = desk.openForHandEditing();
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    attachTesters(w, &testers);
    auto *button = w->findChild<QPushButton *>(QStringLiteral("addGapAsQuestion"));
    REQUIRE(button);
    QTreeView *gapsView = nullptr;
    for (QTreeView *view : w->findChildren<QTreeView *>()) {
        if (view->model() == w->gapsModel()) {
            gapsView = view;
        }
    }
    REQUIRE(gapsView);
    const auto rowOf = [w](bool search) {
        QStandardItemModel *gaps = w->gapsModel();
        for (int row = 0; row < gaps->rowCount(); ++row) {
            const bool isSearch = gaps->item(row, 0)->text().contains(QStringLiteral("Qqxzvwj"));
            const bool isFlag = gaps->item(row, 0)->text() == QStringLiteral("Personalausweis");
            if ((search && isSearch) || (!search && isFlag)) {
                return row;
            }
        }
        return -1;
    };

    // No service in the editor: disabled even with the search selected, and the action refuses with a message.
    REQUIRE(w->editor()->articleId().isEmpty());
    w->showPage(desk::EditorialWindow::GapsPage);
    const int searchRow = rowOf(true);
    REQUIRE(searchRow >= 0);
    CHECK(w->gapsModel()->item(searchRow, 0)->text() == typed);
    REQUIRE(rowOf(false) >= 0);
    gapsView->setCurrentIndex(w->gapsModel()->index(searchRow, 0));
    CHECK_FALSE(button->isEnabled());
    CHECK_FALSE(w->addSelectedGapAsQuestion());
    CHECK(w->tabs()->currentIndex() == desk::EditorialWindow::GapsPage);
    CHECK_FALSE(button->accessibleName().isEmpty());
    CHECK_FALSE(button->accessibleDescription().isEmpty());

    // A service open: enabled for the search, named after the service; disabled for the flag row.
    w->editArticle(id);
    QPlainTextEdit *questions = w->editor()->questionsEdit();
    const QString loaded = questions->toPlainText();
    REQUIRE(loaded == before.questions.join(QLatin1Char('\n')));
    w->showPage(desk::EditorialWindow::GapsPage);
    gapsView->setCurrentIndex(w->gapsModel()->index(rowOf(false), 0));
    CHECK_FALSE(button->isEnabled());
    CHECK_FALSE(w->addSelectedGapAsQuestion());
    gapsView->setCurrentIndex(w->gapsModel()->index(rowOf(true), 0));
    CHECK(button->isEnabled());
    CHECK(button->text().contains(QStringLiteral("Reisepass")));
    CHECK(button->accessibleName().contains(QStringLiteral("Reisepass")));
    const QKeySequence mnemonic = QKeySequence::mnemonic(button->text());
    REQUIRE_FALSE(mnemonic.isEmpty());

    // Pressed with its mnemonic: the search as typed (trimmed) is the field's new last line, the cursor is in it,
    // the message line says what happened; the store's article is unchanged.
    REQUIRE(waitUntilActive(w));
    gapsView->setFocus(Qt::OtherFocusReason);
    QTest::keySequence(gapsView, mnemonic);
    // A mnemonic clicks the button animated (pressed for a moment, then clicked).
    CHECK(QTest::qWaitFor([w]() { return w->tabs()->currentIndex() == desk::EditorialWindow::ArticlesPage; }, 2000));
    CHECK(QApplication::focusWidget() == questions);
    CHECK(questions->toPlainText() == loaded + QLatin1Char('\n') + typed);
    CHECK(w->editor()->content().questions == before.questions + QStringList{typed});
    const QList<QLabel *> labels = w->findChildren<QLabel *>();
    CHECK(std::any_of(labels.cbegin(), labels.cend(), [&typed](const QLabel *l) {
        return l->text().contains(typed) && l->text().contains(QStringLiteral("Reisepass"));
    }));
    CHECK(desk.session.store()->article(id)->questions == before.questions);
    CHECK(desk.session.store()->article(id)->version == before.version);

    // Pressed again, and with the search in other letter case in the field: no duplicate.
    w->showPage(desk::EditorialWindow::GapsPage);
    gapsView->setCurrentIndex(w->gapsModel()->index(rowOf(true), 0));
    REQUIRE(button->isEnabled());
    button->click();
    CHECK(w->tabs()->currentIndex() == desk::EditorialWindow::ArticlesPage);
    CHECK(questions->toPlainText() == loaded + QLatin1Char('\n') + typed);
    questions->setPlainText(loaded + QLatin1Char('\n') + typed.toUpper() + QLatin1Char('\n'));
    w->showPage(desk::EditorialWindow::GapsPage);
    gapsView->setCurrentIndex(w->gapsModel()->index(rowOf(true), 0));
    CHECK_FALSE(w->addSelectedGapAsQuestion());
    CHECK(w->editor()->content().questions == before.questions + QStringList{typed.toUpper()});
    questions->setPlainText(loaded + QLatin1Char('\n') + typed);
    CHECK(desk.session.store()->article(id)->questions == before.questions);

    // Published by the lead: now the article has it.
    REQUIRE(w->editor()->publish(QStringLiteral("Beispielfrage aus den Wissenslücken")));
    const kb::Article after = *desk.session.store()->article(id);
    CHECK(after.questions == before.questions + QStringList{typed});
    CHECK(after.version == before.version + 1);
    w->close();
}

TEST_CASE("a multi-line fee text round-trips through the editor unchanged, diff and conflict show its lines",
          "[desk][editorial][fees]")
{
    QSettings().clear();
    QTemporaryDir dir;
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk::EditorialWindow *w = desk.openForHandEditing();
    desk::ArticleEditor *editor = w->editor();
    // The editing window still fits an agent's 1280x800 screen with the taller field.
    CHECK(w->minimumSizeHint().width() <= 1280);
    CHECK(w->minimumSizeHint().height() <= 760);

    const QString id = desk.idOf(QStringLiteral("Reisepass"));
    const kb::Article before = *desk.session.store()->article(id);
    w->editArticle(id);
    QPlainTextEdit *fees = editor->feesEdit();
    CHECK(fees->toPlainText() == kb::HtmlSanitizer::toPlainText(before.feesHtml).trimmed());
    const int line = fees->fontMetrics().lineSpacing();
    CHECK(fees->height() >= 3 * line); // a paragraph is visible, not one line
    CHECK(fees->height() <= 8 * line);

    // Typed like a lead: Return breaks the line, a blank line starts a paragraph, "– " lines make a list.
    fees->setFocus(Qt::OtherFocusReason);
    fees->selectAll();
    QTest::keyClick(fees, Qt::Key_Delete);
    QTest::keyClicks(fees, QStringLiteral("Reisepass mit 32 Seiten: 70 Euro"));
    QTest::keyClick(fees, Qt::Key_Return);
    QTest::keyClicks(fees, QStringLiteral("Reisepass mit 48 Seiten: 92 Euro"));
    QTest::keyClick(fees, Qt::Key_Return);
    QTest::keyClick(fees, Qt::Key_Return);
    fees->insertPlainText(QStringLiteral("– unter 24 Jahren: 37,50 Euro\n– Expresszuschlag: 32 Euro\n\n"));
    QTest::keyClicks(fees, QStringLiteral("Bitte beachten Sie: Gebuehren & Auslagen <bar> vor Ort."));
    const QString typed = QStringLiteral("Reisepass mit 32 Seiten: 70 Euro\nReisepass mit 48 Seiten: 92 Euro\n\n"
                                         "– unter 24 Jahren: 37,50 Euro\n– Expresszuschlag: 32 Euro\n\n"
                                         "Bitte beachten Sie: Gebuehren & Auslagen <bar> vor Ort.");
    REQUIRE(fees->toPlainText() == typed);
    QTest::keyClick(fees, Qt::Key_Tab); // Tab leaves the field, it types no tab
    CHECK(QApplication::focusWidget() != fees);
    CHECK(fees->toPlainText() == typed);

    REQUIRE(editor->saveNow());
    const std::optional<kb::Draft> draft = desk.session.store()->draft(id, desk.session.user().id);
    REQUIRE(draft);
    INFO(draft->content.feesHtml.toStdString());
    CHECK(draft->content.feesHtml.contains(
        QStringLiteral("Reisepass mit 32 Seiten: 70 Euro<br>Reisepass mit 48 Seiten: 92 Euro")));
    CHECK(draft->content.feesHtml.contains(QStringLiteral("<li>unter 24 Jahren: 37,50 Euro</li>")));
    CHECK(draft->content.feesHtml.contains(QStringLiteral("Gebuehren &amp; Auslagen &lt;bar&gt; vor Ort.")));
    // Opened again (another service in between): the draft reads exactly as typed.
    w->editArticle(desk.idOf(QStringLiteral("Personalausweis")));
    CHECK(fees->toPlainText() != typed);
    w->editArticle(id);
    CHECK(fees->toPlainText() == typed);

    // Published: the new version reads the same, and the history's diff shows the lines of both versions.
    REQUIRE(editor->publish(QStringLiteral("Gebühren 2026")));
    const kb::Article after = *desk.session.store()->article(id);
    CHECK(kb::HtmlSanitizer::toPlainText(after.feesHtml) == typed);
    CHECK(fees->toPlainText() == typed);
    const QList<kb::FieldDiff> diff = kb::diffArticles(before, after);
    const auto feesDiff = std::find_if(diff.cbegin(), diff.cend(),
                                       [](const kb::FieldDiff &d) { return d.field == QLatin1String("fees"); });
    REQUIRE(feesDiff != diff.cend());
    CHECK(feesDiff->changed);
    CHECK(feesDiff->after == typed);
    const QString table = desk::renderSideBySideDiff(diff, QStringLiteral("v1"), QStringLiteral("v2"));
    CHECK(table.contains(QStringLiteral("Seiten: 70 Euro<br>")));
    // A conflict shows the same comparison.
    desk::ConflictDialog conflict(before, after);
    CHECK(conflict.comparison()->toPlainText().contains(QStringLiteral("Reisepass mit 48 Seiten: 92 Euro")));

    // Another service whose fees the lead does not touch keeps the catalogue's own HTML when its title changes.
    const QString otherId = desk.idOf(QStringLiteral("Personalausweis"));
    const kb::Article other = *desk.session.store()->article(otherId);
    REQUIRE_FALSE(other.feesHtml.isEmpty());
    w->editArticle(otherId);
    editor->titleEdit()->setText(other.title + QStringLiteral(" (neu)"));
    CHECK(editor->content().feesHtml == other.feesHtml);
    w->close();
}

TEST_CASE("example questions: typed one per line, saved trimmed, loaded again, published, shown in the diff",
          "[desk][editorial][questions]")
{
    QSettings().clear();
    QTemporaryDir dir;
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk::EditorialWindow *w = desk.openForHandEditing();
    desk::ArticleEditor *editor = w->editor();

    const QString id = desk.idOf(QStringLiteral("Reisepass"));
    const kb::Article before = *desk.session.store()->article(id);
    REQUIRE(before.questions.size() >= 3); // the built-in ones
    w->editArticle(id);
    QPlainTextEdit *questions = editor->questionsEdit();
    REQUIRE(questions);
    CHECK(questions->objectName() == QStringLiteral("questions"));
    CHECK(w->findChild<QPlainTextEdit *>(QStringLiteral("questions")) == questions);
    CHECK(questions->toPlainText() == before.questions.join(QLatin1Char('\n')));
    // Named for screen readers, with its label as buddy and a mnemonic that puts the cursor there.
    CHECK_FALSE(questions->accessibleName().isEmpty());
    CHECK_FALSE(questions->accessibleDescription().isEmpty());
    const QList<QLabel *> labels = editor->findChildren<QLabel *>();
    const auto label =
        std::find_if(labels.cbegin(), labels.cend(), [questions](const QLabel *l) { return l->buddy() == questions; });
    REQUIRE(label != labels.cend());
    CHECK(QKeySequence::mnemonic((*label)->text()) != QKeySequence());

    // Typed like a lead: Return starts the next question, stray spaces and empty lines are dropped, Tab moves on.
    questions->setFocus(Qt::OtherFocusReason);
    questions->clear(); // the lead replaces the built-in ones
    QTest::keyClicks(questions, QStringLiteral("  Ich brauche einen neuen Pass, wie lange dauert das? "));
    QTest::keyClick(questions, Qt::Key_Return);
    QTest::keyClick(questions, Qt::Key_Return);
    QTest::keyClicks(questions, QStringLiteral("Mein Reisepass ist abgelaufen, was nun?"));
    QTest::keyClick(questions, Qt::Key_Return);
    QTest::keyClick(questions, Qt::Key_Tab);
    CHECK(QApplication::focusWidget() != questions);
    const QStringList typed = {QStringLiteral("Ich brauche einen neuen Pass, wie lange dauert das?"),
                               QStringLiteral("Mein Reisepass ist abgelaufen, was nun?")};
    CHECK(editor->content().questions == typed);
    REQUIRE(editor->saveNow());
    const std::optional<kb::Draft> draft = desk.session.store()->draft(id, desk.session.user().id);
    REQUIRE(draft);
    CHECK(draft->content.questions == typed);
    CHECK(desk.session.store()->article(id)->questions == before.questions); // a draft, not published

    // Opened again (another service in between): one question per line.
    const QString other = desk.idOf(QStringLiteral("Personalausweis"));
    w->editArticle(other);
    CHECK(questions->toPlainText() == desk.session.store()->article(other)->questions.join(QLatin1Char('\n')));
    w->editArticle(id);
    CHECK(questions->toPlainText() == typed.join(QLatin1Char('\n')));

    // Published: the article has them, and the review diff names the field.
    REQUIRE(editor->publish(QStringLiteral("Beispielfragen")));
    const kb::Article after = *desk.session.store()->article(id);
    CHECK(after.questions == typed);
    const QList<kb::FieldDiff> diff = kb::diffArticles(before, after);
    const auto questionsDiff = std::find_if(
        diff.cbegin(), diff.cend(), [](const kb::FieldDiff &d) { return d.field == QLatin1String("questions"); });
    REQUIRE(questionsDiff != diff.cend());
    CHECK(questionsDiff->changed);
    CHECK(questionsDiff->after == typed.join(QLatin1Char('\n')));
    const QString table = desk::renderSideBySideDiff(diff, QStringLiteral("v1"), QStringLiteral("v2"));
    CHECK(table.contains(QStringLiteral("Mein Reisepass ist abgelaufen, was nun?")));
    CHECK(table.contains(questionsDiff->label));

    // Emptied in the editor and published again: none left.
    w->editArticle(id);
    questions->selectAll();
    QTest::keyClick(questions, Qt::Key_Delete);
    REQUIRE(editor->publish(QStringLiteral("ohne Fragen")));
    CHECK(desk.session.store()->article(id)->questions.isEmpty());
    w->close();
}

TEST_CASE("the service editor's fields without a mnemonic are reached with Tab", "[desk][editorial][a11y]")
{
    QSettings().clear();
    QTemporaryDir dir;
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk::EditorialWindow *w = desk.actions->openEditorialWindow();
    REQUIRE(w);
    w->editArticle(desk.idOf(QStringLiteral("Reisepass")));
    desk::ArticleEditor *editor = w->editor();
    editor->setPreviewEnabled(false);
    REQUIRE(waitUntilActive(w));
    QList<QWidget *> unreached;
    for (QLabel *label : editor->findChildren<QLabel *>()) {
        if (label->text().endsWith(QLatin1Char(':')) && QKeySequence::mnemonic(label->text()).isEmpty()) {
            unreached << label->buddy();
        }
    }
    REQUIRE(unreached.size() >= 5); // processing time, legal basis, online service, category, dates
    editor->titleEdit()->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 80 && !unreached.isEmpty(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        unreached.removeAll(QApplication::focusWidget());
    }
    QStringList names;
    for (const QWidget *field : std::as_const(unreached)) {
        names << field->accessibleName();
    }
    INFO(names.join(QStringLiteral(", ")).toStdString());
    CHECK(unreached.isEmpty());
    w->close();
}

TEST_CASE("rich text becomes the small sanitised catalogue HTML", "[desk][editorial][sanitizer]")
{
    QTextDocument document;
    document.setHtml(QStringLiteral("<h1>Wichtig</h1><p>Text <i>kursiv</i> <a href=\"https://muenchen.de\">Link</a> "
                                    "<a href=\"javascript:evil()\">böse</a></p><ul><li>eins</li><li>zwei</li></ul>"
                                    "<p onclick=\"x()\">Ende<img src=\"http://evil/x.png\"></p>"));
    const QString html = desk::documentToCatalogueHtml(&document);
    INFO(html.toStdString());
    CHECK(html.contains(QStringLiteral("<h3>Wichtig</h3>")));
    CHECK(html.contains(QStringLiteral("<em>kursiv</em>")));
    CHECK(html.contains(QStringLiteral("href=\"https://muenchen.de\"")));
    CHECK(html.contains(QStringLiteral(">Link</a>")));
    CHECK(html.contains(QStringLiteral("<ul><li>eins</li><li>zwei</li></ul>")));
    CHECK_FALSE(html.contains(QStringLiteral("javascript")));
    CHECK_FALSE(html.contains(QStringLiteral("onclick")));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    CHECK(html.contains(QStringLiteral("böse")));
}

TEST_CASE("every new editorial widget has an accessible name and description", "[desk][editorial][a11y]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk::EditorialWindow *workroom = desk.actions->openEditorialWindow();
    REQUIRE(workroom);
    workroom->editor()->setPreviewEnabled(false);
    workroom->editArticle(desk.idOf(QStringLiteral("Reisepass")));
    desk::LoginDialog login(desk.session.store());
    login.show();
    kb::Article a = *desk.session.store()->article(desk.idOf(QStringLiteral("Reisepass")));
    kb::Article b = a;
    b.title = QStringLiteral("Anders");
    desk::ConflictDialog conflict(a, b);
    conflict.show();
    const auto check = [](QWidget *root) {
        int checked = 0;
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (w->focusPolicy() == Qt::NoFocus || !w->isEnabledTo(root) || w->inherits("QScrollBar")) {
                continue;
            }
            bool internal = false;
            for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget()) {
                internal = internal || qobject_cast<QWebEngineView *>(p) || qobject_cast<QComboBox *>(p) ||
                           p->inherits("QAbstractSpinBox") || p->inherits("QCalendarWidget") || p->inherits("QTabBar");
            }
            if (internal) {
                continue;
            }
            INFO(w->metaObject()->className()
                 << " " << w->objectName().toStdString() << " parent "
                 << (w->parentWidget() ? w->parentWidget()->metaObject()->className() : ""));
            if (w->inherits("QTabBar") || w->inherits("QScrollArea")) {
                continue; // named through their QTabWidget / content
            }
            CHECK_FALSE(w->accessibleName().isEmpty());
            CHECK_FALSE(w->accessibleDescription().isEmpty());
            ++checked;
        }
        return checked;
    };
    CHECK(check(workroom) > 30);
    CHECK(check(&login) >= 3);
    CHECK(check(&conflict) >= 4);
}

TEST_CASE("the report view draws the journal's figures and shows an empty state without calls",
          "[desk][editorial][report]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("journal.db"));

    desk::ReportView empty(dir.filePath(QStringLiteral("none.db")));
    REQUIRE(empty.refresh());
    CHECK_FALSE(empty.hasData());
    for (QComboBox *filter : empty.findChildren<QComboBox *>()) {
        CHECK_FALSE(filter->currentText().isEmpty()); // "All lines", "All municipalities"; not an empty box
    }
    CHECK_FALSE(empty.hourChart()->isVisibleTo(&empty));

    {
        QString error;
        auto journal = journal::JournalStore::open(path, &error);
        INFO(error.toStdString());
        REQUIRE(journal);
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        const QDate monday(2026, 11, 16);
        const QList<QPair<QDateTime, journal::Outcome>> calls = {
            {QDateTime(monday, QTime(9, 5), berlin), journal::Outcome::AnsweredDirectly},
            {QDateTime(monday, QTime(9, 40), berlin), journal::Outcome::AnsweredDirectly},
            {QDateTime(monday.addDays(2), QTime(14, 10), berlin), journal::Outcome::AnsweredDirectly},
        };
        for (const auto &[offered, outcome] : calls) {
            journal::CallRecord call;
            call.offeredAt = offered.toUTC();
            call.answeredAt = call.offeredAt.addSecs(10);
            call.endedAt = call.answeredAt.addSecs(120);
            call.line = offered.time().hour() == 14 ? QStringLiteral("0341 123") : QStringLiteral("115");
            call.serviceIds = {QStringLiteral("10115")};
            call.outcome = outcome;
            REQUIRE(journal->saveDraft(call, &error));
            REQUIRE(journal->commitCall(call, &error));
        }
    }
    {
        QString error;
        auto bookings = appointments::AppointmentStore::open(path, &error);
        INFO(error.toStdString());
        REQUIRE(bookings);
        appointments::OfficeSchedule office;
        office.officeId = QStringLiteral("o1");
        office.name = QStringLiteral("Bürgerbüro Mitte");
        office.hours = *appointments::OfficeSchedule::parseHours(QStringLiteral("Mo-Fr 08:00-16:00"), &error);
        REQUIRE(bookings->setOffice(office, &error));
        const QDateTime bookedAt(QDate(2026, 11, 17), QTime(10, 0), QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        bookings->setClock([bookedAt]() { return bookedAt.toUTC(); });
        appointments::BookingRequest request;
        request.officeId = QStringLiteral("o1");
        request.serviceId = QStringLiteral("10115");
        request.serviceTitle = QStringLiteral("Personalausweis");
        // 18 November is Buß- und Bettag, a holiday in Saxony.
        request.start =
            QDateTime(QDate(2026, 11, 19), QTime(9, 0), QTimeZone(QByteArrayLiteral("Europe/Berlin"))).toUTC();
        request.durationMinutes = 15;
        request.citizenName = QStringLiteral("Erika Muster");
        request.confirmation.send = false;
        appointments::Booking booking;
        const bool booked = bookings->book(request, &booking, nullptr, &error);
        INFO(error.toStdString());
        REQUIRE(booked);
    }
    desk::ReportView report(path);
    report.setOfficeNames(
        [](const QString &id) { return id == QStringLiteral("o1") ? QStringLiteral("Bürgerbüro Mitte") : QString(); });
    report.setPeriod(QDate(2026, 11, 16), QDate(2026, 11, 22));
    report.show();
    REQUIRE(report.refresh());
    REQUIRE(report.hasData());
    CHECK(report.figures().calls == 3);
    CHECK(report.hourChart()->isVisibleTo(&report));
    const auto hourSeries = report.hourChart()->chart()->series();
    REQUIRE(hourSeries.size() == 1);
    auto *bars = qobject_cast<QBarSeries *>(hourSeries.first());
    REQUIRE(bars);
    REQUIRE(bars->barSets().size() == 1);
    CHECK(bars->barSets().first()->count() == 24);
    CHECK(bars->barSets().first()->at(9) == 2);
    CHECK(bars->barSets().first()->at(14) == 1);
    auto *days = qobject_cast<QBarSeries *>(report.weekdayChart()->chart()->series().value(0));
    REQUIRE(days);
    CHECK(days->barSets().first()->count() == 7);
    CHECK(days->barSets().first()->at(0) == 2); // Monday
    CHECK(days->barSets().first()->at(2) == 1); // Wednesday
    auto *pie = qobject_cast<QPieSeries *>(report.outcomeChart()->chart()->series().value(0));
    REQUIRE(pie);
    CHECK(pie->count() == 1); // all answered directly
    CHECK(report.summaryLabel()->text().contains(QStringLiteral("100")));
    REQUIRE(report.appointmentsPerOffice().size() == 1);
    CHECK(report.appointmentsPerOffice().first().second == 1);
    auto *offices = qobject_cast<QHorizontalBarSeries *>(report.officesChart()->chart()->series().value(0));
    REQUIRE(offices);
    CHECK(offices->barSets().first()->count() == 1);
    auto *services = qobject_cast<QHorizontalBarSeries *>(report.servicesChart()->chart()->series().value(0));
    REQUIRE(services);
    CHECK(services->barSets().first()->count() == 1);
    CHECK(services->barSets().first()->at(0) == 3);
    CHECK(report.lineCombo()->count() == 3); // all, 0341 123, 115
    report.lineCombo()->setCurrentIndex(report.lineCombo()->findData(QStringLiteral("115")));
    Q_EMIT report.lineCombo()->activated(report.lineCombo()->currentIndex());
    CHECK(report.figures().calls == 2);
    auto *hours115 = qobject_cast<QBarSeries *>(report.hourChart()->chart()->series().value(0));
    REQUIRE(hours115);
    CHECK(hours115->barSets().first()->at(14) == 0);
    CHECK(hours115->barSets().first()->at(9) == 2);
    report.lineCombo()->setCurrentIndex(0);
    Q_EMIT report.lineCombo()->activated(0);
    REQUIRE(report.figures().calls == 3);
    QString error;
    const QString csvPath = dir.filePath(QStringLiteral("figures.csv"));
    REQUIRE(report.exportCsv(csvPath, &error));
    QFile csv(csvPath);
    REQUIRE(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    CHECK(text.contains(QStringLiteral("calls,,3\r\n")));
    CHECK(text.contains(QStringLiteral("calls_per_hour,9,2\r\n")));
    CHECK(text.contains(QStringLiteral("appointments_per_office,\"o1\",1\r\n")));
}

TEST_CASE("agents see a notice on services due for review or changing validity in the result lists",
          "[desk][editorial][review]")
{
    const QDate today(2026, 11, 22);
    kb::Article article;
    article.id = QStringLiteral("x");
    article.title = QStringLiteral("Hundesteuer");
    CHECK(desk::articleNotice(article, today).isEmpty());
    article.reviewBy = today.addDays(-1);
    CHECK_FALSE(desk::articleNotice(article, today).isEmpty());
    article.reviewBy = QDate();
    article.validTo = today.addDays(10);
    const QString changing = desk::articleNotice(article, today);
    CHECK(changing.contains(QLocale().toString(today.addDays(11), QLocale::ShortFormat)));
    article.validTo = today.addDays(-1);
    CHECK_FALSE(desk::articleNotice(article, today).isEmpty());

    kb::SearchResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    kb::ResultItem item;
    item.id = article.id;
    item.title = article.title;
    item.notice = desk::articleNotice(article, today);
    model.setItems({item});
    REQUIRE(model.rowCount() == 1);
    CHECK(model.index(0).data(kb::SearchResultModel::NoticeRole).toString() == item.notice);
    CHECK(model.index(0).data(Qt::AccessibleTextRole).toString().contains(item.notice));
}

TEST_CASE("the store keeps no script in a draft even when a client skips the desk's sanitiser",
          "[desk][editorial][sanitizer]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    desk::EditorialSession session(EditorialDesk::openStore(dir.filePath(QStringLiteral("catalogue.db"))));
    session.signIn(signUpFirstLead(session.store(), QStringLiteral("lea")));
    kb::Article article = session.store()->articles().first();
    article.descriptionHtml =
        QStringLiteral("<p onclick=\"steal()\">Text<script>alert(1)</script>"
                       "<a href=\"javascript:alert(2)\">hier</a><img src=\"http://x/y.png\"></p>");
    article.feesHtml = QStringLiteral("<p>10 Euro<script>alert(3)</script></p>");
    QString error;
    const kb::EditResult saved = session.store()->saveDraft(article, article.version, &error);
    INFO(error.toStdString());
    REQUIRE(saved.ok());
    const auto draft = session.store()->draft(article.id, session.user().id);
    REQUIRE(draft);
    for (const QString &html : {draft->content.descriptionHtml, draft->content.feesHtml}) {
        CHECK_FALSE(html.contains(QStringLiteral("script"), Qt::CaseInsensitive));
        CHECK_FALSE(html.contains(QStringLiteral("onclick"), Qt::CaseInsensitive));
        CHECK_FALSE(html.contains(QStringLiteral("javascript"), Qt::CaseInsensitive));
        CHECK_FALSE(html.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
    }
    CHECK(draft->content.descriptionHtml.contains(QStringLiteral("hier")));
    CHECK(draft->content.feesHtml.contains(QStringLiteral("10 Euro")));
}

TEST_CASE("every shortcut of the whole desk (search, calls, editorial) belongs to one action only", "[editorial][a11y]")
{
    QTemporaryDir dir;
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk::CallDeskConfig config;
    config.journalPath = dir.filePath(QStringLiteral("journal.db"));
    desk::CallDesk calls(desk.window.get(), config); // its actions exist once constructed

    QHash<QString, QString> owner; // key sequence → the action's text
    QStringList clashes;
    for (QAction *action : desk.window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            if (key.isEmpty()) {
                continue;
            }
            const QString k = key.toString(QKeySequence::PortableText);
            const QString text = action->text().isEmpty() ? action->objectName() : action->text();
            if (owner.contains(k) && owner.value(k) != text) {
                clashes << k + QStringLiteral(": ") + owner.value(k) + QStringLiteral(" / ") + text;
            }
            owner.insert(k, text);
        }
    }
    INFO(clashes.join(QLatin1Char('\n')).toStdString());
    CHECK(clashes.isEmpty());
    CHECK(owner.size() > 30);
}

TEST_CASE("mnemonics are unique in every menu and dialog and on every editorial page in German and English",
          "[editorial][a11y]")
{
    QSettings().clear();
    QTemporaryDir dir;
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    desk::CallDeskConfig config;
    config.journalPath = dir.filePath(QStringLiteral("journal.db"));
    desk::CallDesk calls(desk.window.get(), config); // its actions are in the Call menu once constructed
    QString error;
    auto bookings = appointments::AppointmentStore::open(dir.filePath(QStringLiteral("bookings.db")), &error);
    REQUIRE(bookings);
    const kb::Article article = *desk.session.store()->article(desk.idOf(QStringLiteral("Reisepass")));
    const QList<kb::Office> offices = desk.session.store()->offices(&error);
    for (const QString &lang : {QStringLiteral("de"), QStringLiteral("en")}) {
        desk.language.apply(lang);
        QTest::qWait(50); // LanguageChange is posted
        const auto check = [&lang](const QString &where, const QStringList &clashes) {
            INFO(lang.toStdString() << ", " << where.toStdString() << ": "
                                    << clashes.join(QLatin1Char('\n')).toStdString());
            CHECK(clashes.isEmpty());
        };
        for (QAction *menu : desk.window->menuBar()->actions()) {
            if (menu->menu()) {
                check(menu->text(), deskfixtures::mnemonicClashes(menu->menu()->actions()));
            }
        }
        check(QStringLiteral("menu bar"), deskfixtures::mnemonicClashes(desk.window->menuBar()->actions()));
        {
            desk::ForwardDialog forward(journal::ForwardRequest{}, QString());
            forward.show();
            check(QStringLiteral("forward"), deskfixtures::mnemonicClashes(&forward));
        }
        {
            desk::AppointmentDialog booking(bookings.get(), article, offices, appointments::Confirmation{},
                                            QStringLiteral("agent"), QString());
            booking.show();
            check(QStringLiteral("appointment"), deskfixtures::mnemonicClashes(&booking));
        }
        {
            desk::ChangePasswordDialog password(&desk.session);
            password.show();
            check(QStringLiteral("password"), deskfixtures::mnemonicClashes(&password));
        }
        desk::EditorialWindow *w = desk.actions->openEditorialWindow();
        REQUIRE(w);
        // Everything a key reaches at once: the tabs and the visible page, on the first page with the service editor
        // beside the list (all its buttons shown: Publish appears with four-eyes review off).
        w->editArticle(article.id);
        auto *editor = w->findChild<desk::ArticleEditor *>();
        REQUIRE(editor);
        for (const bool fourEyes : {true, false}) {
            QString fourEyesError;
            REQUIRE(desk.session.store()->setFourEyes(fourEyes, &fourEyesError));
            w->editArticle(article.id);
            REQUIRE(editor->publishButton()->isVisibleTo(w) == !fourEyes);
            check(QStringLiteral("service editor with the tabs, four-eyes %1").arg(fourEyes),
                  deskfixtures::mnemonicClashes(w));
        }
        // The frequent fields keep a mnemonic; the rare ones (legal basis, category, dates …) have none but a buddy
        // label for screen readers and are reached with Tab.
        for (QWidget *field : {static_cast<QWidget *>(editor->titleEdit()), static_cast<QWidget *>(editor->feesEdit()),
                               static_cast<QWidget *>(editor->descriptionEdit())}) {
            const QList<QLabel *> labels = w->findChildren<QLabel *>();
            const auto label =
                std::find_if(labels.cbegin(), labels.cend(), [field](const QLabel *l) { return l->buddy() == field; });
            REQUIRE(label != labels.cend());
            INFO(lang.toStdString() << ": " << (*label)->text().toStdString());
            CHECK(QKeySequence::mnemonic((*label)->text()) != QKeySequence());
        }
        // Every field label has its field as buddy, and its mnemonic (if any) puts the cursor there.
        // The dialogs closed above hand the activation back to the main window asynchronously: wait for it to settle.
        const auto activate = [w]() { return waitUntilActive(w); };
        auto *serviceList = w->findChild<QListView *>();
        REQUIRE(serviceList);
        int mnemonics = 0;
        for (QLabel *label : editor->findChildren<QLabel *>()) {
            if (!label->text().endsWith(QLatin1Char(':'))) {
                continue;
            }
            INFO(lang.toStdString() << ": " << label->text().toStdString());
            REQUIRE(label->buddy()); // a field label without a buddy is not read with its field
            CHECK(label->buddy()->focusPolicy() != Qt::NoFocus);
            const QKeySequence key = QKeySequence::mnemonic(label->text());
            if (key.isEmpty()) {
                continue;
            }
            ++mnemonics;
            REQUIRE(activate());
            serviceList->setFocus(Qt::OtherFocusReason); // away from the field, in this window
            QTest::keySequence(serviceList, key);
            CHECK(QApplication::focusWidget() == label->buddy());
        }
        CHECK(mnemonics >= 7);
        for (int page = desk::EditorialWindow::ArticlesPage; page <= desk::EditorialWindow::UsersPage; ++page) {
            w->showPage(static_cast<desk::EditorialWindow::Page>(page));
            check(QStringLiteral("editorial page %1").arg(page), deskfixtures::mnemonicClashes(w));
            QTest::qWait(20); // the columns are fitted once the model's change is through
            for (QTreeView *table : w->findChildren<QTreeView *>()) {
                if (!table->isVisibleTo(w)) {
                    continue;
                }
                const QHeaderView *header = table->header();
                for (int i = 0; i + 1 < header->count(); ++i) {
                    INFO(lang.toStdString() << ", page " << page << ", column "
                                            << table->model()->headerData(i, Qt::Horizontal).toString().toStdString());
                    CHECK(header->sectionSize(i) >= header->sectionSizeHint(i)); // the title is not cut off
                }
            }
        }
        w->close();
    }
    desk.language.apply(QStringLiteral("de"));
}

TEST_CASE("sign-in, password, flag and figures name every field for screen readers in German and English",
          "[editorial][a11y]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
    for (const QString &lang : {QStringLiteral("de"), QStringLiteral("en")}) {
        desk.language.apply(lang);
        QTest::qWait(50);
        const auto check = [&lang](const char *where, QWidget *root) {
            REQUIRE(root);
            const QStringList unnamed = deskfixtures::unnamedWidgets(root);
            INFO(lang.toStdString() << ", " << where << ":\n" << unnamed.join(QLatin1Char('\n')).toStdString());
            CHECK(unnamed.isEmpty());
        };
        {
            auto store = EditorialDesk::openStore(dir.filePath(QStringLiteral("first-%1.db").arg(lang)));
            desk::LoginDialog first(store.get());
            first.show();
            check("first team lead", &first);
        }
        {
            desk::LoginDialog login(desk.session.store());
            login.show();
            check("sign-in", &login);
        }
        QDialog *password = desk.actions->openChangePassword();
        check("change password", password);
        password->reject();
        QPointer<desk::ReportView> report = desk.actions->openReport(dir.filePath(QStringLiteral("journal.db")));
        check("figures", report);
        REQUIRE(QTest::qWaitForWindowExposed(report));
        report->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(report));
        QTest::keyClick(report, Qt::Key_Escape); // closes it like a dialog
        CHECK((!report || !report->isVisible()));
        QSignalSpy shown(desk.window.get(), &desk::MainWindow::articleShown);
        desk.window->openArticle(desk.idOf(QStringLiteral("Reisepass")));
        REQUIRE(shown.wait(30000));
        QDialog *flag = desk.actions->openFlagDialog();
        check("flag", flag);
        flag->reject();
    }
    desk.language.apply(QStringLiteral("de"));
}

TEST_CASE("errors and hints are readable in light and dark palettes: sign-in, settings", "[editorial][a11y]")
{
    QSettings().clear();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto store = EditorialDesk::openStore(dir.filePath(QStringLiteral("catalogue.db")));
    signUpFirstLead(store.get(), QStringLiteral("lea"));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    const QPalette original = QApplication::palette();
    desk::DeskSettings settings;
    desk::SettingsDialog dialog(&settings, QStringLiteral("/var/lib/x.sqlite")); // made before the palette changes
    for (const QPalette &palette : {original, dark}) {
        QApplication::setPalette(palette);
        // Every text of the settings, hints included (they were drawn in PlaceholderText: 3.8:1 on light grey).
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (!label->text().isEmpty() && label->isEnabled()) {
                INFO(label->text().left(60).toStdString() << ": " << deskfixtures::textContrast(label));
                CHECK(deskfixtures::textContrast(label) >= 4.5);
            }
        }
        desk::LoginDialog login(store.get());
        login.nameEdit()->setText(QStringLiteral("lea"));
        login.passwordEdit()->setText(QStringLiteral("wrong password"));
        login.accept();
        REQUIRE_FALSE(login.errorText().isEmpty());
        const QLabel *error = nullptr;
        for (const QLabel *label : login.findChildren<QLabel *>()) {
            error = label->text() == login.errorText() ? label : error;
        }
        REQUIRE(error);
        INFO("contrast " << deskfixtures::textContrast(error));
        CHECK(deskfixtures::textContrast(error) >= 4.5); // it was white on light grey: 1.1:1
    }
    QApplication::setPalette(original);
}

TEST_CASE("render editorial review pictures in German and English", "[.shots]")
{
    const QString out = qEnvironmentVariable("SHOTS_DIR", QStringLiteral("/tmp"));
    for (const QString &lang : {QStringLiteral("de"), QStringLiteral("en")}) {
        QSettings().clear();
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const QString p = lang + QLatin1Char('-');
        {
            desk::LanguageManager language;
            language.apply(lang);
            auto store = EditorialDesk::openStore(dir.filePath(QStringLiteral("first.db")));
            desk::LoginDialog first(store.get());
            first.show();
            deskfixtures::shoot(&first, out, p + QStringLiteral("login-firstlead"));
        }
        EditorialDesk desk(dir.filePath(QStringLiteral("catalogue.db")));
        desk.language.apply(lang);
        desk.window->resize(1280, 800);
        {
            desk::LoginDialog login(desk.session.store());
            login.show();
            deskfixtures::shoot(&login, out, p + QStringLiteral("login"));
        }
        desk::EditorialWindow *w = desk.actions->openEditorialWindow();
        REQUIRE(w);
        for (int page = desk::EditorialWindow::ArticlesPage; page <= desk::EditorialWindow::UsersPage; ++page) {
            w->showPage(static_cast<desk::EditorialWindow::Page>(page));
            deskfixtures::shoot(w, out, p + QStringLiteral("editorial%1").arg(page));
        }
        w->editArticle(desk.idOf(QStringLiteral("Reisepass")));
        QTest::qWait(1500);
        deskfixtures::shoot(w, out, p + QStringLiteral("editor"));
        w->close();
        desk::ReportView *report = desk.actions->openReport(dir.filePath(QStringLiteral("journal.db")));
        REQUIRE(report);
        deskfixtures::shoot(report, out, p + QStringLiteral("report"));
        report->close();
        if (QDialog *pw = desk.actions->openChangePassword()) {
            deskfixtures::shoot(pw, out, p + QStringLiteral("password"));
            pw->reject();
        }
        {
            QSignalSpy shown(desk.window.get(), &desk::MainWindow::articleShown);
            desk.window->openArticle(desk.idOf(QStringLiteral("Reisepass")));
            REQUIRE(shown.wait(30000));
        }
        if (QDialog *flag = desk.actions->openFlagDialog()) {
            deskfixtures::shoot(flag, out, p + QStringLiteral("flag"));
            flag->reject();
        }
    }
    QSettings().clear();
}
