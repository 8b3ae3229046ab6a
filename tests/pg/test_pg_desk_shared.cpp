// The desk in shared mode against a real PostgreSQL 15 (the throwaway cluster of pgcluster.h): the real
// MainWindow searches its local replica, a lead's publish on the server shows up in its search within 5 s,
// stopping the server shows the offline indicator and starting it clears it; the "Server" settings page
// round-trips its values, never writes the password into the settings file, and tests a login off the UI thread.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "../smtp/smtpsink.h"
#include "appointmentdialog.h"
#include "appointmentqueue.h"
#include "appointmentstore.h"
#include "appointmentsview.h"
#include "callcontrols.h"
#include "calldesk.h"
#include "casesview.h"
#include "caselistmodel.h"
#include "dbsupport.h"
#include "deskserver.h"
#include "forwarddialog.h"
#include "journalqueue.h"
#include "officescheduledialog.h"
#include "deadlinesdialog.h"
#include "outboxview.h"
#include "desksettings.h"
#include "editorialactions.h"
#include "editorialsession.h"
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
#include "writequeue.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QSpinBox>
#include <QTest>
#include <QUuid>

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
    kb::PgConnection agent() const // the agents' login the server was made with
    {
        return as(QStringLiteral("desk_agent"), QLatin1String(AgentPassword));
    }
    kb::PgConnection lead() const // the team lead's
    {
        return as(QStringLiteral("desk_lead"), QLatin1String(LeadPassword));
    }

    kb::PgConnection params;
};

