// hotline-admin driven as a process against the throwaway server: init, status, import, users.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "jsonlformat.h"
#include "pgstore.h"

#include <QProcess>
#include <QProcessEnvironment>

using namespace hotline::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run admin(const kb::PgConnection &params, const QStringList &arguments, const QByteArray &stdinData = {},
          bool passwordInEnv = true)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    env.remove(QStringLiteral("HOTLINE_NEW_PASSWORD"));
    if (passwordInEnv) {
        env.insert(QStringLiteral("PGPASSWORD"), params.password);
    }
    p.setProcessEnvironment(env);
    QStringList args{QStringLiteral("--host"),    params.host,
                     QStringLiteral("--port"),    QString::number(params.port),
                     QStringLiteral("--db"),      params.database,
                     QStringLiteral("--user"),    params.user,
                     QStringLiteral("--sslmode"), QStringLiteral("disable")};
    p.start(QStringLiteral(HOTLINE_ADMIN_CLI), args + arguments);
    REQUIRE(p.waitForStarted());
    p.write(stdinData);
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

TEST_CASE("pg: hotline-admin creates the schema and roles, imports, adds users", "[pg][admin]")
{
    const kb::PgConnection params = freshPgDatabase(false);
    const QString munichFile = QStringLiteral(HOTLINE_SOURCE_DIR "/resources/catalogue/munich.jsonl");
    kb::Catalogue munich;
    QString error;
    REQUIRE(kb::readJsonlFile(munichFile, &munich, &error));
    const auto articleCount = QString::number(munich.articles.size());
    REQUIRE(munich.articles.size() > 200);

    Run r = admin(params, {QStringLiteral("migrate")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("hotline-admin init")));

    r = admin(params, {QStringLiteral("status")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("schema version:  0")));

    r = admin(params, {QStringLiteral("init")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("from version 0 to %1").arg(kb::pgSchemaVersion())));
    r = admin(params, {QStringLiteral("migrate")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("up to date")));

    // Password from stdin instead of PGPASSWORD; a wrong one fails with the server's message.
    r = admin(params, {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("jsonl"), munichFile},
              params.password.toUtf8() + "\n", false);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("articles: %1 new").arg(articleCount)));
    r = admin(params, {QStringLiteral("status")}, "falsch\n", false);
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("password authentication failed")));

    r = admin(params,
              {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral("x")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("xml")));
    r = admin(params, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"),
                       QStringLiteral("boss")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("boss")));

    // The new user's password: the next stdin line after the admin's.
    r = admin(params,
              {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("cli_agent"), QStringLiteral("--role"),
               QStringLiteral("agent")},
              params.password.toUtf8() + "\nagentpw\n", false);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);

    r = admin(params, {QStringLiteral("status")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("articles:        %1").arg(articleCount)));
    CHECK(r.out.contains(QStringLiteral("cli_agent")));

    kb::PgConnection agent = params;
    agent.user = QStringLiteral("cli_agent");
    agent.password = QStringLiteral("agentpw");
    auto store = kb::openPgStore(agent, &error);
    INFO(error.toStdString());
    REQUIRE(store);
    CHECK(store->articles().size() == munich.articles.size());
    // The agent cannot import through the admin tool either: the server says no.
    r = admin(agent, {QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("jsonl"), munichFile});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("permission denied")));
}
