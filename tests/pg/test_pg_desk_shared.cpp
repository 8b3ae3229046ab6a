// The desk in shared mode against a real PostgreSQL 15 (the throwaway cluster of pgcluster.h): the real
// MainWindow searches its local replica, a lead's publish on the server shows up in its search within 5 s,
// stopping the server shows the offline indicator and starting it clears it; the "Server" settings page
// round-trips its values, never writes the password into the settings file, and tests a login off the UI thread.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "calldesk.h"
#include "deskserver.h"
#include "desksettings.h"
#include "journalstore.h"
#include "manualprovider.h"
#include "wrapuppanel.h"
#include "language.h"
#include "mainwindow.h"
#include "pgpasswordstore.h"
#include "pgstore.h"
#include "searchpanel.h"
#include "searchresultmodel.h"
#include "searchservice.h"
#include "serversettingspage.h"
#include "serverstatuslabel.h"
#include "settingsdialog.h"
#include "sharedstoreconnector.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace hotline::test;

namespace {

constexpr char AgentPassword[] = "agent-Pa55word";
constexpr char LeadPassword[] = "lead-Pa55word";

// The values the settings file keeps (not the password, not the application name).
bool sameSettings(const kb::PgConnection &a, const kb::PgConnection &b)
{
    return a.host == b.host && a.port == b.port && a.database == b.database && a.user == b.user &&
           a.sslMode == b.sslMode && a.sslRootCert == b.sslRootCert &&
           a.connectTimeoutSeconds == b.connectTimeoutSeconds;
}

// A server with a small published catalogue, an agent login for the desk and a lead login for publishing.
struct Server
{
    Server()
    {
        params = freshPgDatabase(true);
        QString error;
        auto owner = kb::openPgStore(params, &error);
        REQUIRE(owner);
        kb::Catalogue catalogue;
        kb::Article passport = makeArticle(QStringLiteral("test-pass"), QStringLiteral("Reisepass beantragen"));
        passport.keywords = {QStringLiteral("Pass")};
        catalogue.articles = {passport, makeArticle(QStringLiteral("test-melde"), QStringLiteral("Wohnsitz anmelden"))};
        REQUIRE(owner->upsert(catalogue, nullptr, &error));
        RawPg raw(params);
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("desk_agent"), QLatin1String(AgentPassword),
                                 kb::PgRole::Agent, &error));
        REQUIRE(kb::createPgUser(raw.db(), QStringLiteral("desk_lead"), QLatin1String(LeadPassword), kb::PgRole::Lead,
                                 &error));
    }

    kb::PgConnection as(const QString &user, const QString &password) const
    {
        kb::PgConnection c = params;
        c.user = user;
        c.password = password;
        return c;
    }

    kb::PgConnection params;
};

// One desk as main() builds it in shared mode: connector, search service on the replica, window, status label.
struct SharedDesk
{
    explicit SharedDesk(const kb::PgConnection &login)
    {
        desk::SharedStoreConfig config;
        config.enabled = true;
        config.connection = login;
        config.connection.password.clear();
        config.dataFolder = dir.path();
        connector = std::make_unique<desk::SharedStoreConnector>(config);
        connector->setHeartbeatMs(300);
        connector->setReconnectMs(300);
        QString error;
        REQUIRE(connector->prepareReplica(&error));
        service = std::make_unique<desk::SearchService>(connector->replicaFactory());
        language.apply(QStringLiteral("de"));
        window = std::make_unique<desk::MainWindow>(service.get(), &settings, &language);
        label = desk::attachSharedStore(window.get(), connector.get(), service.get());
        QSignalSpy ready(window.get(), &desk::MainWindow::catalogueReady);
        QSignalSpy started(connector.get(), &desk::SharedStoreConnector::started);
        service->start();
        connector->startWithPassword(login.password);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        REQUIRE((started.count() > 0 || started.wait(10000)));
        REQUIRE(started.first().at(0).toBool());
        REQUIRE((ready.count() > 0 || ready.wait(10000)));
    }

