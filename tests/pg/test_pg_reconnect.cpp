// Settings → Server applied without a restart: a shared-mode desk started with settings that cannot reach the server
// queues its writes; the agent opens Settings (Ctrl+,), corrects the Server page and presses OK; the desk reconnects
// with the new settings, the status label says so, and the queue drains exactly once. Then a second change (another
// login) reconnects an online desk, and writes go out under the new login. Against the real throwaway cluster.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "desksettings.h"
#include "editorialsession.h"
#include "language.h"
#include "mainwindow.h"
#include "pgstore.h"
#include "searchservice.h"
#include "serversettingspage.h"
#include "serverstatuslabel.h"
#include "settingsdialog.h"
#include "sharedstoreconnector.h"
#include "writequeue.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hotline::test;

namespace {

constexpr char AgentPassword[] = "agent-Pa55word";
constexpr char LeadPassword[] = "lead-Pa55word";

int count(RawPg &raw, const QString &sql)
{
    QSqlQuery q(raw.db());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

int pending(const QString &folder)
{
    QString error;
    auto queue = kb::WriteQueue::open(QDir(folder).filePath(QStringLiteral("queue.db")), &error);
    REQUIRE(queue);
    return int(queue->pending(1000, &error).size());
}

// A loopback port nobody listens on.
int closedPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const int port = probe.serverPort();
    probe.close();
    return port;
}

// Settings → Server through the real dialog, opened with Ctrl+, like an agent: port, user, password and TLS mode
// (0 off, 1 require) set, OK.
void changeServerSettings(desk::MainWindow &window, int port, const QString &user, const QString &password, int tls = 0)
{
    window.activateWindow(); // the previous dialog just closed
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    desk::SettingsDialog *dialog = nullptr;
    REQUIRE(QTest::qWaitFor([&]() { return (dialog = window.findChild<desk::SettingsDialog *>()) != nullptr; }, 5000));
    auto *page = dialog->findChild<desk::ServerSettingsPage *>();
    REQUIRE(page);
    auto *portBox = page->findChild<QSpinBox *>(QStringLiteral("serverPort"));
    auto *userField = page->findChild<QLineEdit *>(QStringLiteral("serverUser"));
    auto *passwordField = page->findChild<QLineEdit *>(QStringLiteral("serverPassword"));
    REQUIRE((portBox && userField && passwordField));
    auto *tlsBox = page->findChild<QComboBox *>(QStringLiteral("serverTls"));
    REQUIRE(tlsBox);
    tlsBox->setCurrentIndex(tls);
    portBox->setValue(port);
    userField->setText(user);
    passwordField->selectAll();
    QTest::keyClicks(passwordField, password); // typed: the page knows the password
    CHECK(page->isPasswordKnown());
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    REQUIRE(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&]() { return window.findChild<desk::SettingsDialog *>() == nullptr; }, 5000));
}

} // namespace

