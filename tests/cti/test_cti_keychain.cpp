// The SIP password goes through the system keychain (Secret Service over D-Bus; scripts/test.sh runs an unlocked
// gnome-keyring in a private D-Bus session). Real keychain, no mock.
#include <catch2/catch.hpp>

#include <QObject>
#include <QTest>
#include <QUuid>

#include "secretstore.h"

using namespace cti;

TEST_CASE("a SIP password round-trips through the system keychain", "[cti][keychain]")
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        FAIL("no D-Bus session: run the tests through scripts/test.sh, which provides an unlocked keyring");
    }
    QObject context;
    const QString service = QStringLiteral("hotline-desk-test");
    const QString key = SecretStore::sipAccountKey(QStringLiteral("agent-%1").arg(QUuid::createUuid().toString(QUuid::Id128)),
                                                   QStringLiteral("pbx.example"));
    const QString password = QStringLiteral("s3cret ä€ %1").arg(QUuid::createUuid().toString());

    bool done = false;
    bool ok = false;
    QString error;
    SecretStore::writeSecret(service, key, password, &context, [&](bool success, const QString &e) {
        done = true;
        ok = success;
        error = e;
    });
    REQUIRE(QTest::qWaitFor([&] { return done; }, 10000));
    INFO(error.toStdString());
    REQUIRE(ok);

    done = false;
    QString read;
    SecretStore::readSecret(service, key, &context, [&](bool success, const QString &secret, const QString &e) {
        done = true;
        ok = success;
        read = secret;
        error = e;
    });
    REQUIRE(QTest::qWaitFor([&] { return done; }, 10000));
    REQUIRE(ok);
    CHECK(read == password);

    done = false;
    SecretStore::deleteSecret(service, key, &context, [&](bool success, const QString &) {
        done = true;
        ok = success;
    });
    REQUIRE(QTest::qWaitFor([&] { return done; }, 10000));
    CHECK(ok);

    done = false;
    SecretStore::readSecret(service, key, &context, [&](bool success, const QString &, const QString &e) {
        done = true;
        ok = success;
        error = e;
    });
    REQUIRE(QTest::qWaitFor([&] { return done; }, 10000));
    CHECK_FALSE(ok); // gone
    CHECK_FALSE(error.isEmpty());
}