// One desk as main() builds it in shared mode: connector, search service on the replica, window, status label.
struct SharedDesk
{
    // `folder`: the data folder of a desk that ran before (a restart); empty: a fresh one.
    explicit SharedDesk(const kb::PgConnection &login, const QString &dataFolder = QString())
        : folder(dataFolder.isEmpty() ? dir.path() : dataFolder)
    {
        desk::SharedStoreConfig config;
        config.enabled = true;
        config.connection = login;
        config.connection.password.clear();
        config.dataFolder = this->folder;
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

    // Waits until the desk has reached the server (true) or has noticed that it is gone (false).
    void waitOnline(bool online = true)
    {
        REQUIRE(QTest::qWaitFor([&]() { return connector->isOnline() == online; }, 5000));
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
    QString folder; // the data folder (dir, unless restarted on an older one)
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
    SharedDesk desk(server.agent());

    // The replica holds the server's catalogue and the window searches it.
    desk.waitOnline();
    CHECK(desk.label->isOnline());
    CHECK(desk.label->text() == QStringLiteral("Server verbunden")); // German UI by default
    CHECK_FALSE(desk.label->accessibleName().isEmpty());
    CHECK(desk.search(QStringLiteral("reisepass")).contains(QStringLiteral("test-pass")));
    CHECK(desk.search(QStringLiteral("drohnen")).isEmpty());

    // A team lead publishes on the server (their own login, straight to PostgreSQL).
    QString error;
    auto lead = kb::openPgStore(server.lead(), &error);
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
    SharedDesk desk(server.agent());
    desk.waitOnline();

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
    const kb::PgConnection login = server.agent();
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
    SharedDesk desk(server.agent());
    desk.waitOnline();

    desk::CallDeskConfig config;
    config.journalPath = QDir(desk.folder).filePath(QStringLiteral("journal.db"));
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
    desk.waitOnline(false);
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

namespace {

constexpr char OfflineNote[] = "Server nicht erreichbar – nur die Einträge dieses Arbeitsplatzes";

// The message box of that object name once the desk shows it (within 5 s), or null.
QMessageBox *shownNotice(QWidget *window, const QString &name)
{
    QMessageBox *notice = nullptr;
    const bool shown = QTest::qWaitFor(
        [&]() {
            notice = window->findChild<QMessageBox *>(name);
            return notice && notice->isVisible();
        },
        5000);
    return shown ? notice : nullptr;
}

// A second agent's login on the server (the fixture has desk_agent and desk_lead).
void addAgentLogin(Server &server, const QString &login)
{
    RawPg raw(server.params);
    QString error;
    const bool created = kb::createPgUser(raw.db(), login, QLatin1String(AgentPassword), kb::PgRole::Agent, &error);
    INFO(error.toStdString());
    REQUIRE(created);
}

// The server of the call tests: the desk modules' tables, a service with one bookable office whose counter takes
// one citizen per 20-minute cell every day all day (the slots do not depend on when the test runs).
void prepareCalls(Server &server)
{
    RawPg owner(server.params);
    QString error;
    INFO(error.toStdString());
    REQUIRE(deskserver::migrateServer(owner.db(), &error));
    auto store = kb::openPgStore(server.params, &error);
    REQUIRE(store);
    store->setActor(kb::Actor::administrator()); // the owner's import: desk logins (with users rows) exist already
    kb::Office office = makeOffice(QStringLiteral("office-1"));
    office.email = QStringLiteral("buergerbuero@example.org");
    kb::Article article = makeArticle(QStringLiteral("test-ausweis"), QStringLiteral("Personalausweis beantragen"));
    article.offices = {kb::OfficeLink{QStringLiteral("office-1"), 20, true, QString()}};
    kb::Catalogue catalogue;
    catalogue.offices = {office};
    catalogue.articles = {article};
    REQUIRE(store->upsert(catalogue, nullptr, &error));
    auto book = appointments::AppointmentStore::openOn(owner.db(), &error);
    REQUIRE(book);
    appointments::OfficeSchedule schedule;
    schedule.officeId = QStringLiteral("office-1");
    schedule.name = office.name;
    schedule.email = office.email;
    schedule.capacity = 1;
    schedule.cellMinutes = 20;
    for (int day = 1; day <= 7; ++day) {
        schedule.hours.append({day, QTime(0, 0), QTime(23, 40)});
    }
    REQUIRE(book->setOffice(schedule, &error));
}

std::unique_ptr<desk::CallDesk> startCalls(SharedDesk &desk, const QString &agent, int smtpPort = 0)
{
    desk::CallDeskConfig config;
    config.journalPath = QDir(desk.folder).filePath(QStringLiteral("journal.db"));
    config.agent = agent;
    config.fromEmail = QStringLiteral("buergertelefon@example.org");
    config.fromName = QStringLiteral("Bürgertelefon");
    if (smtpPort > 0) {
        config.mailEnabled = true;
        config.smtp.host = QStringLiteral("127.0.0.1");
        config.smtp.port = smtpPort;
        config.smtp.security = outbox::SmtpConfig::Security::None;
    }
    auto calls = std::make_unique<desk::CallDesk>(desk.window.get(), config);
    calls->setSharedStore(desk.connector.get());
    QString error;
    INFO(error.toStdString());
    REQUIRE(calls->start(&error));
    return calls;
}

// Triggers the desk's action with this shortcut, as the key would in the active window.
void trigger(desk::CallDesk &calls, const char *keys)
{
    const QKeySequence wanted(QString::fromLatin1(keys));
    for (QAction *action : calls.actions()) {
        if (action->shortcuts().contains(wanted)) {
            action->trigger();
            return;
        }
    }
    FAIL("no action for " << keys);
}

// A manual call from this number about the service on screen, hung up: the wrap-up is open.
void callAbout(SharedDesk &desk, desk::CallDesk &calls, const QString &number)
{
    QSignalSpy shown(desk.window.get(), &desk::MainWindow::articleShown);
    desk.window->openArticle(QStringLiteral("test-ausweis"));
    REQUIRE((shown.count() > 0 || shown.wait(20000)));
    QSignalSpy wrapUp(&calls, &desk::CallDesk::wrapUpOpened);
    const QString callId = calls.manualProvider()->startCall(number);
    REQUIRE_FALSE(callId.isEmpty());
    QString error;
    REQUIRE(calls.manualProvider()->hangUp(callId, &error));
    REQUIRE((wrapUp.count() > 0 || wrapUp.wait(5000)));
    REQUIRE(calls.wrapUpPanel()->isOpen());
}

int count(RawPg &raw, const QString &sql, const QString &value = QString())
{
    QSqlQuery q(raw.db());
    q.prepare(sql);
    if (!value.isNull()) {
        q.bindValue(QStringLiteral(":v"), value);
    }
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

TEST_CASE("pg desk: a forward from a shared-mode desk is on the server once, also after an outage, and the desk "
          "sends no mail itself",
          "[pg][desk][shared][calls]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    SmtpSink smtp;
    QString error;
    REQUIRE(smtp.start(&error));
    SharedDesk desk(server.agent());
    desk.waitOnline();
    auto calls = startCalls(desk, QStringLiteral("agent7"), smtp.port());
    CHECK(calls->outboxSender() == nullptr); // one sender: the server's outbox

    const auto forward = [&](const QString &number, const QString &question) {
        callAbout(desk, *calls, number);
        calls->wrapUpPanel()->findChild<QPlainTextEdit *>()->setPlainText(question);
        trigger(*calls, "Alt+2");
        desk::ForwardDialog *dialog = calls->forwardDialog();
        REQUIRE(dialog);
        CHECK(dialog->request().officeEmail == QStringLiteral("buergerbuero@example.org"));
        QSignalSpy committed(calls.get(), &desk::CallDesk::forwardCommitted);
        dialog->accept();
        REQUIRE(committed.count() == 1);
        return committed.first().at(0).toString();
    };
    const QString shownNumber =
        forward(QStringLiteral("0351 4880011"), QStringLiteral("Wann ist mein Ausweis fertig?"));
    RawPg raw(server.params);
    // The agent is shown the server's case number (its one counter), the one every desk finds.
    CHECK(raw.scalar(QStringLiteral("SELECT case_number FROM journal_cases")).toString() == shownNumber);
    const QString casesSql = QStringLiteral("SELECT COUNT(*) FROM journal_cases WHERE question = :v");
    const QString mailSql = QStringLiteral(
        "SELECT COUNT(*) FROM outbox_messages m JOIN journal_cases c ON c.outbox_id = m.id WHERE c.question = :v");
    REQUIRE(QTest::qWaitFor(
        [&]() { return count(raw, casesSql, QStringLiteral("Wann ist mein Ausweis fertig?")) == 1; }, 5000));
    CHECK(count(raw, mailSql, QStringLiteral("Wann ist mein Ausweis fertig?")) == 1);

    // Server down: the forward is saved and queued; after the restart it arrives exactly once.
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.stop(&error));
    desk.waitOnline(false);
    forward(QStringLiteral("0351 4880012"), QStringLiteral("Brauche ich ein Foto?"));
    CHECK(calls->lastAnnouncement().contains(QStringLiteral("Warteschlange")));
    REQUIRE(cluster.start(&error));
    RawPg after(server.params);
    REQUIRE(
        QTest::qWaitFor([&]() { return count(after, casesSql, QStringLiteral("Brauche ich ein Foto?")) == 1; }, 10000));
    QTest::qWait(1000); // a second delivery or a local send would show up here
    CHECK(count(after, casesSql, QStringLiteral("Brauche ich ein Foto?")) == 1);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM journal_cases")) == 2);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM outbox_messages")) == 2);
    CHECK(count(after, mailSql, QStringLiteral("Brauche ich ein Foto?")) == 1);
    CHECK(smtp.messageFiles().isEmpty()); // the desk itself sent nothing
    calls.reset();
}

TEST_CASE("pg desk: booking in shared mode is decided by the server: of two desks booking the same slot one gets it, "
          "the other sees the refusal and books another, and offline it is queued",
          "[pg][desk][shared][calls]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    addAgentLogin(server, QStringLiteral("desk_agent2"));
    SharedDesk deskA(server.agent());
    SharedDesk deskB(server.as(QStringLiteral("desk_agent2"), QLatin1String(AgentPassword)));
    REQUIRE(QTest::qWaitFor([&]() { return deskA.connector->isOnline() && deskB.connector->isOnline(); }, 5000));
    auto callsA = startCalls(deskA, QStringLiteral("anna"));
    auto callsB = startCalls(deskB, QStringLiteral("bernd"));

    // Both agents open the booking dialog: the server's free slots, the same first one.
    callAbout(deskA, *callsA, QStringLiteral("0351 4880021"));
    callAbout(deskB, *callsB, QStringLiteral("0351 4880022"));
    trigger(*callsA, "Alt+3");
    trigger(*callsB, "Alt+3");
    desk::AppointmentDialog *dialogA = callsA->appointmentDialog();
    QPointer<desk::AppointmentDialog> dialogB = callsB->appointmentDialog();
    REQUIRE(dialogA);
    REQUIRE(dialogB);
    CHECK(dialogA->sourceNote().isEmpty());
    REQUIRE(dialogA->slotList()->count() > 1);
    REQUIRE(dialogB->slotList()->count() > 1);
    const QString contested = dialogA->slotList()->item(0)->text();
    CHECK(dialogB->slotList()->item(0)->text() == contested);
    dialogA->slotList()->setCurrentRow(0);
    dialogB->slotList()->setCurrentRow(0);
    dialogA->nameEdit()->setText(QStringLiteral("Erika Mustermann"));
    dialogA->emailEdit()->setText(QStringLiteral("erika@example.org"));
    dialogB->nameEdit()->setText(QStringLiteral("Max Mustermann"));

    // Desk A books first: confirmed by the server, the call is wrapped up naming the booking.
    QSignalSpy savedA(callsA.get(), &desk::CallDesk::outcomeSaved);
    dialogA->accept();
    REQUIRE(savedA.count() == 1);
    const auto recordA = callsA->journal()->call(savedA.first().at(0).toString());
    REQUIRE(recordA);
    CHECK(recordA->outcome == journal::Outcome::Appointment);
    RawPg raw(server.params);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE id = :v AND state = 'booked'"),
                recordA->appointmentId) == 1);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM outbox_messages")) == 1); // the confirmation, on the server
    CHECK(callsA->lastAnnouncement().contains(QStringLiteral("Server")));
    // The desk keeps a copy for its offline view, without a second confirmation.
    const auto mirrored = callsA->appointments()->booking(recordA->appointmentId);
    REQUIRE(mirrored);
    CHECK(mirrored->outboxId.isEmpty());
    CHECK(QTest::qWaitFor(
        [&]() {
            return count(raw, QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = :v"), recordA->id) == 1;
        },
        5000));

    // Desk B books the same slot: the server refuses, the dialog says why at once and offers the slots left.
    QSignalSpy savedB(callsB.get(), &desk::CallDesk::outcomeSaved);
    dialogB->accept();
    CHECK(savedB.isEmpty());
    REQUIRE(dialogB);
    CHECK(dialogB->isVisible());
    CHECK(dialogB->message().contains(QStringLiteral("office-1")));
    CHECK(callsB->wrapUpPanel()->isOpen());
    for (int row = 0; row < dialogB->slotList()->count(); ++row) {
        CHECK(dialogB->slotList()->item(row)->text() != contested);
    }
    QTest::qWait(100);
    CHECK(deskB.window->findChild<QMessageBox *>(QStringLiteral("WriteRejectedNotice")) == nullptr);
    REQUIRE(dialogB->slotList()->count() > 0);
    dialogB->slotList()->setCurrentRow(0);
    dialogB->accept();
    REQUIRE(savedB.count() == 1);
    const auto recordB = callsB->journal()->call(savedB.first().at(0).toString());
    REQUIRE(recordB);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE id = :v AND state = 'booked'"),
                recordB->appointmentId) == 1);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE state = 'booked'")) == 2);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(DISTINCT starts_at) FROM appt_bookings")) == 2);

    // Server down: desk A books from its own copy of the schedule; the booking is queued and the agent told so.
    PgCluster &cluster = sharedCluster();
    QString error;
    REQUIRE(cluster.stop(&error));
    deskA.waitOnline(false);
    callAbout(deskA, *callsA, QStringLiteral("0351 4880023"));
    trigger(*callsA, "Alt+3");
    desk::AppointmentDialog *offline = callsA->appointmentDialog();
    REQUIRE(offline);
    CHECK(offline->sourceNote() == QString::fromUtf8(OfflineNote));
    REQUIRE(offline->slotList()->count() > 0);
    offline->slotList()->setCurrentRow(offline->slotList()->count() - 1);
    offline->nameEdit()->setText(QStringLiteral("Offline Bürger"));
    QSignalSpy savedOffline(callsA.get(), &desk::CallDesk::outcomeSaved);
    offline->accept();
    REQUIRE(savedOffline.count() == 1);
    CHECK(callsA->lastAnnouncement().contains(QStringLiteral("Warteschlange")));
    const auto recordOffline = callsA->journal()->call(savedOffline.first().at(0).toString());
    REQUIRE(recordOffline);
    CHECK_FALSE(callsA->appointments()->booking(recordOffline->appointmentId)); // not confirmed yet
    REQUIRE(cluster.start(&error));
    RawPg after(server.params);
    REQUIRE(QTest::qWaitFor(
        [&]() {
            return count(after, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE id = :v"),
                         recordOffline->appointmentId) == 1;
        },
        10000));
    CHECK(QTest::qWaitFor([&]() { return bool(callsA->appointments()->booking(recordOffline->appointmentId)); },
                          5000)); // mirrored once confirmed

    // A refusal that comes after the desk stopped waiting: the call stays wrapped up as queued, the general notice
    // names the slot, and the desk keeps no copy of the booking.
    REQUIRE(QTest::qWaitFor([&]() { return deskB.connector->isOnline(); }, 10000));
    callsB->setBookingWaitMs(300);
    callAbout(deskB, *callsB, QStringLiteral("0351 4880024"));
    trigger(*callsB, "Alt+3");
    QPointer<desk::AppointmentDialog> late = callsB->appointmentDialog();
    REQUIRE(late);
    REQUIRE(late->slotList()->count() > 0);
    late->slotList()->setCurrentRow(0);
    late->nameEdit()->setText(QStringLiteral("Späte Bürgerin"));
    // Another desk takes that slot in a transaction that is still open while desk B books: B's delivery waits on it.
    RawPg holder(server.params);
    auto holderBook = appointments::AppointmentStore::openOn(holder.db(), &error);
    REQUIRE(holderBook);
    appointments::SlotQuery query;
    query.officeId = QStringLiteral("office-1");
    query.durationMinutes = 20;
    query.order = appointments::SlotQuery::Order::LessBusyFirst;
    const QList<appointments::Slot> free = holderBook->freeSlots(query, &error);
    REQUIRE_FALSE(free.isEmpty());
    REQUIRE(holder.db().transaction());
    {
        const hotline::db::OuterTransaction outer(holder.db());
        appointments::BookingRequest taken;
        taken.officeId = QStringLiteral("office-1");
        taken.serviceId = QStringLiteral("test-ausweis");
        taken.start = free.first().start;
        taken.durationMinutes = 20;
        taken.citizenName = QStringLiteral("Schneller");
        taken.confirmation.send = false;
        appointments::Booking booked;
        INFO(error.toStdString());
        REQUIRE(holderBook->book(taken, &booked, nullptr, &error));
    }
    QSignalSpy savedLate(callsB.get(), &desk::CallDesk::outcomeSaved);
    late->accept(); // the server's answer is held up longer than the desk waits: queued
    REQUIRE(savedLate.count() == 1);
    CHECK(callsB->lastAnnouncement().contains(QStringLiteral("Warteschlange")));
    REQUIRE(holder.db().commit());
    // The desk's own notice (not the general one): the reason with the slot, and "Book again".
    QMessageBox *notice = shownNotice(deskB.window.get(), QStringLiteral("BookingRefusedNotice"));
    REQUIRE(notice);
    CHECK(notice->informativeText().contains(QStringLiteral("office-1")));
    CHECK(notice->text().contains(QStringLiteral("Späte Bürgerin")));
    QTest::qWait(50);
    CHECK(deskB.window->findChild<QMessageBox *>(QStringLiteral("WriteRejectedNotice")) == nullptr);
    CHECK(callsB->lastAnnouncement().contains(QStringLiteral("office-1")));
    const auto recordLate = callsB->journal()->call(savedLate.first().at(0).toString());
    REQUIRE(recordLate);
    CHECK_FALSE(callsB->appointments()->booking(recordLate->appointmentId));
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE id = :v"), recordLate->appointmentId) ==
          0);
    // Book again: the booking dialog for the same service, office and citizen; the server decides the new booking.
    auto *again = notice->findChild<QPushButton *>(QStringLiteral("bookAgain"));
    REQUIRE(again);
    CHECK_FALSE(again->accessibleName().isEmpty());
    deskB.window->openArticle(QStringLiteral("test-pass")); // another service on screen meanwhile
    QTest::qWait(200);
    QTest::mouseClick(again, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&]() { return callsB->appointmentDialog() != nullptr; }, 10000));
    QPointer<desk::AppointmentDialog> rebook = callsB->appointmentDialog();
    CHECK(rebook->nameEdit()->text() == QStringLiteral("Späte Bürgerin"));
    CHECK(rebook->findChild<QComboBox *>()->currentData().toString() == QStringLiteral("office-1"));
    REQUIRE(rebook->slotList()->count() > 0);
    rebook->slotList()->setCurrentRow(0);
    const int rebookedBefore = count(after,
                                     QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE call_id = :v AND "
                                                    "citizen_name = 'Späte Bürgerin' AND state = 'booked'"),
                                     recordLate->id);
    CHECK(rebookedBefore == 0);
    rebook->accept();
    CHECK(QTest::qWaitFor([&]() { return rebook.isNull(); }, 2000)); // confirmed by the server: closed
    CHECK(callsB->lastAnnouncement().contains(QStringLiteral("server"), Qt::CaseInsensitive));
    CHECK(count(after,
                QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE call_id = :v AND "
                               "citizen_name = 'Späte Bürgerin' AND state = 'booked'"),
                recordLate->id) == 1);
    // The call row on the server names the new booking now (it named the refused one), in the new booking's delivery
    // transaction; the new booking keeps the refused id as rebooked_from; the desk's copy of the call follows.
    QString rebookedId;
    {
        QSqlQuery q(after.db());
        q.prepare(
            QStringLiteral("SELECT id, rebooked_from FROM appt_bookings WHERE call_id = :v AND state = 'booked'"));
        q.bindValue(QStringLiteral(":v"), recordLate->id);
        REQUIRE(q.exec());
        REQUIRE(q.next());
        rebookedId = q.value(0).toString();
        CHECK(q.value(1).toString() == recordLate->appointmentId);
    }
    CHECK(rebookedId != recordLate->appointmentId);
    const QString callBooking = QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = '%1' AND "
                                               "appointment_id = :v AND outcome = 'appointment' AND draft = 0")
                                    .arg(recordLate->id);
    CHECK(count(after, callBooking, rebookedId) == 1);
    CHECK(count(after, callBooking, recordLate->appointmentId) == 0);
    CHECK(
        QTest::qWaitFor([&]() { return callsB->journal()->call(recordLate->id)->appointmentId == rebookedId; }, 5000));
    // Row security: desk A's agent login cannot point desk B's call at another booking (nothing changes, no error).
    {
        RawPg agentA(server.agent());
        auto journalA = journal::JournalStore::openOn(agentA.db(), &error);
        REQUIRE(journalA);
        bool changed = true;
        INFO(error.toStdString());
        REQUIRE(journalA->replaceAppointment(recordLate->id, rebookedId, QStringLiteral("forged-booking"), &changed,
                                             &error));
        CHECK_FALSE(changed);
        CHECK(count(after, callBooking, rebookedId) == 1);
        // … while desk B's own login may (the server's policy for an agent's own calls).
        RawPg agentB(server.as(QStringLiteral("desk_agent2"), QLatin1String(AgentPassword)));
        auto journalB = journal::JournalStore::openOn(agentB.db(), &error);
        REQUIRE(journalB);
        REQUIRE(journalB->replaceAppointment(recordLate->id, rebookedId, rebookedId, &changed, &error));
        CHECK(changed);
    }
    callsA.reset();
    callsB.reset();
}