TEST_CASE("pg desk: new server settings reconnect the running desk, and writes queued with the wrong settings arrive "
          "exactly once without a restart",
          "[pg][desk][shared][settings]")
{
    QSettings().clear();
    const kb::PgConnection server = freshPgDatabase(true);
    QString error;
    {
        auto owner = kb::openPgStore(server, &error);
        REQUIRE(owner);
        kb::Catalogue catalogue;
        catalogue.articles = {makeArticle(QStringLiteral("test-pass"), QStringLiteral("Reisepass beantragen")),
                              makeArticle(QStringLiteral("test-melde"), QStringLiteral("Wohnsitz anmelden"))};
        REQUIRE(owner->upsert(catalogue, nullptr, &error));
        RawPg raw(server);
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("desk_agent"), QLatin1String(AgentPassword),
                                 kb::PgRole::Agent, &error));
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("desk_lead"), QLatin1String(LeadPassword), kb::PgRole::Lead,
                                 &error));
    }
    RawPg raw(server);

    // The desk starts with a port where no server listens (as saved in its settings).
    QTemporaryDir dir;
    desk::SharedStoreConfig wrong;
    wrong.enabled = true;
    wrong.connection = server;
    wrong.connection.port = closedPort();
    wrong.connection.user = QStringLiteral("desk_agent");
    wrong.connection.password.clear();
    wrong.connection.sslMode = QStringLiteral("disable");
    wrong.dataFolder = dir.path();
    wrong.save();
    desk::SharedStoreConnector connector(wrong);
    connector.setHeartbeatMs(300);
    connector.setReconnectMs(300);
    REQUIRE(connector.prepareReplica(&error));
    desk::SearchService service(connector.replicaFactory());
    desk::DeskSettings settings;
    desk::LanguageManager language;
    language.apply(QStringLiteral("de"));
    desk::MainWindow window(&service, &settings, &language);
    desk::ServerStatusLabel *label = desk::attachSharedStore(&window, &connector, &service);
    QSignalSpy announced(label, &desk::ServerStatusLabel::stateAnnounced);
    QSignalSpy started(&connector, &desk::SharedStoreConnector::started);
    service.start();
    connector.startWithPassword(QLatin1String(AgentPassword));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE((started.count() > 0 || started.wait(10000)));
    REQUIRE(started.first().at(0).toBool());
    REQUIRE(
        QTest::qWaitFor([&]() { return label->text().startsWith(QStringLiteral("Server nicht erreichbar")); }, 5000));
    CHECK_FALSE(connector.isOnline());

    // Writes of the agent while the settings are wrong: queued, nothing on the server.
    auto owner = kb::openPgStore(server, &error);
    REQUIRE(owner);
    desk::EditorialSession session(nullptr);
    session.setSharedServer(connector.config().connection);
    session.setSharedQueue(&connector);
    session.signIn(owner->user(QStringLiteral("desk_agent")).value());
    bool queued = false;
    REQUIRE(session.flagArticle(QStringLiteral("test-pass"), QStringLiteral("Gebühr veraltet"), &error, &queued));
    CHECK(queued);
    REQUIRE(session.flagArticle(QStringLiteral("test-melde"), QStringLiteral("Link kaputt"), &error, &queued));
    QTest::qWait(700); // two reconnect attempts with the wrong settings
    CHECK(pending(dir.path()) == 2);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags")) == 0);

    // The agent corrects the port in Settings → Server and presses OK: no restart.
    announced.clear();
    QSignalSpy reconnecting(&connector, &desk::SharedStoreConnector::reconnecting);
    changeServerSettings(window, server.port, QStringLiteral("desk_agent"), QLatin1String(AgentPassword));
    CHECK(reconnecting.count() == 1);
    CHECK(window.statusBar()->currentMessage().contains(QString::number(server.port)));
    // A write made right after OK, while the desk switches, is kept too.
    REQUIRE(session.flagArticle(QStringLiteral("test-pass"), QStringLiteral("Öffnungszeiten fehlen"), &error));
    REQUIRE(QTest::qWaitFor([&]() { return connector.isOnline() && label->isOnline(); }, 10000));
    CHECK(label->text() == QStringLiteral("Server verbunden"));
    REQUIRE(announced.size() >= 2); // "connecting…", then connected: each told to screen readers once
    CHECK(announced.first().at(0).toString() == QStringLiteral("Verbindung zum Server wird aufgebaut…"));
    CHECK(announced.last().at(0).toString() == QStringLiteral("Server verbunden"));
    CHECK(connector.config().connection.port == server.port);
    CHECK(desk::SharedStoreConfig::load().connection.port == server.port); // saved for the next start too
    REQUIRE(QTest::qWaitFor([&]() { return count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags")) == 3; },
                            10000));
    QTest::qWait(1000); // heartbeats and further deliveries: nothing arrives twice
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags")) == 3);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM applied_writes WHERE kind = 'kb.flag'")) == 3);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags WHERE raised_by = 'desk_agent'")) == 3);
    CHECK(pending(dir.path()) == 0);

    // Same values again: OK changes nothing, no reconnect.
    changeServerSettings(window, server.port, QStringLiteral("desk_agent"), QLatin1String(AgentPassword));
    CHECK(reconnecting.count() == 1);
    CHECK(connector.isOnline());

    // An online desk switched to another login: it reconnects, and its writes go out under that login.
    changeServerSettings(window, server.port, QStringLiteral("desk_lead"), QLatin1String(LeadPassword));
    CHECK(reconnecting.count() == 2);
    REQUIRE(QTest::qWaitFor([&]() { return connector.isOnline() && label->isOnline(); }, 10000));
    CHECK(connector.config().connection.user == QStringLiteral("desk_lead"));
    REQUIRE(session.flagArticle(QStringLiteral("test-melde"), QStringLiteral("Gebühr fehlt"), &error));
    REQUIRE(QTest::qWaitFor(
        [&]() {
            return count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags WHERE raised_by = 'desk_lead'")) == 1;
        },
        10000));
    QTest::qWait(500);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags")) == 4);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM applied_writes WHERE kind = 'kb.flag'")) == 4);
    CHECK(pending(dir.path()) == 0);

    // TLS required, but this server speaks plain TCP only: the desk reconnects and is refused (the label says
    // unreachable), a write waits in the queue; TLS off again: it arrives, once.
    changeServerSettings(window, server.port, QStringLiteral("desk_lead"), QLatin1String(LeadPassword), 1);
    CHECK(reconnecting.count() == 3);
    CHECK(connector.config().connection.sslMode == QStringLiteral("require"));
    REQUIRE(
        QTest::qWaitFor([&]() { return label->text().startsWith(QStringLiteral("Server nicht erreichbar")); }, 10000));
    REQUIRE(session.flagArticle(QStringLiteral("test-pass"), QStringLiteral("Formular fehlt"), &error));
    QTest::qWait(700);
    CHECK(pending(dir.path()) == 1);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags")) == 4);
    changeServerSettings(window, server.port, QStringLiteral("desk_lead"), QLatin1String(LeadPassword), 0);
    CHECK(reconnecting.count() == 4);
    REQUIRE(QTest::qWaitFor([&]() { return connector.isOnline() && label->isOnline(); }, 10000));
    REQUIRE(QTest::qWaitFor([&]() { return count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags")) == 5; },
                            10000));
    QTest::qWait(500);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM article_flags")) == 5);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM applied_writes WHERE kind = 'kb.flag'")) == 5);
    CHECK(pending(dir.path()) == 0);

    // Settings that are not valid (no host) are refused with the reason; the desk stays connected.
    desk::SharedStoreConfig invalid = connector.config();
    invalid.connection.host.clear();
    CHECK(connector.reconfigure(invalid, true, &error) == desk::SharedStoreConnector::Reconfigured::Refused);
    CHECK_FALSE(error.isEmpty());
    CHECK(connector.isOnline());
    CHECK(reconnecting.count() == 4);
}
