// Editorial users signing in on the shared server (docs/shared-store.md, "Identity on the shared store"), against a
// real PostgreSQL 15 with real widgets (offscreen): logins made by the real hotline-admin binary sign in through the
// desk's LoginDialog (the server checks the password), a lead publishes with the real ArticleEditor straight to the
// server with themself in the audit trail, a wrong password is refused with a message, an agent gets the agent's
// rights only, "Change my password" changes the server password (and the Argon2id one on a single desk), and a
// desk's queued catalogue writes name the desk login's own user.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "articleeditor.h"
#include "deskcatalogue.h"
#include "desksettings.h"
#include "editorialactions.h"
#include "editorialwindow.h"
#include "language.h"
#include "mainwindow.h"
#include "searchservice.h"
#include "changepassworddialog.h"
#include "editorialsession.h"
#include "logindialog.h"
#include "pgstore.h"
#include "replicasync.h"
#include "store.h"
#include "writequeue.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hotline::test;

namespace {

constexpr char LeadPassword[] = "Leitung-2026!";
constexpr char AgentPassword[] = "Agentin-2026!";

// hotline-admin user add NAME --role ROLE, the real binary; the new password from HOTLINE_NEW_PASSWORD.
void adminUserAdd(const kb::PgConnection &owner, const QString &name, const QString &role, const QString &password)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSWORD"), owner.password);
    env.insert(QStringLiteral("HOTLINE_NEW_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(HOTLINE_ADMIN_CLI),
            {QStringLiteral("--host"), owner.host, QStringLiteral("--port"), QString::number(owner.port),
             QStringLiteral("--db"), owner.database, QStringLiteral("--user"), owner.user, QStringLiteral("--sslmode"),
             QStringLiteral("disable"), QStringLiteral("user"), QStringLiteral("add"), name, QStringLiteral("--role"),
             role});
    REQUIRE(p.waitForFinished(60000));
    INFO(p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
}

// A server with one published article, a lead and an agent made by hotline-admin.
struct Server
{
    explicit Server(const QString &suffix)
        : lead(QStringLiteral("lead_") + suffix), agent(QStringLiteral("agent_") + suffix)
    {
        owner = freshPgDatabase(true);
        QString error;
        auto store = kb::openPgStore(owner, &error);
        REQUIRE(store);
        kb::Catalogue catalogue;
        catalogue.articles = {makeArticle(QStringLiteral("svc-pass"), QStringLiteral("Reisepass beantragen"))};
        REQUIRE(store->upsert(catalogue, nullptr, &error));
        adminUserAdd(owner, lead, QStringLiteral("lead"), QLatin1String(LeadPassword));
        adminUserAdd(owner, agent, QStringLiteral("agent"), QLatin1String(AgentPassword));
    }

    // What the desk's settings hold: the server, no user, no password.
    kb::PgConnection configured() const
    {
        kb::PgConnection c = owner;
        c.user.clear();
        c.password.clear();
        return c;
    }

    kb::PgConnection owner;
    QString lead;
    QString agent;
};

// Types name and password into the dialog, presses Sign in and waits for the server's answer.
bool signIn(desk::LoginDialog &dialog, const QString &name, const QString &password)
{
    dialog.nameEdit()->clear();
    dialog.passwordEdit()->clear();
    QTest::keyClicks(dialog.nameEdit(), name);
    QTest::keyClicks(dialog.passwordEdit(), password);
    QSignalSpy answered(&dialog, &desk::LoginDialog::serverAnswered);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    CHECK(dialog.isBusy()); // the login runs off the UI thread
    REQUIRE((answered.count() > 0 || answered.wait(15000)));
    return answered.first().at(0).toBool();
}

// What the desk does on a sign-in at the shared server: the login dialog, then the session on its store.
std::unique_ptr<desk::EditorialSession> signedInSession(const Server &server, const QString &name,
                                                        const QString &password)
{
    desk::LoginDialog dialog(server.configured());
    dialog.show();
    REQUIRE(signIn(dialog, name, password));
    auto session = std::make_unique<desk::EditorialSession>(dialog.takeStore());
    session->setSharedServer(server.configured());
    session->signIn(dialog.user());
    return session;
}

} // namespace

TEST_CASE("pg sign-in: a lead made by hotline-admin signs in at the server and publishes as themself",
          "[pg][signin][editorial]")
{
    const Server server(QStringLiteral("pub"));
    desk::LoginDialog dialog(server.configured());
    dialog.show();
    REQUIRE(dialog.isShared());
    // Typed with a capital letter: login roles are lowercase, the dialog signs in as lead_pub.
    REQUIRE(signIn(dialog, QStringLiteral("Lead_pub"), QLatin1String(LeadPassword)));
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.user().name == server.lead);
    CHECK(dialog.user().role == kb::Role::Lead);
    CHECK(dialog.passwordEdit()->text().isEmpty());