namespace {

// Another desk's forward, committed straight on the server through `login`'s connection: a case and its e-mail.
QString forwardOnServer(RawPg &login, const QString &question, const QDateTime &deadline,
                        const QString &callerNumber = QStringLiteral("03514880077"))
{
    QString error;
    auto journal = journal::JournalStore::openOn(login.db(), &error);
    INFO(error.toStdString());
    REQUIRE(journal);
    journal::CallRecord call;
    call.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    call.answeredAt = call.offeredAt.addSecs(5);
    call.endedAt = call.offeredAt.addSecs(120);
    call.callerNumber = callerNumber;
    call.agent = QStringLiteral("other-desk");
    call.serviceIds = {QStringLiteral("test-ausweis")};
    journal::ForwardRequest request;
    request.officeEmail = QStringLiteral("buergerbuero@example.org");
    request.officeName = QStringLiteral("Bürgerbüro");
    request.serviceId = QStringLiteral("test-ausweis");
    request.serviceTitle = QStringLiteral("Personalausweis beantragen");
    request.question = question;
    request.fromEmail = QStringLiteral("buergertelefon@example.org");
    request.agent = QStringLiteral("other-desk");
    request.callbackPhone = call.callerNumber;
    request.deadline = deadline;
    journal::ForwardResult result;
    REQUIRE(journal->commitForward(call, request, &result, &error));
    return result.caseNumber;
}

// The start of the first free 20-minute slot at office-1 in `book`.
QDateTime firstFreeSlot(appointments::AppointmentStore &book)
{
    QString error;
    appointments::SlotQuery query;
    query.officeId = QStringLiteral("office-1");
    query.durationMinutes = 20;
    const QList<appointments::Slot> slots = book.freeSlots(query, &error);
    INFO(error.toStdString());
    REQUIRE_FALSE(slots.isEmpty());
    return slots.first().start;
}

// A booking of `agent` (the login's own name, as the server's row security wants for an agent) on the server.
void bookOnServer(RawPg &login, const QString &agent, const QString &citizen)
{
    QString error;
    auto book = appointments::AppointmentStore::openOn(login.db(), &error);
    INFO(error.toStdString());
    REQUIRE(book);
    appointments::BookingRequest booking;
    booking.officeId = QStringLiteral("office-1");
    booking.serviceId = QStringLiteral("test-ausweis");
    booking.serviceTitle = QStringLiteral("Personalausweis beantragen");
    booking.start = firstFreeSlot(*book);
    booking.durationMinutes = 20;
    booking.citizenName = citizen;
    booking.agent = agent;
    booking.confirmation.send = false;
    appointments::Booking booked;
    REQUIRE(book->book(booking, &booked, nullptr, &error));
}

} // namespace

TEST_CASE("pg desk: the views show every desk's cases, e-mails and bookings from the server, and this desk's own "
          "with a note when the server is gone",
          "[pg][desk][shared][calls]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    SharedDesk desk(server.agent());
    desk.waitOnline();
    auto calls = startCalls(desk, QStringLiteral("agent7"));

    // Another desk's work, straight on the server: a forwarded call and a booking.
    QString error;
    {
        RawPg other(server.lead());
        forwardOnServer(other, QStringLiteral("Frage vom anderen Platz"), QDateTime::currentDateTimeUtc().addDays(2),
                        QStringLiteral("03514880099"));
        bookOnServer(other, QStringLiteral("other-desk"), QStringLiteral("Bürgerin vom anderen Platz"));
    }

    // Online: the other desk's case, e-mail and booking are in this desk's views; no note.
    calls->showCases();
    desk::CasesView *cases = calls->casesView();
    REQUIRE(cases);
    CHECK(cases->sourceNote().isEmpty());
    REQUIRE(cases->model()->rowCount() == 1);
    CHECK(cases->model()->caseAt(0)->question == QStringLiteral("Frage vom anderen Platz"));
    calls->showOutbox();
    REQUIRE(calls->outboxView());
    CHECK(calls->outboxView()->table()->rowCount() == 1);
    calls->showAppointments();
    desk::AppointmentsView *appointmentsView = calls->appointmentsView();
    REQUIRE(appointmentsView);
    REQUIRE(appointmentsView->table()->rowCount() == 1);
    CHECK(appointmentsView->table()->item(0, 3)->text() == QStringLiteral("Bürgerin vom anderen Platz"));

    // The caller panel's history: the other desk's open case of this number.
    QSignalSpy popped(calls.get(), &desk::CallDesk::callPopped);
    const QString ringing = calls->manualProvider()->startCall(QStringLiteral("03514880099"));
    REQUIRE_FALSE(ringing.isEmpty());
    REQUIRE((popped.count() > 0 || popped.wait(5000)));
    const QString caseNumber = cases->model()->caseAt(0)->caseNumber;
    const QString history = calls->controls()->historyTexts().join(QLatin1Char('\n'));
    INFO(history.toStdString());
    CHECK(history.count(caseNumber) == 2); // the open case and the earlier call that forwarded it
    REQUIRE(calls->manualProvider()->hangUp(ringing, &error));
    QTest::qWait(100);

    // Closing a case is a lead's right on the server: the agent sees the server's reason.
    cases->table()->setCurrentIndex(cases->model()->index(0, 0));
    CHECK_FALSE(cases->markSelected(false, &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    appointmentsView->table()->setCurrentCell(0, 0);
    CHECK_FALSE(appointmentsView->cancelSelected(&error));
    CHECK(error.contains(QStringLiteral("permission denied")));

    // Server down: each view falls back to this desk's own entries (none) and says so.
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.stop(&error));
    desk.waitOnline(false);
    CHECK(QTest::qWaitFor([&]() { return cases->sourceNote() == QString::fromUtf8(OfflineNote); }, 2000));
    CHECK(cases->model()->rowCount() == 0);
    CHECK(calls->outboxView()->sourceNote() == QString::fromUtf8(OfflineNote));
    CHECK(calls->outboxView()->table()->rowCount() == 0);
    CHECK(appointmentsView->sourceNote() == QString::fromUtf8(OfflineNote));
    CHECK(appointmentsView->table()->rowCount() == 0);
    QLabel *note = cases->findChild<QLabel *>(QStringLiteral("sourceNote"));
    REQUIRE(note);
    CHECK(note->isVisible());
    CHECK(note->accessibleName() == QString::fromUtf8(OfflineNote));
    // The caller's history: this desk's entries (none), the note first.
    QSignalSpy poppedOffline(calls.get(), &desk::CallDesk::callPopped);
    const QString offlineCall = calls->manualProvider()->startCall(QStringLiteral("03514880099"));
    REQUIRE_FALSE(offlineCall.isEmpty());
    REQUIRE((poppedOffline.count() > 0 || poppedOffline.wait(5000)));
    REQUIRE_FALSE(calls->controls()->historyTexts().isEmpty());
    CHECK(calls->controls()->historyTexts().first() == QString::fromUtf8(OfflineNote));
    CHECK_FALSE(calls->controls()->historyTexts().join(QLatin1Char('\n')).contains(caseNumber));
    REQUIRE(calls->manualProvider()->hangUp(offlineCall, &error));
    QTest::qWait(100);

    // Back: the server's data again, the note gone.
    REQUIRE(cluster.start(&error));
    REQUIRE(QTest::qWaitFor([&]() { return desk.connector->isOnline(); }, 10000));
    CHECK(QTest::qWaitFor([&]() { return cases->model()->rowCount() == 1; }, 3000));
    CHECK(cases->sourceNote().isEmpty());
    CHECK_FALSE(note->isVisible());
    calls.reset();

    // A team lead's desk closes the case: on the server, for every desk.
    SharedDesk leadDesk(server.lead());
    leadDesk.waitOnline();
    auto leadCalls = startCalls(leadDesk, QStringLiteral("lead1"));
    leadCalls->showCases();
    desk::CasesView *leadCases = leadCalls->casesView();
    REQUIRE(leadCases->model()->rowCount() == 1);
    leadCases->table()->setCurrentIndex(leadCases->model()->index(0, 0));
    INFO(error.toStdString());
    REQUIRE(leadCases->markSelected(true, &error));
    CHECK(leadCases->model()->rowCount() == 0);
    RawPg raw(server.params);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM journal_cases WHERE case_number = :v AND state <> 'open'"),
                caseNumber) == 1);
    // … and cancels the other desk's booking there.
    leadCalls->showAppointments();
    desk::AppointmentsView *leadAppointments = leadCalls->appointmentsView();
    REQUIRE(leadAppointments->table()->rowCount() == 1);
    leadAppointments->table()->setCurrentCell(0, 0);
    REQUIRE(leadAppointments->cancelSelected(&error));
    CHECK(leadAppointments->table()->rowCount() == 0);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE state = 'booked'")) == 0);
    leadCalls.reset();
}