    // Types the query like an agent and returns the ids shown once the answer to the last key is on screen.
    QStringList search(const QString &query)
    {
        QLineEdit *edit = window->searchPanel()->searchEdit();
        edit->clear();
        QTest::keyClicks(edit, query);
        kb::SearchResultModel *results = window->searchPanel()->resultModel();
        if (!QTest::qWaitFor([&]() { return results->shownRequestId() == service->newestSearchId(); }, 5000)) {
            return {};
        }
        QStringList ids;
        for (const kb::ResultItem &item : results->items()) {
            ids << item.id;
        }
        return ids;
    }

    QTemporaryDir dir;
    desk::DeskSettings settings;
    desk::LanguageManager language;
    std::unique_ptr<desk::SharedStoreConnector> connector;
    std::unique_ptr<desk::SearchService> service;
    std::unique_ptr<desk::MainWindow> window;
    desk::ServerStatusLabel *label = nullptr;
};

} // namespace

TEST_CASE("pg desk: shared mode searches the replica, follows a lead's publish, shows offline and back",
          "[pg][desk][shared]")
{
    QSettings().clear();
    Server server;
    SharedDesk desk(server.as(QStringLiteral("desk_agent"), QLatin1String(AgentPassword)));

    // The replica holds the server's catalogue and the window searches it.
    REQUIRE(QTest::qWaitFor([&]() { return desk.connector->isOnline(); }, 5000));
    CHECK(desk.label->isOnline());
    CHECK(desk.label->text() == QStringLiteral("Server verbunden")); // German UI by default
    CHECK_FALSE(desk.label->accessibleName().isEmpty());
    CHECK(desk.search(QStringLiteral("reisepass")).contains(QStringLiteral("test-pass")));
    CHECK(desk.search(QStringLiteral("drohnen")).isEmpty());

    // A team lead publishes on the server (their own login, straight to PostgreSQL).
    QString error;
    auto lead = kb::openPgStore(server.as(QStringLiteral("desk_lead"), QLatin1String(LeadPassword)), &error);
    REQUIRE(lead);
    lead->setActor(kb::Actor::signedIn(lead->user(QStringLiteral("desk_lead")).value())); // the login's own user
    kb::Catalogue publish;
    publish.articles = {makeArticle(QStringLiteral("test-drone"), QStringLiteral("Drohnenführerschein beantragen"))};
    QElapsedTimer clock;
    clock.start();
    REQUIRE(lead->upsert(publish, nullptr, &error));
    bool found = false;
    while (!found && clock.elapsed() < 5000) {
        found = desk.search(QStringLiteral("drohnen")).contains(QStringLiteral("test-drone"));
        if (!found) {
            QTest::qWait(100);
        }
    }
    INFO("waited " << clock.elapsed() << " ms");
    CHECK(found);
    CHECK(clock.elapsed() < 5000);
    lead.reset();

    // The server goes away: the indicator says so, the desk keeps searching its replica.
    PgCluster &cluster = sharedCluster();
    QSignalSpy online(desk.connector.get(), &desk::SharedStoreConnector::onlineChanged);
    // The offscreen platform has no accessibility bridge to listen on; the label says when it announces.
    QSignalSpy announced(desk.label, &desk::ServerStatusLabel::stateAnnounced);
    REQUIRE(cluster.stop(&error));
    const bool wentOffline = QTest::qWaitFor([&]() { return !desk.label->isOnline(); }, 10000);
    CHECK(wentOffline);
    CHECK(desk.label->text() == QStringLiteral("Server nicht erreichbar – Änderungen werden gesendet, sobald er "
                                               "wieder da ist"));
    CHECK(desk.label->accessibleName() == desk.label->text());
    REQUIRE(announced.size() == 1);
    CHECK(announced.first().at(0).toString() == desk.label->text());
    CHECK(desk.search(QStringLiteral("reisepass")).contains(QStringLiteral("test-pass")));

    // Back: the indicator clears by itself.
    REQUIRE(cluster.start(&error));
    CHECK(QTest::qWaitFor([&]() { return desk.label->isOnline(); }, 10000));
    CHECK(desk.label->text() == QStringLiteral("Server verbunden"));
    REQUIRE(announced.size() == 2); // once per change, not per reconnect attempt
    CHECK(announced.last().at(0).toString() == QStringLiteral("Server verbunden"));
    REQUIRE(online.size() >= 2);
    CHECK_FALSE(online.first().at(0).toBool());
    CHECK(online.last().at(0).toBool());
}