    desk::EditorialSession session(dialog.takeStore());
    session.setSharedServer(server.configured());
    session.signIn(dialog.user());
    REQUIRE(session.store());
    CHECK(session.store()->backendName() == QStringLiteral("postgresql"));
    CHECK(session.isLead());
    QString error;
    REQUIRE(session.store()->setFourEyes(false, &error));

    // The real editor: the lead changes the title and publishes; the server has it, naming the lead.
    desk::ArticleEditor editor(&session);
    editor.setPreviewEnabled(false);
    editor.setAutosaveDelay(60000);
    REQUIRE(editor.editArticle(QStringLiteral("svc-pass")));
    editor.titleEdit()->selectAll();
    QTest::keyClicks(editor.titleEdit(), QStringLiteral("Reisepass beantragen (auch Kinderreisepass)"));
    REQUIRE(editor.saveNow());
    REQUIRE(editor.publish(QStringLiteral("Kinderreisepass ergänzt")));

    RawPg owner(server.owner);
    CHECK(owner.scalar(QStringLiteral("SELECT title FROM articles WHERE id = 'svc-pass'")).toString() ==
          QStringLiteral("Reisepass beantragen (auch Kinderreisepass)"));
    CHECK(owner.scalar(QStringLiteral("SELECT version FROM articles WHERE id = 'svc-pass'")).toInt() == 2);
    CHECK(owner
              .scalar(QStringLiteral("SELECT actor FROM audit_log WHERE article_id = 'svc-pass' ORDER BY id DESC "
                                     "LIMIT 1"))
              .toString() == server.lead);
    // Over the lead's own login, not the owner's.
    CHECK(owner.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE usename = '%1'").arg(server.lead))
              .toInt() >= 1);
}

TEST_CASE("pg sign-in: a wrong password is refused with the server's message, an unreachable server offers offline "
          "work",
          "[pg][signin]")
{
    const Server server(QStringLiteral("wrong"));
    desk::LoginDialog dialog(server.configured());
    dialog.show();
    CHECK_FALSE(signIn(dialog, server.lead, QStringLiteral("falsch-falsch")));
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.errorText().contains(QStringLiteral("wrong login name or password")));
    CHECK(dialog.errorText().contains(QStringLiteral("password authentication failed")));
    CHECK_FALSE(dialog.takeStore());
    CHECK_FALSE(dialog.offlineButton()->isVisible()); // the server answered: no offline work for a typo
    // An unknown login: the same refusal.
    CHECK_FALSE(signIn(dialog, QStringLiteral("nobody_here"), QStringLiteral("irgendwas-123")));
    CHECK(dialog.errorText().contains(QStringLiteral("wrong login name or password")));
    // Then the right one works in the same dialog.
    REQUIRE(signIn(dialog, server.lead, QLatin1String(LeadPassword)));
    CHECK(dialog.result() == QDialog::Accepted);

    // Nobody listens on that port: the reason, and "Work offline" is offered.
    kb::PgConnection gone = server.configured();
    gone.port = server.owner.port + 1;
    gone.connectTimeoutSeconds = 2;
    desk::LoginDialog offline(gone);
    offline.show();
    CHECK_FALSE(signIn(offline, server.lead, QLatin1String(LeadPassword)));
    CHECK(offline.errorText().contains(QStringLiteral("Cannot sign in at the server")));
    REQUIRE(offline.offlineButton()->isVisible());
    CHECK_FALSE(offline.offlineButton()->accessibleName().isEmpty());
    offline.offlineButton()->click();
    CHECK(offline.result() == QDialog::Accepted);
    CHECK(offline.isOffline());
    CHECK_FALSE(offline.takeStore());
}

