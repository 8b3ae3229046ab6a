// Connection settings of the shared store: QSettings round trip without the password, input
// checks, and TLS options reaching the server (the keychain part: tests/pg/test_store_keychain.cpp).
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"
#include "pgtestutil.h"

#include "pgconnection.h"
#include "pgstore.h"

#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtCore/qtestsupport_core.h>

using namespace hotline::test;

TEST_CASE("pg: connection settings round trip through QSettings, never with the password", "[pg][settings]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("desk.ini"));
    kb::PgConnection c;
    c.host = QStringLiteral("kb.stadt.example");
    c.port = 6432;
    c.database = QStringLiteral("hotline_muc");
    c.user = QStringLiteral("anna");
    c.password = QStringLiteral("secret-never-in-settings");
    c.sslMode = QStringLiteral("verify-full");
    c.sslRootCert = QStringLiteral("/etc/hotline/ca.pem");
    c.connectTimeoutSeconds = 3;
    {
        QSettings settings(file, QSettings::IniFormat);
        c.save(settings);
    }
    QFile raw(file);
    REQUIRE(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    CHECK_FALSE(text.contains("secret-never-in-settings"));
    CHECK(text.contains("SharedStore"));
    QSettings settings(file, QSettings::IniFormat);
    const kb::PgConnection loaded = kb::PgConnection::load(settings);
    kb::PgConnection expected = c;
    expected.password.clear();
    CHECK(loaded == expected);
    QString error;
    CHECK(loaded.isValid(&error));

    kb::PgConnection bad = loaded;
    bad.sslMode = QStringLiteral("sometimes");
    CHECK_FALSE(bad.isValid(&error));
    CHECK(error.contains(QStringLiteral("sometimes")));
    bad = loaded;
    bad.sslRootCert.clear();
    CHECK_FALSE(bad.isValid(&error));
    CHECK(error.contains(QStringLiteral("verify-full")));
    bad = loaded;
    bad.port = 70000;
    CHECK_FALSE(bad.isValid(&error));
    CHECK(error.contains(QStringLiteral("70000")));
}

TEST_CASE("pg: TLS: require refuses a plain server, then connects encrypted and verifies the CA", "[pg][settings][tls]")
{
    PgCluster &cluster = sharedCluster();
    kb::PgConnection params = freshPgDatabase(true);
    QString error;
    // No certificate yet: "require" must fail and say why; "prefer" falls back to plain TCP.
    params.sslMode = QStringLiteral("require");
    CHECK_FALSE(kb::openPgStore(params, &error));
    CHECK(error.contains(QStringLiteral("SSL"), Qt::CaseInsensitive));
    params.sslMode = QStringLiteral("prefer");
    CHECK(kb::openPgStore(params, &error));

    QString ca;
    const bool tls = cluster.enableTls(&ca, &error);
    INFO(error.toStdString());
    REQUIRE(tls);
    params.sslMode = QStringLiteral("verify-full");
    params.sslRootCert = ca;
    std::unique_ptr<kb::PgStore> store;
    // pg_ctl reload signals the server; it takes the new settings a moment later.
    REQUIRE(QTest::qWaitFor([&] { return bool(store = kb::openPgStore(params, &error)); }, 5000));
    {
        QSqlQuery q(store->database());
        REQUIRE(q.exec(QStringLiteral("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")));
        REQUIRE(q.next());
        CHECK(q.value(0).toBool());
        CHECK(q.value(1).toString().startsWith(QStringLiteral("TLS")));
    }
    store.reset();

    // A server certificate from another CA is refused under verify-full.
    QString otherCa;
    REQUIRE(cluster.makeUnrelatedCertificate(QStringLiteral("other"), &otherCa, &error));
    params.sslRootCert = otherCa;
    CHECK_FALSE(kb::openPgStore(params, &error));
    CHECK(error.contains(QStringLiteral("certificate"), Qt::CaseInsensitive));
}