TEST_CASE("pg desk: a write the server refuses is shown to the agent with the reason", "[pg][desk][shared]")
{
    QSettings().clear();
    Server server;
    SharedDesk desk(server.as(QStringLiteral("desk_agent"), QLatin1String(AgentPassword)));
    REQUIRE(QTest::qWaitFor([&]() { return desk.connector->isOnline(); }, 5000));

    // An agent's login may not change the catalogue: the server refuses the queued synonym.
    QSignalSpy rejected(desk.connector.get(), &desk::SharedStoreConnector::writeRejected);
    QString error;
    const QString id = desk.connector->enqueue(
        QStringLiteral("kb.synonym.set"),
        QJsonObject{{QStringLiteral("term"), QStringLiteral("perso")},
                    {QStringLiteral("expansions"), QJsonArray{QStringLiteral("Personalausweis")}}},
        &error);
    REQUIRE_FALSE(id.isEmpty());
    REQUIRE((rejected.count() > 0 || rejected.wait(5000)));
    CHECK(rejected.first().at(0).toString() == id);
    QMessageBox *notice = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&]() {
            notice = desk.window->findChild<QMessageBox *>(QStringLiteral("WriteRejectedNotice"));
            return notice && notice->isVisible();
        },
        2000));
    CHECK(notice->informativeText().contains(QStringLiteral("permission denied")));
    CHECK_FALSE(notice->accessibleName().isEmpty());

    // A second refusal while the notice is open joins it instead of stacking another box.
    REQUIRE_FALSE(desk.connector
                      ->enqueue(QStringLiteral("kb.synonym.remove"),
                                QJsonObject{{QStringLiteral("term"), QStringLiteral("perso")}}, &error)
                      .isEmpty());
    REQUIRE((rejected.count() > 1 || rejected.wait(5000)));
    QTest::qWait(50);
    CHECK(desk.window->findChildren<QMessageBox *>(QStringLiteral("WriteRejectedNotice")).size() == 1);
    CHECK(notice->informativeText().count(QStringLiteral("permission denied")) == 2);
    CHECK(notice->accessibleDescription().contains(QStringLiteral("permission denied")));
    notice->close();
}