TEST_CASE("pg desk: the open views follow other desks' changes on the server live, keep the selection, fold bursts "
          "and listen again after an outage",
          "[pg][desk][shared][calls][live]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    addAgentLogin(server, QStringLiteral("desk_agent2"));
    SharedDesk desk(server.agent());
    desk.waitOnline();
    auto calls = startCalls(desk, QStringLiteral("agent7"));
    calls->showCases();
    calls->showOutbox();
    calls->showAppointments();
    desk::CasesView *cases = calls->casesView();
    desk::OutboxView *outboxView = calls->outboxView();
    desk::AppointmentsView *appointmentsView = calls->appointmentsView();
    REQUIRE(cases);
    REQUIRE(outboxView);
    REQUIRE(appointmentsView);
    CHECK(cases->sourceNote().isEmpty());
    CHECK(cases->model()->rowCount() == 0);
    CHECK(outboxView->table()->rowCount() == 0);
    CHECK(appointmentsView->table()->rowCount() == 0);
    // From here on nothing but the server's notifications reloads the views: no show, no reload, no reconnect.

    // A team lead's desk forwards a case (case and e-mail in one transaction); another agent's login books.
    RawPg lead(server.lead());
    RawPg agent2(server.as(QStringLiteral("desk_agent2"), QLatin1String(AgentPassword)));
    const QString later =
        forwardOnServer(lead, QStringLiteral("Spätere Frist"), QDateTime::currentDateTimeUtc().addDays(3));
    CHECK(QTest::qWaitFor([&]() { return cases->model()->rowCount() == 1; }, 10000));
    CHECK(QTest::qWaitFor([&]() { return outboxView->table()->rowCount() == 1; }, 10000));
    bookOnServer(agent2, QStringLiteral("desk_agent2"), QStringLiteral("Bürgerin von Platz 2"));
    REQUIRE(QTest::qWaitFor([&]() { return appointmentsView->table()->rowCount() == 1; }, 10000));
    CHECK(appointmentsView->table()->item(0, 3)->text() == QStringLiteral("Bürgerin von Platz 2"));
    // Row security as before: the agent's view shows every desk's rows, exactly what a reload shows.
    REQUIRE(cases->model()->rowCount() == 1);
    CHECK(cases->model()->caseAt(0)->caseNumber == later);

    // The agent has selected that case; a case due earlier arrives above it: the selection stays on the same case.
    cases->table()->setCurrentIndex(cases->model()->index(0, 0));
    const QString earlier =
        forwardOnServer(lead, QStringLiteral("Frühere Frist"), QDateTime::currentDateTimeUtc().addDays(1));
    REQUIRE(QTest::qWaitFor([&]() { return cases->model()->rowCount() == 2; }, 10000));
    CHECK(cases->model()->caseAt(0)->caseNumber == earlier);
    CHECK(cases->model()->caseAt(cases->table()->currentIndex().row())->caseNumber == later);

    // The agent tries to close it (a lead's right): the server's answer in the status line outlives live reloads.
    auto *markAnswered = cases->findChild<QPushButton *>(QStringLiteral("markAnswered"));
    REQUIRE(markAnswered);
    QTest::mouseClick(markAnswered, Qt::LeftButton);
    const auto statusShows = [&](const QString &text) {
        for (const QLabel *label : cases->findChildren<QLabel *>()) {
            if (label->text().contains(text)) {
                return true;
            }
        }
        return false;
    };
    const QString refusal = QStringLiteral("permission denied");
    CHECK(statusShows(refusal));

    // A burst of ten forwards in ten transactions while the desk is busy: one reload per view, not ten.
    REQUIRE(QTest::qWaitFor([&]() { return outboxView->table()->rowCount() == 2; }, 10000));
    QTest::qWait(3 * desk::CallDesk::LiveRefreshDelayMs);
    const int refreshesBefore = calls->liveRefreshCount();
    for (int i = 0; i < 10; ++i) {
        forwardOnServer(lead, QStringLiteral("Welle %1").arg(i), QDateTime::currentDateTimeUtc().addDays(5));
    }
    REQUIRE(QTest::qWaitFor([&]() { return cases->model()->rowCount() == 12; }, 10000));
    REQUIRE(QTest::qWaitFor([&]() { return outboxView->table()->rowCount() == 12; }, 10000));
    QTest::qWait(3 * desk::CallDesk::LiveRefreshDelayMs);
    const int burstRefreshes = calls->liveRefreshCount() - refreshesBefore;
    INFO("reloads for the burst: " << burstRefreshes);
    CHECK(burstRefreshes >= 2); // the cases and the outbox view
    CHECK(burstRefreshes <= 4); // not one per notification (20)
    CHECK(statusShows(refusal));
    CHECK(cases->model()->caseAt(cases->table()->currentIndex().row())->caseNumber == later);
    CHECK(appointmentsView->table()->rowCount() == 1);

    // A hidden view is not reloaded (it reloads when shown).
    appointmentsView->hide();
    const int hiddenBefore = calls->liveRefreshCount();
    bookOnServer(agent2, QStringLiteral("desk_agent2"), QStringLiteral("Zweite Bürgerin"));
    QTest::qWait(5 * desk::CallDesk::LiveRefreshDelayMs);
    CHECK(calls->liveRefreshCount() == hiddenBefore);
    CHECK(appointmentsView->table()->rowCount() == 1);
    calls->showAppointments();
    CHECK(appointmentsView->table()->rowCount() == 2);

    // After an outage the desk's new server connection listens again.
    PgCluster &cluster = sharedCluster();
    QString error;
    REQUIRE(cluster.stop(&error));
    desk.waitOnline(false);
    REQUIRE(QTest::qWaitFor([&]() { return !cases->sourceNote().isEmpty(); }, 5000));
    REQUIRE(cluster.start(&error));
    REQUIRE(QTest::qWaitFor([&]() { return desk.connector->isOnline(); }, 10000));
    REQUIRE(QTest::qWaitFor([&]() { return cases->model()->rowCount() == 12 && cases->sourceNote().isEmpty(); }, 5000));
    RawPg leadAgain(server.lead());
    forwardOnServer(leadAgain, QStringLiteral("Nach dem Ausfall"), QDateTime::currentDateTimeUtc().addDays(2));
    CHECK(QTest::qWaitFor([&]() { return cases->model()->rowCount() == 13; }, 10000));
    CHECK(QTest::qWaitFor([&]() { return outboxView->table()->rowCount() == 13; }, 10000));
    calls.reset();
}

namespace {

// The server's schedule of office-1 as "capacity|cell|weekday opens-closes;…".
QString serverSchedule(RawPg &raw)
{
    QSqlQuery q(raw.db());
    QString out;
    if (q.exec(QStringLiteral("SELECT capacity, cell_minutes FROM appt_offices WHERE office_id = 'office-1'")) &&
        q.next()) {
        out = q.value(0).toString() + QLatin1Char('|') + q.value(1).toString();
    }
    return out;
}

desk::OfficeScheduleDialog *openSchedules(desk::CallDesk &calls)
{
    desk::OfficeScheduleDialog *dialog = calls.showOfficeSchedules();
    if (dialog) {
        auto *office = dialog->findChild<QComboBox *>(QStringLiteral("office"));
        const int index = office ? office->findData(QStringLiteral("office-1")) : -1;
        if (index >= 0) {
            office->setCurrentIndex(index);
        }
    }
    return dialog;
}

} // namespace

