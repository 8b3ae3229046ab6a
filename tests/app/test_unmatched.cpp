// The desk names the words of a search that the catalogue does not know („Nicht im Katalog: foodtruck“): above
// the results when the other words found something, in the empty state when nothing was found, and to screen
// readers once typing pauses. The real MainWindow with its search thread on the test catalogue.
#include "catch_qt.h"

#include "desksettings.h"
#include "deskwindow.h"
#include "language.h"
#include "mainwindow.h"
#include "memorystore.h"
#include "searchpanel.h"
#include "searchservice.h"
#include "searchworker.h"
#include "uireview.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace deskfixtures;

namespace {

// What screen readers were told: every Alert event with the accessible name of the widget it came from.
QStringList g_alerts;

void recordAlert(QAccessibleEvent *event)
{
    if (event->type() == QAccessible::Alert) {
        if (QAccessibleInterface *iface = event->accessibleInterface()) {
            g_alerts << iface->text(QAccessible::Name);
        }
    }
}

// A desk with fresh settings, whose typing replaces what the search box holds.
struct UnmatchedDesk : DeskWindow
{
    // (The settings are cleared before the window reads them.)
    explicit UnmatchedDesk(const QString &lang) : DeskWindow((QSettings().clear(), munichSample()), lang) {}

    void type(const QString &text)
    {
        edit()->clear();
        DeskWindow::type(text);
    }
};

} // namespace