TEST_CASE("pg desk: the Server settings page round-trips, keeps the password out of the settings file, tests "
          "the login",
          "[pg][desk][settings]")
{
    QSettings().clear();
    Server server;
    const kb::PgConnection login = server.as(QStringLiteral("desk_agent"), QLatin1String(AgentPassword));
    QString error;

    desk::SharedStoreConfig config;
    config.enabled = true;
    config.connection = login;
    config.connection.sslMode = QStringLiteral("verify-full");
    config.connection.sslRootCert = QStringLiteral("/etc/hotline/ca.pem");
    {
        desk::ServerSettingsPage page;
        page.setConfig(config);
        CHECK(page.config().enabled);
        CHECK(sameSettings(page.config().connection, config.connection));
        CHECK(page.config().connection.password == config.connection.password);
        page.apply();
    }
    const desk::SharedStoreConfig loaded = desk::SharedStoreConfig::load();
    CHECK(loaded.enabled);
    desk::SharedStoreConfig expected = config;
    expected.connection.password.clear();
    CHECK(sameSettings(loaded.connection, expected.connection));
    CHECK(loaded.connection.password.isEmpty());

    // The settings file has everything but the password.
    QSettings().sync();
    QFile file(QSettings().fileName());
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    CHECK(content.contains("desk_agent"));
    CHECK(content.contains("verify-full"));
    CHECK_FALSE(content.contains(AgentPassword));
    CHECK_FALSE(content.toLower().contains("password"));

    // The password went to the keychain, and the desk's start path (SharedStoreConnector::start) reads it from
    // there and logs in. Needs a Secret Service: scripts/test.sh runs one (D-Bus session + gnome-keyring).
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        WARN("no D-Bus session: keychain part skipped (run under scripts/test.sh)");
    } else {
        QString stored;
        const bool inKeychain = QTest::qWaitFor(
            [&]() {
                kb::PgPasswordStore reader;
                QSignalSpy read(&reader, &kb::PgPasswordStore::passwordRead);
                QSignalSpy failed(&reader, &kb::PgPasswordStore::failed);
                reader.readPassword(login);
                (void)QTest::qWaitFor([&]() { return read.count() + failed.count() > 0; }, 5000);
                stored = read.isEmpty() ? QString() : read.first().at(1).toString();
                return stored == QLatin1String(AgentPassword);
            },
            10000);
        CHECK(inKeychain);

        QTemporaryDir dir;
        desk::SharedStoreConfig startup = desk::SharedStoreConfig::load();
        startup.connection.sslMode = QStringLiteral("disable"); // the CA path above is made up
        startup.connection.sslRootCert.clear();
        startup.dataFolder = dir.path();
        desk::SharedStoreConnector connector(startup);
        REQUIRE(connector.prepareReplica(&error));
        QSignalSpy started(&connector, &desk::SharedStoreConnector::started);
        connector.start();
        REQUIRE(started.wait(10000));
        CHECK(started.first().at(0).toBool());
        CHECK(QTest::qWaitFor([&]() { return connector.isOnline(); }, 5000));
    }

    // A fresh page shows the stored values; "Off" round-trips too.
    {
        desk::ServerSettingsPage page;
        CHECK(page.config().enabled);
        CHECK(page.config().connection.host == login.host);
        CHECK(page.config().connection.port == login.port);
        CHECK(page.config().connection.database == login.database);
        CHECK(page.config().connection.sslMode == QStringLiteral("verify-full"));
        auto *mode = page.findChild<QComboBox *>(QStringLiteral("serverMode"));
        REQUIRE(mode);
        CHECK_FALSE(mode->accessibleName().isEmpty());
        mode->setCurrentIndex(0);
        page.apply();
    }
    CHECK_FALSE(desk::SharedStoreConfig::load().enabled);

    // The page is the dialog's "Server" page.
    {
        desk::DeskSettings settings;
        desk::SettingsDialog dialog(&settings, QStringLiteral("/tmp/catalogue.db"));
        CHECK(dialog.findChild<desk::ServerSettingsPage *>() != nullptr);
        auto *pages = dialog.findChild<QListWidget *>();
        REQUIRE(pages);
        CHECK_FALSE(pages->findItems(QStringLiteral("Server"), Qt::MatchExactly).isEmpty());
    }

    // "Test connection" logs in on a worker thread: right and wrong password, against the real server.
    desk::ServerSettingsPage page;
    desk::SharedStoreConfig plain = config;
    plain.connection.sslMode = QStringLiteral("disable");
    plain.connection.sslRootCert.clear();
    page.setConfig(plain);
    QSignalSpy tested(&page, &desk::ServerSettingsPage::connectionTested);
    page.testConnection();
    CHECK(page.isTesting()); // returned at once: the login runs elsewhere
    REQUIRE(tested.wait(10000));
    CHECK(tested.first().at(0).toBool());
    CHECK(page.testResult().contains(QStringLiteral("desk_agent")));

    plain.connection.password = QStringLiteral("wrong");
    page.setConfig(plain);
    page.testConnection();
    REQUIRE(tested.wait(10000));
    CHECK_FALSE(tested.last().at(0).toBool());
    CHECK(page.testResult().contains(QStringLiteral("desk_agent")));
}