TEST_CASE("pg sign-in: an agent's login gets the agent's rights only: publishing is refused, with the reason shown",
          "[pg][signin][roles]")
{
    const Server server(QStringLiteral("agt"));
    const auto signedIn = signedInSession(server, server.agent, QLatin1String(AgentPassword));
    desk::EditorialSession &session = *signedIn;
    CHECK_FALSE(session.isLead());
    CHECK(session.user().role == kb::Role::Agent);

    // The editor does not take an agent's typing; the store refuses an agent's draft with the reason.
    desk::ArticleEditor editor(&session);
    editor.setPreviewEnabled(false);
    editor.setAutosaveDelay(60000);
    editor.editArticle(QStringLiteral("svc-pass"));
    QTest::keyClicks(editor.titleEdit(), QStringLiteral("Vom Agenten geaendert"));
    CHECK(editor.titleEdit()->text() != QStringLiteral("Vom Agenten geaendert"));
    QString error;
    kb::Article changed = session.store()->article(QStringLiteral("svc-pass")).value();
    changed.title = QStringLiteral("Vom Agenten geändert");
    CHECK_FALSE(session.store()->saveDraft(changed, changed.version, &error).ok());
    CHECK_FALSE(error.isEmpty());

    // Even if the desk believed the agent were a lead, the server's rights decide: refused, reason shown.
    kb::User pretend = session.user();
    pretend.role = kb::Role::Lead;
    session.store()->setActor(kb::Actor::signedIn(pretend));
    error.clear();
    CHECK_FALSE(session.store()->saveDraft(changed, changed.version, &error).ok());
    CHECK(error.contains(QStringLiteral("permission denied")));
    kb::Catalogue edit;
    edit.articles = {changed};
    CHECK_FALSE(session.store()->upsert(edit, nullptr, &error));
    CHECK(error.contains(QStringLiteral("permission denied")));
    RawPg owner(server.owner);
    CHECK(owner.scalar(QStringLiteral("SELECT title FROM articles WHERE id = 'svc-pass'")).toString() ==
          QStringLiteral("Reisepass beantragen"));
}

TEST_CASE("pg sign-in: changing one's own password on the server, the old one stops working", "[pg][signin][password]")
{
    const Server server(QStringLiteral("pwd"));
    const auto signedIn = signedInSession(server, server.agent, QLatin1String(AgentPassword));
    desk::EditorialSession &session = *signedIn;

    const QString fresh = QStringLiteral("Neues-Passwort-42");
    desk::ChangePasswordDialog change(&session);
    change.show();
    QSignalSpy answered(&change, &desk::ChangePasswordDialog::answered);
    // A wrong current password is refused (checked by the server).
    QTest::keyClicks(change.currentEdit(), QStringLiteral("nicht-das-alte"));
    QTest::keyClicks(change.newEdit(), fresh);
    QTest::keyClicks(change.repeatEdit(), fresh);
    change.accept();
    REQUIRE((answered.count() > 0 || answered.wait(15000)));
    CHECK_FALSE(answered.takeFirst().at(0).toBool());
    CHECK(change.errorText().contains(QStringLiteral("current password is wrong")));
    // The right one: changed by the agent's own session (ALTER ROLE … PASSWORD).
    change.currentEdit()->clear();
    QTest::keyClicks(change.currentEdit(), QLatin1String(AgentPassword));
    change.accept();
    REQUIRE((answered.count() > 0 || answered.wait(15000)));
    CHECK(answered.takeFirst().at(0).toBool());
    CHECK(change.result() == QDialog::Accepted);

    desk::LoginDialog again(server.configured());
    again.show();
    CHECK_FALSE(signIn(again, server.agent, QLatin1String(AgentPassword)));
    CHECK(again.errorText().contains(QStringLiteral("wrong login name or password")));
    CHECK(signIn(again, server.agent, fresh));
}