TEST_CASE("words the catalogue does not know are named above the results and in the empty state", "[desk][unmatched]")
{
    QAccessible::installUpdateHandler(recordAlert);
    QAccessible::setActive(true);
    // Only a platform with an accessibility bridge (xcb: the Xvfb run) delivers events; offscreen has none, and
    // there the test checks what the panel announced.
    const bool bridge = QAccessible::isActive();
    if (!bridge) {
        WARN("no accessibility bridge on this platform: the Alert events are checked in the Xvfb run");
    }
    g_alerts.clear();
    {
        UnmatchedDesk desk(QStringLiteral("de"));
        QLabel *hint = desk.panel()->unmatchedHint();
        auto *status = desk.panel()->findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
        REQUIRE(status);
        REQUIRE(status != hint);
        const QList<QWidget *> tabOrder = [&desk]() {
            QList<QWidget *> order;
            QWidget *start = desk.panel()->searchEdit();
            QWidget *w = start;
            do {
                order << w;
                w = w->nextInFocusChain();
            } while (w && w != start && order.size() < 500);
            return order;
        }();
        CHECK_FALSE(hint->isVisible());

        // Nothing matches: the empty state says which word is unknown instead of "nothing found".
        desk.type(QStringLiteral("foodtruck"));
        CHECK(desk.panel()->resultModel()->rowCount() == 0);
        CHECK(status->text() == QStringLiteral("Nicht im Katalog: foodtruck"));
        CHECK_FALSE(hint->isVisible());
        REQUIRE(QTest::qWaitFor(
            [&]() { return desk.panel()->lastAnnouncement() == QStringLiteral("Nicht im Katalog: foodtruck"); }, 3000));
        CHECK(g_alerts.contains(QStringLiteral("Nicht im Katalog: foodtruck")) == bridge);

        // Results from the other word only: the hint above the list names the unknown one, as typed.
        g_alerts.clear();
        desk.type(QStringLiteral("Reisepass Foodtruck"));
        REQUIRE(desk.panel()->resultModel()->rowCount() >= 1);
        CHECK(desk.panel()->resultModel()->item(0).title == QStringLiteral("Reisepass"));
        CHECK(hint->isVisible());
        CHECK(hint->text() == QStringLiteral("Nicht im Katalog: Foodtruck"));
        CHECK(hint->textFormat() == Qt::PlainText);
        CHECK(hint->y() < desk.panel()->resultView()->mapTo(desk.panel(), QPoint(0, 0)).y()); // above the list
        CHECK(hint->accessibleName() == hint->text());
        CHECK(hint->accessibleDescription().contains(QStringLiteral("A–Z")));
        CHECK(hint->focusPolicy() == Qt::NoFocus);
        // Readable (BITV: 4.5:1) in a light and a dark palette.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        const QPalette original = QApplication::palette();
        for (const QPalette &palette : {original, dark}) {
            QApplication::setPalette(palette);
            INFO("contrast " << deskfixtures::textContrast(hint));
            CHECK(deskfixtures::textContrast(hint) >= 4.5);
        }
        QApplication::setPalette(original);
        CHECK(desk.panel()->lastAnnouncement().isEmpty()); // told once typing pauses, not at every keystroke
        REQUIRE(QTest::qWaitFor(
            [&]() { return desk.panel()->lastAnnouncement() == QStringLiteral("Nicht im Katalog: Foodtruck"); }, 3000));
        CHECK(g_alerts.contains(QStringLiteral("Nicht im Katalog: Foodtruck")) == bridge);
        CHECK(g_alerts.filter(QStringLiteral("Nicht im Katalog")).size() == (bridge ? 1 : 0));
        CHECK(desk.panel()->searchEdit()->hasFocus()); // the hint never takes the focus …
        QList<QWidget *> orderNow;
        for (QWidget *w = desk.panel()->searchEdit(); w && (orderNow.isEmpty() || w != desk.panel()->searchEdit());
             w = w->nextInFocusChain()) {
            orderNow << w;
            if (orderNow.size() >= 500) {
                break;
            }
        }
        CHECK(orderNow == tabOrder); // … nor changes the tab order

        // The hint belongs to the results: not shown over the A–Z index.
        desk.panel()->showPage(desk::SearchPanel::AzPage);
        CHECK_FALSE(hint->isVisible());
        desk.panel()->showPage(desk::SearchPanel::ResultsPage);
        CHECK(hint->isVisible());

        // Every word matches: the hint goes away.
        desk.type(QStringLiteral("Perso"));
        REQUIRE(desk.panel()->resultModel()->rowCount() >= 1);
        CHECK(desk.panel()->resultModel()->item(0).title == QStringLiteral("Personalausweis"));
        CHECK_FALSE(hint->isVisible());
        CHECK_FALSE(status->text().contains(QStringLiteral("Katalog")));
        CHECK(desk.panel()->lastAnnouncement().isEmpty());
    }
    {
        UnmatchedDesk desk(QStringLiteral("en"));
        desk.type(QStringLiteral("Perso xyzq"));
        QLabel *hint = desk.panel()->unmatchedHint();
        REQUIRE(desk.panel()->resultModel()->rowCount() >= 1);
        CHECK(hint->isVisible());
        CHECK(hint->text() == QStringLiteral("Not in the catalogue: xyzq"));
        CHECK(hint->accessibleDescription().startsWith(QStringLiteral("Words of the search")));
        desk.type(QStringLiteral("Perso"));
        CHECK_FALSE(hint->isVisible());
    }
    QAccessible::installUpdateHandler(nullptr);
    QAccessible::setActive(false);
}

TEST_CASE("the search thread sends the unmatched words with the results", "[desk][unmatched]")
{
    desk::SearchWorker worker([](QString *) { return std::make_unique<MemoryStore>(munichSample()); });
    QSignalSpy finished(&worker, &desk::SearchWorker::searchFinished);
    worker.open();
    worker.noteRequested(2);
    worker.search(1, QStringLiteral("Reisepass xyzq"), 10); // overtaken: skipped, nothing computed
    worker.search(2, QStringLiteral("Ein Reisepass für den Foodtruck?"), 10);
    REQUIRE(finished.count() == 1);
    const QList<QVariant> answer = finished.takeFirst();
    CHECK(answer.at(0).toULongLong() == 2);
    REQUIRE_FALSE(answer.at(2).value<QList<kb::ResultItem>>().isEmpty());
    CHECK(answer.at(4).toStringList() == QStringList{QStringLiteral("Foodtruck")});
    worker.noteRequested(3);
    worker.search(3, QStringLiteral("Reisepass"), 10);
    REQUIRE(finished.count() == 1);
    CHECK(finished.takeFirst().at(4).toStringList().isEmpty());
}
