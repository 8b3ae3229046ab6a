// The SMTP password in the real Secret Service (gnome-keyring, provided by scripts/test.sh through
// dbus-run-session). Without a session bus there is no keychain to talk to: the test then says so
// (WARN) and checks nothing — run it through scripts/test.sh.
#include <catch2/catch.hpp>

#include "keychainpasswordstore.h"

#include <QSignalSpy>
#include <QUuid>

using outbox::KeychainPasswordStore;

TEST_CASE("the SMTP password round-trips through the keychain", "[outbox][keychain]")
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        WARN("no D-Bus session bus: keychain test not run (use scripts/test.sh)");
        return;
    }
    KeychainPasswordStore keychain(QStringLiteral("Hotline Desk SMTP (test)"));
    const QString account = QStringLiteral("hotline@smtp.test/") + QUuid::createUuid().toString(QUuid::Id128);
    const QString password = QStringLiteral("Pässwört-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QSignalSpy written(&keychain, &KeychainPasswordStore::passwordWritten);
    QSignalSpy read(&keychain, &KeychainPasswordStore::passwordRead);
    QSignalSpy failed(&keychain, &KeychainPasswordStore::errorOccurred);
    keychain.write(account, password);
    REQUIRE((written.wait(10000) || !written.isEmpty()));
    REQUIRE(failed.isEmpty());
    keychain.read(account);
    REQUIRE((read.wait(10000) || !read.isEmpty()));
    CHECK(read.first().at(0).toString() == account);
    CHECK(read.first().at(1).toString() == password);
    QSignalSpy removed(&keychain, &KeychainPasswordStore::passwordRemoved);
    keychain.remove(account);
    REQUIRE((removed.wait(10000) || !removed.isEmpty()));
    keychain.read(account);
    REQUIRE((failed.wait(10000) || !failed.isEmpty()));   // gone
}