TEST_CASE("pg desk: a call wrapped up in a shared-mode desk reaches the server's journal, once, also after an outage",
          "[pg][desk][shared][calls]")
{
    QSettings().clear();
    Server server;
    {
        RawPg owner(server.params);
        QString error;
        INFO(error.toStdString());
        REQUIRE(deskserver::migrateServer(owner.db(), &error));
    }
    SharedDesk desk(server.as(QStringLiteral("desk_agent"), QLatin1String(AgentPassword)));
    REQUIRE(QTest::qWaitFor([&]() { return desk.connector->isOnline(); }, 5000));

    desk::CallDeskConfig config;
    config.journalPath = desk.dir.filePath(QStringLiteral("journal.db"));
    config.agent = QStringLiteral("agent7");
    auto calls = std::make_unique<desk::CallDesk>(desk.window.get(), config);
    calls->setSharedStore(desk.connector.get());
    QString error;
    INFO(error.toStdString());
    REQUIRE(calls->start(&error));
    desk.window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(desk.window.get()));

    // A manual call, hung up, wrapped up with Alt+1 (answered directly): its id as the desk saved it.
    const auto wrapUpCall = [&](const QString &number) {
        QSignalSpy wrapUp(calls.get(), &desk::CallDesk::wrapUpOpened);
        const QString callId = calls->manualProvider()->startCall(number);
        REQUIRE_FALSE(callId.isEmpty());
        REQUIRE(calls->manualProvider()->hangUp(callId, &error));
        REQUIRE((wrapUp.count() > 0 || wrapUp.wait(5000)));
        QSignalSpy saved(calls.get(), &desk::CallDesk::outcomeSaved);
        QTest::keyClick(desk.window.get(), Qt::Key_1, Qt::AltModifier);
        REQUIRE(saved.count() == 1);
        const QString id = saved.first().at(0).toString();
        const auto local = calls->journal()->call(id);
        REQUIRE(local);
        CHECK(local->outcome == journal::Outcome::AnsweredDirectly);
        return id;
    };
    RawPg raw(server.params);
    const auto rowsOnServer = [&](const QString &id) {
        QSqlQuery q(raw.db());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = :id AND outcome = 'answered'"));
        q.bindValue(QStringLiteral(":id"), id);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    };

    const QString first = wrapUpCall(QStringLiteral("0351 4880001"));
    REQUIRE(QTest::qWaitFor([&]() { return rowsOnServer(first) == 1; }, 5000));
    CHECK(rowsOnServer(first) == 1);

    // Server down: the outcome is saved and queued on the desk; after the restart it arrives exactly once.
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.stop(&error));
    REQUIRE(QTest::qWaitFor([&]() { return !desk.connector->isOnline(); }, 5000));
    const QString second = wrapUpCall(QStringLiteral("0351 4880002"));
    CHECK(calls->journal()->call(second));
    REQUIRE(cluster.start(&error));
    RawPg after(server.params);
    const auto rowsAfter = [&](const QString &id) {
        QSqlQuery q(after.db());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = :id AND outcome = 'answered'"));
        q.bindValue(QStringLiteral(":id"), id);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    };
    REQUIRE(QTest::qWaitFor([&]() { return rowsAfter(second) == 1; }, 10000));
    QTest::qWait(1000); // a second delivery would show up here
    CHECK(rowsAfter(second) == 1);
    CHECK(rowsAfter(first) == 1);
    CHECK(after.scalar(QStringLiteral("SELECT COUNT(*) FROM journal_calls")).toInt() == 2);
    calls.reset(); // before the window its widgets live in
}