TEST_CASE("pg desk: office hours in shared mode are the server's: a lead's login saves them (and the desk keeps a "
          "copy), an agent's gets the server's refusal, offline nothing is saved",
          "[pg][desk][shared][schedules]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    RawPg raw(server.params);
    QString error;
    REQUIRE(serverSchedule(raw) == QStringLiteral("1|20"));

    {
        SharedDesk agentDesk(server.agent());
        agentDesk.waitOnline();
        auto calls = startCalls(agentDesk, QStringLiteral("agent7"));
        CHECK_FALSE(calls->appointments()->office(QStringLiteral("office-1"))); // the desk has no copy yet
        desk::OfficeScheduleDialog *dialog = openSchedules(*calls);
        REQUIRE(dialog);
        CHECK(dialog->isShowingServer());
        auto *capacity = dialog->findChild<QSpinBox *>(QStringLiteral("capacity"));
        REQUIRE(capacity);
        CHECK(capacity->value() == 1); // the server's schedule, though the desk has none
        CHECK(dialog->findChild<QLineEdit *>(QStringLiteral("hours1"))->text() == QStringLiteral("00:00-23:40"));
        capacity->setValue(4);
        CHECK_FALSE(dialog->save(&error));
        INFO(error.toStdString());
        CHECK(error.contains(QStringLiteral("permission denied")));
        dialog->accept(); // stays open and shows the reason
        CHECK(dialog->isVisible());
        CHECK(dialog->message().contains(QStringLiteral("permission denied")));
        CHECK(serverSchedule(raw) == QStringLiteral("1|20"));
        CHECK_FALSE(calls->appointments()->office(QStringLiteral("office-1")));
        dialog->close();
        calls.reset();
    }

    SharedDesk leadDesk(server.lead());
    leadDesk.waitOnline();
    auto calls = startCalls(leadDesk, QStringLiteral("lead1"));
    desk::OfficeScheduleDialog *dialog = openSchedules(*calls);
    REQUIRE(dialog);
    CHECK(dialog->isShowingServer());
    dialog->findChild<QSpinBox *>(QStringLiteral("capacity"))->setValue(3);
    dialog->findChild<QLineEdit *>(QStringLiteral("hours1"))->setText(QStringLiteral("08:00-12:00"));
    INFO(error.toStdString());
    REQUIRE(dialog->save(&error));
    CHECK(serverSchedule(raw) == QStringLiteral("3|20"));
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_opening_hours WHERE office_id = 'office-1' AND "
                                    "weekday = 1")) == 1);
    // The desk's copy follows (the booking dialog offers it offline).
    const auto copy = calls->appointments()->office(QStringLiteral("office-1"));
    REQUIRE(copy);
    CHECK(copy->capacity == 3);
    dialog->close();
    QTest::qWait(50);

    // Offline: the desk's copy is shown with the note, and nothing is saved anywhere.
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.stop(&error));
    leadDesk.waitOnline(false);
    dialog = openSchedules(*calls);
    REQUIRE(dialog);
    CHECK_FALSE(dialog->isShowingServer());
    CHECK(dialog->message().contains(QStringLiteral("server"), Qt::CaseInsensitive)); // "not reachable"
    CHECK(dialog->findChild<QSpinBox *>(QStringLiteral("capacity"))->value() == 3);   // the desk's copy
    dialog->findChild<QSpinBox *>(QStringLiteral("capacity"))->setValue(7);
    CHECK_FALSE(dialog->save(&error));
    CHECK_FALSE(error.isEmpty());
    CHECK(calls->appointments()->office(QStringLiteral("office-1"))->capacity == 3);
    dialog->close();
    REQUIRE(cluster.start(&error));
    REQUIRE(QTest::qWaitFor([&]() { return leadDesk.connector->isOnline(); }, 10000));
    RawPg after(server.params);
    CHECK(serverSchedule(after) == QStringLiteral("3|20"));
    calls.reset();
}

TEST_CASE("pg desk: deadline rules in shared mode are the server's: an agent's login may not save them, a lead's "
          "does, and every desk's forward uses them, offline from its copy",
          "[pg][desk][shared][deadlines]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    RawPg raw(server.params);
    QString error;
    const QString policySql = QStringLiteral("SELECT COUNT(*) FROM journal_settings WHERE name = 'deadline_policy'");
    journal::DeadlinePolicy policy;
    policy.byOffice.insert(QStringLiteral("office-1"),
                           journal::DeadlineRule{journal::DeadlineRule::Mode::WorkingHours, 16});

    {
        SharedDesk agentDesk(server.agent());
        agentDesk.waitOnline();
        auto calls = startCalls(agentDesk, QStringLiteral("agent7"));
        desk::DeadlinesDialog *dialog = calls->showDeadlines(); // the server's roles decide
        REQUIRE(dialog);
        CHECK(dialog->isShowingServer());
        dialog->setPolicy(policy);
        CHECK_FALSE(dialog->save(&error));
        INFO(error.toStdString());
        CHECK(error.contains(QStringLiteral("permission denied")));
        CHECK(count(raw, policySql) == 0);
        dialog->close();
        calls.reset();
    }
    {
        SharedDesk leadDesk(server.lead());
        leadDesk.waitOnline();
        auto calls = startCalls(leadDesk, QStringLiteral("lead1"));
        desk::DeadlinesDialog *dialog = calls->showDeadlines();
        REQUIRE(dialog);
        dialog->setPolicy(policy);
        INFO(error.toStdString());
        REQUIRE(dialog->save(&error));
        CHECK(count(raw, policySql) == 1);
        CHECK(*calls->journal()->deadlinePolicy() == policy); // the desk keeps a copy
        dialog->close();
        calls.reset();
    }

    // Another desk forwards to office-1: the server's rule, shown to the agent; offline the desk's copy of it.
    SharedDesk agentDesk(server.agent());
    agentDesk.waitOnline();
    auto calls = startCalls(agentDesk, QStringLiteral("agent7"));
    CHECK(calls->deadlinePolicy() == policy);
    CHECK(*calls->journal()->deadlinePolicy() == policy);
    callAbout(agentDesk, *calls, QStringLiteral("0351 4880077"));
    const auto openForward = [&]() {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        trigger(*calls, "Alt+2");
        desk::ForwardDialog *forward = calls->forwardDialog();
        REQUIRE(forward);
        CHECK(forward->request().officeId == QStringLiteral("office-1"));
        CHECK(forward->request().deadline >= calls->calendar().deadline(before, policy.byOffice.value("office-1")));
        INFO(forward->deadlineRuleText().toStdString());
        CHECK(forward->deadlineRuleText().contains(QStringLiteral("16 Arbeitsstunden")));
        CHECK(forward->deadlineRuleText().contains(QStringLiteral("Regel der Dienststelle")));
        forward->reject();
    };
    openForward();
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.stop(&error));
    agentDesk.waitOnline(false);
    openForward();
    REQUIRE(cluster.start(&error));
    REQUIRE(QTest::qWaitFor([&]() { return agentDesk.connector->isOnline(); }, 10000));
    calls.reset();
}

TEST_CASE("pg desk: the server refuses an agent's call row naming another agent, the desk logs calls under its login",
          "[pg][desk][shared][roles]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    SharedDesk desk(server.agent());
    desk.waitOnline();
    auto calls = startCalls(desk, QStringLiteral("agent7"));
    RawPg raw(server.params);
    QString error;

    // Through the real queue: a forged row is rejected with the server's reason, the agent's own is accepted.
    const auto call = [](const QString &agent) {
        journal::CallRecord c;
        c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        c.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-300);
        c.answeredAt = c.offeredAt.addSecs(5);
        c.endedAt = c.answeredAt.addSecs(60);
        c.agent = agent;
        c.outcome = journal::Outcome::AnsweredDirectly;
        c.draft = false;
        return c;
    };
    QSignalSpy rejected(desk.connector.get(), &desk::SharedStoreConnector::writeRejected);
    QSignalSpy delivered(desk.connector.get(), &desk::SharedStoreConnector::writeDelivered);
    const journal::CallRecord forged = call(QStringLiteral("desk_lead"));
    const QString forgedEntry = desk.connector->enqueue(QLatin1String(journal::serverwrite::CommitCall),
                                                        journal::commitPayload(forged), &error);
    REQUIRE_FALSE(forgedEntry.isEmpty());
    REQUIRE(QTest::qWaitFor([&]() { return rejected.count() > 0; }, 5000));
    CHECK(rejected.first().at(0).toString() == forgedEntry);
    INFO(rejected.first().at(2).toString().toStdString());
    CHECK(rejected.first().at(2).toString().contains(QStringLiteral("row-level security")));
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = :v"), forged.id) == 0);
    const journal::CallRecord own = call(QStringLiteral("desk_agent"));
    const QString ownEntry =
        desk.connector->enqueue(QLatin1String(journal::serverwrite::CommitCall), journal::commitPayload(own), &error);
    REQUIRE_FALSE(ownEntry.isEmpty());
    REQUIRE(QTest::qWaitFor(
        [&]() {
            for (const QList<QVariant> &d : delivered) {
                if (d.at(0).toString() == ownEntry) {
                    return true;
                }
            }
            return false;
        },
        5000));
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = :v"), own.id) == 1);
    CHECK(rejected.count() == 1);
    // The refusal is shown to the agent like every refused write (the notice box, not modal).
    QMessageBox *notice = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&]() {
            for (QMessageBox *box : desk.window->findChildren<QMessageBox *>()) {
                if (box->isVisible() && box->text().contains(QStringLiteral("row-level security"))) {
                    notice = box;
                }
                if (box->isVisible() && box->informativeText().contains(QStringLiteral("row-level security"))) {
                    notice = box;
                }
            }
            return notice != nullptr;
        },
        3000));
    notice->close();

    // A call wrapped up on this desk names the desk's server login (not the configured "agent7") and is accepted.
    const QString before = QString::number(rejected.count());
    QSignalSpy wrapUp(calls.get(), &desk::CallDesk::wrapUpOpened);
    const QString callId = calls->manualProvider()->startCall(QStringLiteral("0351 4880777"));
    REQUIRE(calls->manualProvider()->hangUp(callId, &error));
    REQUIRE((wrapUp.count() > 0 || wrapUp.wait(5000)));
    QSignalSpy saved(calls.get(), &desk::CallDesk::outcomeSaved);
    trigger(*calls, "Alt+1");
    REQUIRE(saved.count() == 1);
    const QString id = saved.first().at(0).toString();
    CHECK(calls->journal()->call(id)->agent == QStringLiteral("desk_agent"));
    REQUIRE(QTest::qWaitFor(
        [&]() {
            return count(raw,
                         QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = :v AND agent = 'desk_agent'"),
                         id) == 1;
        },
        5000));
    CHECK(QString::number(rejected.count()) == before);
    // A booking naming another agent is refused too; the call's services belong to the call's agent.
    {
        auto book = appointments::AppointmentStore::openOn(raw.db(), &error);
        REQUIRE(book);
        appointments::BookingRequest booking;
        booking.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        booking.officeId = QStringLiteral("office-1");
        booking.serviceId = QStringLiteral("test-ausweis");
        booking.start = firstFreeSlot(*book);
        booking.durationMinutes = 20;
        booking.citizenName = QStringLiteral("Gefälscht");
        booking.agent = QStringLiteral("desk_lead");
        booking.confirmation.send = false;
        const QString entry = desk.connector->enqueue(QLatin1String(appointments::serverwrite::Book),
                                                      appointments::bookPayload(booking), &error);
        REQUIRE_FALSE(entry.isEmpty());
        REQUIRE(QTest::qWaitFor([&]() { return rejected.count() == 2; }, 5000));
        CHECK(rejected.last().at(0).toString() == entry);
        CHECK(rejected.last().at(2).toString().contains(QStringLiteral("row-level security")));
        CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE id = :v"), booking.id) == 0);
    }
    // A lead's login is not restricted (the owner neither).
    {
        RawPg lead(server.lead());
        auto journal = journal::JournalStore::openOn(lead.db(), &error);
        REQUIRE(journal);
        journal::CallRecord other = call(QStringLiteral("someone-else"));
        INFO(error.toStdString());
        CHECK(journal->commitCall(other, &error));
        // The services of a call belong to the call's agent: the agent's login may add to its own call only.
        RawPg agent(server.agent());
        const auto addService = [&](const QString &callId) {
            QSqlQuery q(agent.db());
            q.prepare(QStringLiteral(
                "INSERT INTO journal_call_services (call_id, position, service_id) VALUES (:id, 9, 'x')"));
            q.bindValue(QStringLiteral(":id"), callId);
            return q.exec();
        };
        CHECK(addService(own.id));
        CHECK_FALSE(addService(other.id));
    }
    calls.reset();
}