TEST_CASE("change my password on a single desk: the Argon2id password of the local catalogue", "[signin][password]")
{
    QTemporaryDir dir;
    QString error;
    auto store = kb::openSqliteStore(dir.filePath(QStringLiteral("catalogue.db")), &error);
    REQUIRE(store);
    REQUIRE(store->createUser(QStringLiteral("lea"), QStringLiteral("Lea"), kb::Role::Lead,
                              QStringLiteral("altes-Passwort-1"), &error));
    const auto lea = store->authenticate(QStringLiteral("lea"), QStringLiteral("altes-Passwort-1"), &error);
    REQUIRE(lea);
    desk::EditorialSession session(std::move(store));
    session.signIn(*lea);
    desk::ChangePasswordDialog change(&session);
    change.show();
    QTest::keyClicks(change.currentEdit(), QStringLiteral("altes-Passwort-1"));
    QTest::keyClicks(change.newEdit(), QStringLiteral("neues-Passwort-2"));
    QTest::keyClicks(change.repeatEdit(), QStringLiteral("neues-Passwort-3"));
    change.accept();
    CHECK(change.errorText().contains(QStringLiteral("differ")));
    change.repeatEdit()->clear();
    QTest::keyClicks(change.repeatEdit(), QStringLiteral("neues-Passwort-2"));
    change.accept();
    CHECK(change.result() == QDialog::Accepted);
    CHECK_FALSE(session.store()->authenticate(QStringLiteral("lea"), QStringLiteral("altes-Passwort-1"), &error));
    CHECK(session.store()->authenticate(QStringLiteral("lea"), QStringLiteral("neues-Passwort-2"), &error));
}

TEST_CASE("pg sign-in: a desk's queued catalogue writes name the desk login's own user in the audit trail",
          "[pg][signin][queue]")
{
    const Server server(QStringLiteral("queue"));
    QTemporaryDir dir;
    kb::ReplicaSyncOptions o;
    o.server = server.owner;
    o.server.user = server.lead;
    o.server.password = QLatin1String(LeadPassword);
    o.replicaPath = dir.filePath(QStringLiteral("replica.db"));
    o.queuePath = dir.filePath(QStringLiteral("queue.db"));
    o.heartbeatMs = 200;
    o.reconnectMs = 200;
    o.actorFromLogin = true;
    kb::ReplicaSync desk(o);
    QString error;
    REQUIRE(desk.start(&error));
    kb::Catalogue edit;
    edit.articles = {makeArticle(QStringLiteral("svc-neu"), QStringLiteral("Hundesteuer anmelden"))};
    REQUIRE_FALSE(
        desk.enqueue(QLatin1String(kb::writekind::Upsert), kb::writekind::upsertPayload(edit), &error).isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return desk.pendingWrites() == 0; }, 10000));
    RawPg owner(server.owner);
    CHECK(
        owner
            .scalar(QStringLiteral("SELECT actor FROM audit_log WHERE article_id = 'svc-neu' ORDER BY id DESC LIMIT 1"))
            .toString() == server.lead);
}