TEST_CASE("pg desk: in shared mode the journal export has every desk's calls from the server and the reminders the "
          "server's cases of this desk's login, offline this desk's own with the note",
          "[pg][desk][shared][calls]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    QString error;
    // Two due forwarded cases on the server: one forwarded under this desk's login, one by another agent.
    const auto forwardOnServer = [&](const QString &agent, const QString &question) {
        RawPg lead(server.lead());
        auto journal = journal::JournalStore::openOn(lead.db(), &error);
        REQUIRE(journal);
        journal::CallRecord call;
        call.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        call.answeredAt = call.offeredAt.addSecs(5);
        call.endedAt = call.offeredAt.addSecs(120);
        call.agent = agent;
        call.serviceIds = {QStringLiteral("test-ausweis")};
        journal::ForwardRequest request;
        request.officeEmail = QStringLiteral("buergerbuero@example.org");
        request.serviceId = QStringLiteral("test-ausweis");
        request.serviceTitle = QStringLiteral("Personalausweis beantragen");
        request.question = question;
        request.fromEmail = QStringLiteral("buergertelefon@example.org");
        request.agent = agent;
        request.deadline = QDateTime::currentDateTimeUtc().addSecs(3600);
        request.remindAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        journal::ForwardResult result;
        INFO(error.toStdString());
        REQUIRE(journal->commitForward(call, request, &result, &error));
        return result.caseNumber;
    };
    const QString mine = forwardOnServer(QStringLiteral("desk_agent"), QStringLiteral("Meine Frage"));
    const QString theirs = forwardOnServer(QStringLiteral("other-desk"), QStringLiteral("Andere Frage"));
    REQUIRE_FALSE(mine.isEmpty());

    SharedDesk desk(server.agent());
    desk.waitOnline();
    desk::CallDeskConfig config;
    config.journalPath = QDir(desk.folder).filePath(QStringLiteral("journal.db"));
    config.agent = QStringLiteral("agent7");
    config.reminderCheckMs = 300;
    auto calls = std::make_unique<desk::CallDesk>(desk.window.get(), config);
    calls->setSharedStore(desk.connector.get());
    QSignalSpy reminded(calls.get(), &desk::CallDesk::reminderShown);
    INFO(error.toStdString());
    REQUIRE(calls->start(&error));
    QTest::qWait(800); // a few reminder checks: each case once
    REQUIRE(reminded.count() == 1);
    CHECK(reminded.first().at(0).toString() == mine);
    CHECK_FALSE(calls->lastAnnouncement().contains(QString::fromUtf8(OfflineNote)));

    // This desk's call, wrapped up here; the export has it and the other desks' calls (the server's).
    QSignalSpy wrapUp(calls.get(), &desk::CallDesk::wrapUpOpened);
    const QString callId = calls->manualProvider()->startCall(QStringLiteral("0351 4880555"));
    REQUIRE(calls->manualProvider()->hangUp(callId, &error));
    REQUIRE((wrapUp.count() > 0 || wrapUp.wait(5000)));
    QSignalSpy saved(calls.get(), &desk::CallDesk::outcomeSaved);
    trigger(*calls, "Alt+1");
    REQUIRE(saved.count() == 1);
    const QString own = saved.first().at(0).toString();
    RawPg raw(server.params);
    REQUIRE(QTest::qWaitFor(
        [&]() { return count(raw, QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE id = :v"), own) == 1; },
        5000));
    const QString path = desk.dir.filePath(QStringLiteral("export.csv"));
    const auto exported = [&](bool *fromServer) {
        const QDate today = QDate::currentDate();
        REQUIRE(calls->exportJournal(path, today.addDays(-1), today.addDays(1), &error, fromServer));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll());
    };
    bool fromServer = false;
    QString csv = exported(&fromServer);
    CHECK(fromServer);
    CHECK(csv.count(QStringLiteral("\r\n")) == 4); // header, this desk's call, the two forwarded calls
    CHECK(csv.contains(own));
    CHECK(csv.contains(QStringLiteral("other-desk")));
    CHECK(csv.contains(QStringLiteral(",desk_agent,")));

    // Offline: this desk's own calls only; reminders come from this desk's journal, with the note.
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.stop(&error));
    desk.waitOnline(false);
    csv = exported(&fromServer);
    CHECK_FALSE(fromServer);
    CHECK(csv.count(QStringLiteral("\r\n")) == 2);
    CHECK(csv.contains(own));
    CHECK_FALSE(csv.contains(QStringLiteral("other-desk")));
    {
        journal::CallRecord call;
        call.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-300);
        call.answeredAt = call.offeredAt.addSecs(5);
        call.endedAt = call.offeredAt.addSecs(60);
        call.agent = QStringLiteral("desk_agent");
        journal::ForwardRequest request;
        request.officeEmail = QStringLiteral("buergerbuero@example.org");
        request.serviceTitle = QStringLiteral("Personalausweis beantragen");
        request.question = QStringLiteral("Offline gestellt");
        request.fromEmail = QStringLiteral("buergertelefon@example.org");
        request.agent = QStringLiteral("desk_agent");
        request.deadline = QDateTime::currentDateTimeUtc().addSecs(3600);
        request.remindAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        journal::ForwardResult result;
        REQUIRE(calls->journal()->commitForward(call, request, &result, &error));
        REQUIRE(QTest::qWaitFor([&]() { return reminded.count() == 2; }, 3000));
        CHECK(reminded.last().at(0).toString() == result.caseNumber);
        CHECK(calls->lastAnnouncement().contains(QString::fromUtf8(OfflineNote)));
    }
    CHECK_FALSE(theirs.isEmpty());
    REQUIRE(cluster.start(&error));
    REQUIRE(QTest::qWaitFor([&]() { return desk.connector->isOnline(); }, 10000));
    calls.reset();

    // The desk restarted (a new CallDesk on the same data folder), the server case is still due: not reminded of
    // again (this desk remembers it in its queue file), and neither is the local case.
    auto restarted = std::make_unique<desk::CallDesk>(desk.window.get(), config);
    restarted->setSharedStore(desk.connector.get());
    QSignalSpy remindedAgain(restarted.get(), &desk::CallDesk::reminderShown);
    REQUIRE(restarted->start(&error));
    QTest::qWait(900); // three reminder checks
    CHECK(remindedAgain.isEmpty());
    restarted.reset();
}