TEST_CASE("pg sign-in: the signed-in session reconnects after the server was restarted", "[pg][signin][reconnect]")
{
    PgCluster &cluster = sharedCluster();
    const Server server(QStringLiteral("back"));
    const auto signedIn = signedInSession(server, server.lead, QLatin1String(LeadPassword));
    desk::EditorialSession &session = *signedIn;
    QString error;
    REQUIRE(session.ensureServerConnection(&error)); // nothing to do

    REQUIRE(cluster.stop(&error));
    CHECK_FALSE(session.ensureServerConnection(&error)); // down: the reason
    CHECK_FALSE(error.isEmpty());
    REQUIRE(cluster.start(&error));
    REQUIRE(session.ensureServerConnection(&error));
    REQUIRE(session.store()->setFourEyes(false, &error));
    kb::Article changed = session.store()->article(QStringLiteral("svc-pass")).value();
    changed.title = QStringLiteral("Reisepass beantragen (nach dem Neustart)");
    REQUIRE(session.store()->saveDraft(changed, changed.version, &error).ok());
    REQUIRE(session.store()->approveDraft(QStringLiteral("svc-pass"), session.user().id, QString(), &error).ok());
    RawPg owner(server.owner);
    CHECK(owner
              .scalar(QStringLiteral("SELECT actor FROM audit_log WHERE article_id = 'svc-pass' ORDER BY id DESC "
                                     "LIMIT 1"))
              .toString() == server.lead);
}

TEST_CASE("pg sign-in: in the shared desk, switching user signs in at the server and Change my password is offered",
          "[pg][signin][desk]")
{
    const Server server(QStringLiteral("switch"));
    const auto signedIn = signedInSession(server, server.lead, QLatin1String(LeadPassword));
    desk::EditorialSession &session = *signedIn;

    // The desk around it, as main() builds it (the search runs on a local catalogue here; the replica's part is
    // tested in test_pg_desk_shared).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalogue.db"));
    desk::SearchService service([path](QString *error) { return desk::openDeskCatalogue(path, error); });
    desk::DeskSettings settings;
    desk::LanguageManager language;
    language.apply(QStringLiteral("de"));
    desk::MainWindow window(&service, &settings, &language);
    auto *actions = new desk::EditorialActions(&window, &service, &session);
    service.start();
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(actions->editorialAction()->isVisible());
    REQUIRE(actions->changePasswordAction()->isEnabled());
    CHECK_FALSE(actions->changePasswordAction()->text().isEmpty());
    // The lead's catalogue window on the server: users and roles are the administrator's (hotline-admin).
    desk::EditorialWindow *workroom = actions->openEditorialWindow();
    REQUIRE(workroom);
    workroom->editor()->setPreviewEnabled(false);
    CHECK_FALSE(workroom->addUser(QStringLiteral("neu_agent"), QString(), false, QStringLiteral("Passwort-1234")));
    RawPg check(server.owner);
    CHECK(check.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name = 'neu_agent'")).toInt() == 0);
    workroom->close();
    desk::ChangePasswordDialog *change = actions->openChangePassword();
    REQUIRE(change);
    CHECK_FALSE(change->currentEdit()->accessibleName().isEmpty());
    change->reject();

    // Switch user: the agent signs in at the server with their own login; the session now works on their connection.
    desk::LoginDialog *next = actions->switchUser();
    REQUIRE(next);
    REQUIRE(next->isShared());
    CHECK_FALSE(session.isSignedIn());
    REQUIRE(signIn(*next, server.agent, QLatin1String(AgentPassword)));
    CHECK(session.isSignedIn());
    CHECK(session.user().name == server.agent);
    CHECK_FALSE(session.isLead());
    CHECK_FALSE(actions->editorialAction()->isVisible());
    auto *pg = dynamic_cast<kb::PgStore *>(session.store());
    REQUIRE(pg);
    CHECK(pg->parameters().user == server.agent);
    // The agent's flag goes to the server over the agent's own connection, naming the agent.
    QString error;
    CHECK(session.store()->flagArticle(QStringLiteral("svc-pass"), QStringLiteral("Gebühr veraltet"), &error) > 0);
    RawPg owner(server.owner);
    CHECK(owner.scalar(QStringLiteral("SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1")).toString() ==
          server.agent);
}