TEST_CASE("pg desk: in shared mode a server case reminded as due before a restart gets its overdue reminder after it, "
          "once per desk, remembered in the queue file",
          "[pg][desk][shared][calls][restart]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    QString error;
    RawPg lead(server.lead());
    auto serverJournal = journal::JournalStore::openOn(lead.db(), &error);
    REQUIRE(serverJournal);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime deadline = now.addSecs(3);
    // Two cases forwarded under this desk's login, due now, overdue in 3 s; a lead closes one of them in between.
    const auto forwardOnServer = [&](const QString &question) {
        journal::CallRecord call;
        call.offeredAt = now.addSecs(-600);
        call.answeredAt = call.offeredAt.addSecs(5);
        call.endedAt = call.offeredAt.addSecs(120);
        call.agent = QStringLiteral("desk_agent");
        call.serviceIds = {QStringLiteral("test-ausweis")};
        journal::ForwardRequest request;
        request.officeEmail = QStringLiteral("buergerbuero@example.org");
        request.serviceId = QStringLiteral("test-ausweis");
        request.serviceTitle = QStringLiteral("Personalausweis beantragen");
        request.question = question;
        request.fromEmail = QStringLiteral("buergertelefon@example.org");
        request.agent = QStringLiteral("desk_agent");
        request.deadline = deadline;
        request.remindAt = now.addSecs(-60);
        journal::ForwardResult result;
        INFO(error.toStdString());
        REQUIRE(serverJournal->commitForward(call, request, &result, &error));
        return result.caseNumber;
    };
    const QString open = forwardOnServer(QStringLiteral("Bleibt offen"));
    const QString answered = forwardOnServer(QStringLiteral("Wird beantwortet"));

    SharedDesk desk(server.agent());
    desk.waitOnline();
    desk::CallDeskConfig config;
    config.journalPath = QDir(desk.folder).filePath(QStringLiteral("journal.db"));
    config.agent = QStringLiteral("agent7");
    config.reminderCheckMs = 300;
    const QLatin1String dueScope("reminded.server-case");
    const QLatin1String overdueScope("reminded-overdue.server-case");
    {
        auto calls = std::make_unique<desk::CallDesk>(desk.window.get(), config);
        calls->setSharedStore(desk.connector.get());
        QSignalSpy reminded(calls.get(), &desk::CallDesk::reminderShown);
        INFO(error.toStdString());
        REQUIRE(calls->start(&error));
        REQUIRE(QTest::qWaitFor([&]() { return reminded.count() == 2; }, 3000));
        CHECK(calls->lastAnnouncement().contains(QStringLiteral("ist fällig")));
        CHECK(desk.connector->isMarked(dueScope, open));
        CHECK_FALSE(desk.connector->isMarked(overdueScope, open));
    } // the desk quits before the deadline
    REQUIRE(serverJournal->setCaseState(answered, journal::CaseState::Answered, QString(), &error));
    REQUIRE(QTest::qWaitFor([&]() { return QDateTime::currentDateTimeUtc() > deadline.addMSecs(200); }, 8000));

    {
        // Restarted past the deadline: the open case's overdue reminder at start-up, the answered one nothing.
        auto calls = std::make_unique<desk::CallDesk>(desk.window.get(), config);
        calls->setSharedStore(desk.connector.get());
        QSignalSpy reminded(calls.get(), &desk::CallDesk::reminderShown);
        REQUIRE(calls->start(&error));
        REQUIRE((reminded.count() > 0 || reminded.wait(3000)));
        CHECK(reminded.at(0).at(0).toString() == open);
        CHECK(calls->lastAnnouncement().startsWith(QStringLiteral("Vorgang %1").arg(open)));
        CHECK(calls->lastAnnouncement().contains(QStringLiteral("überfällig")));
        QTest::qWait(900); // three reminder checks: once
        CHECK(reminded.count() == 1);
        CHECK(desk.connector->isMarked(overdueScope, open));
        CHECK_FALSE(desk.connector->isMarked(overdueScope, answered));
    }
    {
        // Restarted again: nothing (the case is still open on the server, which never records the desk's reminders).
        auto calls = std::make_unique<desk::CallDesk>(desk.window.get(), config);
        calls->setSharedStore(desk.connector.get());
        QSignalSpy reminded(calls.get(), &desk::CallDesk::reminderShown);
        REQUIRE(calls->start(&error));
        QTest::qWait(900);
        CHECK(reminded.isEmpty());
        const auto onServer = serverJournal->caseByNumber(open);
        REQUIRE(onServer);
        CHECK(onServer->state == journal::CaseState::Open);
        CHECK_FALSE(onServer->overdueRemindedAt.isValid());
    }
}

namespace {

// The editorial side of a shared-mode desk as main() wires it: the signed-in agent, searches, opened articles and
// flags through the desk's queue.
struct DeskEditorial
{
    DeskEditorial(SharedDesk &desk, const kb::User &user) : session(nullptr)
    {
        session.setSharedServer(desk.connector->config().connection);
        session.setSharedQueue(desk.connector.get());
        session.setSearchLogDelay(50);
        session.signIn(user);
        actions = new desk::EditorialActions(desk.window.get(), desk.service.get(), &session);
    }

    desk::EditorialSession session;
    desk::EditorialActions *actions = nullptr; // owned by the window
};

// Types the query, waits until it is logged (queued), and opens the first result with Return when `open`.
void searchAndMaybeOpen(SharedDesk &desk, const QString &query, bool open)
{
    desk.search(query);
    QTest::qWait(150); // the query stands longer than the log delay
    if (open) {
        QSignalSpy shown(desk.window.get(), &desk::MainWindow::articleShown);
        QTest::keyClick(desk.window->searchPanel()->searchEdit(), Qt::Key_Return);
        REQUIRE((shown.count() > 0 || shown.wait(20000)));
    }
}

} // namespace

TEST_CASE("pg desk: searches, opened articles and flags of a shared-mode desk reach the server exactly once, also "
          "when made while the server is stopped, and show in the team lead's knowledge gaps",
          "[pg][desk][shared]")
{
    QSettings().clear();
    Server server;
    SharedDesk desk(server.agent());
    desk.waitOnline();
    QString error;
    auto owner = kb::openPgStore(server.params, &error);
    REQUIRE(owner);
    const auto agent = owner->user(QStringLiteral("desk_agent"));
    REQUIRE(agent);
    DeskEditorial editorial(desk, *agent);
    RawPg raw(server.params);

    // Online: the search is on the server at once, the opened article fills in its entry, the flag is visible to
    // the team leads at once.
    searchAndMaybeOpen(desk, QStringLiteral("Reisepass"), true);
    REQUIRE(QTest::qWaitFor(
        [&]() {
            return count(raw,
                         QStringLiteral("SELECT COUNT(*) FROM search_log WHERE query = :v AND "
                                        "opened_article_id = 'test-pass' AND client_id IS NOT NULL"),
                         QStringLiteral("Reisepass")) == 1;
        },
        5000));
    REQUIRE(editorial.actions->flagCurrentArticle(QStringLiteral("Gebühr stimmt nicht")));
    CHECK(desk.window->statusBar()->currentMessage().contains(QStringLiteral("Teamleitung"), Qt::CaseInsensitive));
    CHECK(QTest::qWaitFor(
        [&]() {
            return count(raw,
                         QStringLiteral("SELECT COUNT(*) FROM article_flags WHERE comment = :v AND "
                                        "article_id = 'test-pass' AND raised_by = 'desk_agent'"),
                         QStringLiteral("Gebühr stimmt nicht")) == 1;
        },
        3000));

    // Server stopped: a search without results, one whose article the agent opens, and a flag: all queued.
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.stop(&error));
    desk.waitOnline(false);
    searchAndMaybeOpen(desk, QStringLiteral("Hundesteuer"), false);
    searchAndMaybeOpen(desk, QStringLiteral("Wohnsitz"), true);
    REQUIRE(editorial.actions->flagCurrentArticle(QStringLiteral("Öffnungszeiten veraltet")));
    CHECK(desk.window->statusBar()->currentMessage().contains(QStringLiteral("Server")));
    searchAndMaybeOpen(desk, QStringLiteral("Hundesteuer anmelden"), false);
    // A word the catalogue does not know: queued with the search (the others, all known, carry no word list, as a
    // payload queued by a desk before schema version 5).
    searchAndMaybeOpen(desk, QStringLiteral("Foodtruck"), false);
    editorial.session.flushSearchLog();
    CHECK(desk.connector->trackedWrites(QString()).isEmpty()); // nobody awaits these: they just go
    {
        auto queue = kb::WriteQueue::open(QDir(desk.folder).filePath(QStringLiteral("queue.db")), &error);
        REQUIRE(queue);
        QStringList kinds;
        for (const kb::QueuedWrite &w : queue->pending(100, &error)) {
            kinds << w.kind;
        }
        CHECK(kinds == QStringList{QStringLiteral("kb.search.log"), QStringLiteral("kb.search.log"),
                                   QStringLiteral("kb.search.opened"), QStringLiteral("kb.flag"),
                                   QStringLiteral("kb.search.log"), QStringLiteral("kb.search.log")});
    }

    // Server back: everything arrives once, in order, with the desk's times; the lead's report shows it.
    const QDateTime restartAt = QDateTime::currentDateTimeUtc();
    REQUIRE(cluster.start(&error));
    RawPg after(server.params);
    REQUIRE(QTest::qWaitFor([&]() { return desk.connector->isOnline(); }, 10000));
    REQUIRE(QTest::qWaitFor(
        [&]() {
            return count(after, QStringLiteral("SELECT COUNT(*) FROM applied_writes WHERE kind LIKE :v"),
                         QStringLiteral("kb.%")) == 9;
        },
        10000));
    QTest::qWait(300);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM search_log WHERE query = :v"),
                QStringLiteral("Hundesteuer")) == 1);
    CHECK(count(after,
                QStringLiteral("SELECT COUNT(*) FROM search_log WHERE query = :v AND opened_article_id = 'test-melde'"),
                QStringLiteral("Wohnsitz")) == 1);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM search_log WHERE query = :v AND opened_article_id IS NULL"),
                QStringLiteral("Hundesteuer anmelden")) == 1);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM search_log")) == 5);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM search_log WHERE unmatched_words = :v"),
                QStringLiteral("Foodtruck")) == 1);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM search_log WHERE query = :v AND unmatched_words IS NULL"),
                QStringLiteral("Wohnsitz")) == 1);
    CHECK(count(after,
                QStringLiteral("SELECT COUNT(*) FROM article_flags WHERE comment = :v AND article_id = 'test-melde'"),
                QStringLiteral("Öffnungszeiten veraltet")) == 1);
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'flag.raise'")) == 2);
    // Offline entries keep the time the agent searched, not the delivery's.
    CHECK(count(after,
                QStringLiteral("SELECT COUNT(*) FROM search_log WHERE query = 'Wohnsitz' AND "
                               "searched_at < CAST(:v AS TIMESTAMPTZ) AND opened_at < CAST(:v AS TIMESTAMPTZ)"),
                restartAt.toString(Qt::ISODateWithMs)) == 1);
    CHECK(desk.connector->isOnline());
    CHECK(desk.window->findChild<QMessageBox *>(QStringLiteral("WriteRejectedNotice")) == nullptr);

    auto lead = kb::openPgStore(server.lead(), &error);
    REQUIRE(lead);
    const kb::GapReport report = lead->knowledgeGaps(QDateTime::currentDateTimeUtc().addDays(-1), &error);
    INFO(error.toStdString());
    CHECK(report.searchesLogged == 5);
    bool foodtruck = false;
    for (const kb::UnknownWord &w : report.unknownWords) {
        foodtruck = foodtruck || (w.word == QStringLiteral("Foodtruck") && w.searches == 1);
    }
    CHECK(foodtruck);
    QStringList gaps;
    for (const kb::KnowledgeGap &g : report.gaps) {
        gaps << g.query;
    }
    CHECK(gaps.contains(QStringLiteral("hundesteuer")));
    CHECK(gaps.contains(QStringLiteral("hundesteuer anmelden")));
    CHECK_FALSE(gaps.contains(QStringLiteral("wohnsitz"))); // the agent found it
    QStringList flagged;
    for (const kb::ArticleFlag &f : report.openFlags) {
        flagged << f.articleId;
    }
    flagged.sort();
    CHECK(flagged == QStringList{QStringLiteral("test-melde"), QStringLiteral("test-pass")});

    // Least privilege: the agent's login adds log rows and sets the opened article, nothing else.
    {
        RawPg agentLogin(server.agent());
        QString denied;
        CHECK_FALSE(agentLogin.exec(QStringLiteral("UPDATE search_log SET query = 'x'"), &denied));
        CHECK(denied.contains(QStringLiteral("permission denied")));
        CHECK_FALSE(agentLogin.exec(QStringLiteral("UPDATE search_log SET client_id = NULL"), &denied));
        CHECK_FALSE(agentLogin.exec(QStringLiteral("DELETE FROM search_log"), &denied));
        CHECK_FALSE(agentLogin.exec(QStringLiteral("UPDATE article_flags SET comment = 'x'"), &denied));
        CHECK(agentLogin.exec(QStringLiteral("UPDATE search_log SET opened_article_id = 'test-pass', opened_at = now() "
                                             "WHERE client_id = gen_random_uuid()"),
                              &denied));
    }

    // A flag the server refuses (no such service there): the general notice says what and why.
    QString flagError;
    REQUIRE(editorial.session.flagArticle(QStringLiteral("no-such-service"), QStringLiteral("falsch"), &flagError));
    QMessageBox *refusedNotice = nullptr;
    REQUIRE(QTest::qWaitFor(
        [&]() {
            refusedNotice = desk.window->findChild<QMessageBox *>(QStringLiteral("WriteRejectedNotice"));
            return refusedNotice && refusedNotice->isVisible();
        },
        5000));
    CHECK(refusedNotice->text() == QStringLiteral("Der Server hat die Meldung einer Dienstleistung abgelehnt."));
    CHECK(refusedNotice->informativeText().contains(QStringLiteral("no-such-service")));
    CHECK(count(after, QStringLiteral("SELECT COUNT(*) FROM article_flags WHERE article_id = :v"),
                QStringLiteral("no-such-service")) == 0);
}

TEST_CASE("pg desk: bookings queued offline are followed after a restart of the desk: a confirmation is mirrored, a "
          "refusal offers Book again",
          "[pg][desk][shared][calls]")
{
    QSettings().clear();
    Server server;
    prepareCalls(server);
    QString error;
    QString folder;
    QString confirmedId;
    appointments::BookingRequest refused;
    auto first = std::make_unique<SharedDesk>(server.agent());
    first->dir.setAutoRemove(false);
    folder = first->folder;
    {
        first->waitOnline();
        auto calls = startCalls(*first, QStringLiteral("anna"));
        // Online once: the booking dialog keeps the office's schedule on the desk (for offline slots).
        callAbout(*first, *calls, QStringLiteral("0351 4880031"));
        trigger(*calls, "Alt+3");
        REQUIRE(calls->appointmentDialog());
        REQUIRE(calls->appointmentDialog()->slotList()->count() > 2);
        calls->appointmentDialog()->reject();
        QTest::qWait(50);

        PgCluster &cluster = sharedCluster();
        REQUIRE(cluster.stop(&error));
        first->waitOnline(false);
        const auto bookOffline = [&](const QString &citizen, int rowFromEnd) {
            trigger(*calls, "Alt+3");
            desk::AppointmentDialog *dialog = calls->appointmentDialog();
            REQUIRE(dialog);
            REQUIRE(dialog->slotList()->count() > rowFromEnd);
            dialog->slotList()->setCurrentRow(dialog->slotList()->count() - 1 - rowFromEnd);
            dialog->nameEdit()->setText(citizen);
            dialog->emailEdit()->setText(QStringLiteral("buerger@example.org"));
            QSignalSpy saved(calls.get(), &desk::CallDesk::outcomeSaved);
            dialog->accept();
            REQUIRE(saved.count() == 1);
            CHECK(calls->lastAnnouncement().contains(QStringLiteral("Warteschlange")));
            const auto record = calls->journal()->call(saved.first().at(0).toString());
            REQUIRE(record);
            return record->appointmentId;
        };
        confirmedId = bookOffline(QStringLiteral("Bleibt Gebucht"), 0);
        callAbout(*first, *calls, QStringLiteral("0351 4880032"));
        const QString refusedId = bookOffline(QStringLiteral("Wird Abgelehnt"), 1);
        // Both awaited durably in the queue file.
        const QList<kb::TrackedWrite> tracked =
            first->connector->trackedWrites(QString::fromLatin1(appointments::serverwrite::Book), &error);
        REQUIRE(tracked.size() == 2);
        for (const kb::TrackedWrite &w : tracked) {
            CHECK(w.state == kb::TrackedWrite::State::Pending);
            if (w.payload.value(QStringLiteral("id")).toString() == refusedId) {
                REQUIRE(appointments::bookingRequestFromJson(w.payload, &refused, &error));
            }
        }
        REQUIRE(refused.id == refusedId);
        CHECK_FALSE(calls->appointments()->booking(confirmedId));
        calls.reset();
    }
    first.reset(); // the desk is closed (its data folder stays)

    // While the desk is closed the server comes back and another desk takes the slot of the second booking.
    PgCluster &cluster = sharedCluster();
    REQUIRE(cluster.start(&error));
    {
        RawPg owner(server.params);
        auto book = appointments::AppointmentStore::openOn(owner.db(), &error);
        REQUIRE(book);
        appointments::BookingRequest taken = refused;
        taken.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        taken.citizenName = QStringLiteral("Schneller");
        taken.callId.clear();
        taken.confirmation.send = false;
        appointments::Booking booked;
        INFO(error.toStdString());
        REQUIRE(book->book(taken, &booked, nullptr, &error));
    }

    // The desk starts again on the same folder: the queue delivers, the new CallDesk follows both answers.
    SharedDesk second(server.agent(), folder);
    REQUIRE(QTest::qWaitFor([&]() { return second.connector->isOnline(); }, 10000));
    auto calls = startCalls(second, QStringLiteral("anna"));
    RawPg raw(server.params);
    REQUIRE(QTest::qWaitFor(
        [&]() {
            return count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE id = :v AND state = 'booked'"),
                         confirmedId) == 1;
        },
        10000));
    CHECK(QTest::qWaitFor([&]() { return bool(calls->appointments()->booking(confirmedId)); }, 5000));
    const auto mirrored = calls->appointments()->booking(confirmedId);
    REQUIRE(mirrored);
    CHECK(mirrored->outboxId.isEmpty()); // no second confirmation from the desk
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE id = :v"), refused.id) == 0);

    QMessageBox *notice = shownNotice(second.window.get(), QStringLiteral("BookingRefusedNotice"));
    REQUIRE(notice);
    CHECK(notice->text().contains(QStringLiteral("Wird Abgelehnt")));
    CHECK(notice->informativeText().contains(QStringLiteral("office-1")));
    CHECK(second.window->findChild<QMessageBox *>(QStringLiteral("WriteRejectedNotice")) == nullptr);
    CHECK_FALSE(calls->appointments()->booking(refused.id));
    CHECK(second.connector->trackedWrites(QString::fromLatin1(appointments::serverwrite::Book), &error).isEmpty());

    // Book again: the dialog for the same office and citizen; the server confirms the new booking for the call.
    auto *again = notice->findChild<QPushButton *>(QStringLiteral("bookAgain"));
    REQUIRE(again);
    QTest::mouseClick(again, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&]() { return calls->appointmentDialog() != nullptr; }, 10000));
    QPointer<desk::AppointmentDialog> rebook = calls->appointmentDialog();
    CHECK(rebook->nameEdit()->text() == QStringLiteral("Wird Abgelehnt"));
    CHECK(rebook->findChild<QComboBox *>()->currentData().toString() == QStringLiteral("office-1"));
    REQUIRE(rebook->slotList()->count() > 0);
    rebook->slotList()->setCurrentRow(0);
    rebook->accept();
    CHECK(QTest::qWaitFor([&]() { return rebook.isNull(); }, 5000));
    CHECK(count(raw,
                QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE call_id = :v AND "
                               "citizen_name = 'Wird Abgelehnt' AND state = 'booked'"),
                refused.callId) == 1);
    // The call committed before the restart names the new booking on the server now, not the refused one.
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM appt_bookings WHERE rebooked_from = :v AND state = 'booked'"),
                refused.id) == 1);
    CHECK(count(raw,
                QStringLiteral("SELECT COUNT(*) FROM journal_calls c JOIN appt_bookings b ON b.id = c.appointment_id "
                               "AND b.call_id = c.id WHERE c.id = :v AND b.state = 'booked' AND b.citizen_name = "
                               "'Wird Abgelehnt'"),
                refused.callId) == 1);
    CHECK(count(raw, QStringLiteral("SELECT COUNT(*) FROM journal_calls WHERE appointment_id = :v"), refused.id) == 0);

    // A second restart: nothing is followed or shown again.
    calls.reset();
    const auto notices = [&]() {
        return second.window->findChildren<QMessageBox *>(QStringLiteral("BookingRefusedNotice")).size();
    };
    const qsizetype before = notices();
    auto third = startCalls(second, QStringLiteral("anna"));
    QTest::qWait(300);
    CHECK(notices() == before);
    CHECK_FALSE(third->appointments()->booking(refused.id));
    third.reset();
    QDir(folder).removeRecursively();
}
