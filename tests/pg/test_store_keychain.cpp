// The shared store's password in the system keychain (kb_keychain on QtKeychain). Needs a Secret
// Service: scripts/test.sh runs the tests in a D-Bus session with an unlocked gnome-keyring. Not
// named "pg": it needs no PostgreSQL, and `ctest -R pg` stays runnable in a bare shell.
#include <catch2/catch.hpp>

#include "../support/qtstringmaker.h"

#include "pgconnection.h"
#include "pgpasswordstore.h"

#include <QCoreApplication>
#include <QtCore/qtestsupport_core.h>

TEST_CASE("keychain: the shared store password goes to the system keychain and back", "[keychain]")
{
    kb::PgConnection c;
    c.host = QStringLiteral("kb.stadt.example");
    c.user = QStringLiteral("keychain_test_%1").arg(QCoreApplication::applicationPid());
    c.password = QStringLiteral("pässwört 'quoted'");
    kb::PgPasswordStore keychain;
    QString failure;
    bool written = false;
    QString read;
    bool deleted = false;
    QObject::connect(&keychain, &kb::PgPasswordStore::failed, [&](const QString &, const QString &m) { failure = m; });
    QObject::connect(&keychain, &kb::PgPasswordStore::passwordWritten, [&] { written = true; });
    QObject::connect(&keychain, &kb::PgPasswordStore::passwordRead,
                     [&](const QString &, const QString &p) { read = p; });
    QObject::connect(&keychain, &kb::PgPasswordStore::passwordDeleted, [&] { deleted = true; });

    keychain.writePassword(c);
    REQUIRE(QTest::qWaitFor([&] { return written || !failure.isEmpty(); }, 10000));
    INFO("keychain: " << failure.toStdString() << " (run under scripts/test.sh for a Secret Service)");
    REQUIRE(written);
    kb::PgConnection lookup = c;
    lookup.password.clear();
    keychain.readPassword(lookup);
    REQUIRE(QTest::qWaitFor([&] { return !read.isEmpty() || !failure.isEmpty(); }, 10000));
    CHECK(read == c.password);
    keychain.deletePassword(lookup);
    REQUIRE(QTest::qWaitFor([&] { return deleted || !failure.isEmpty(); }, 10000));
    CHECK(deleted);
    read.clear();
    keychain.readPassword(lookup);
    REQUIRE(QTest::qWaitFor([&] { return !failure.isEmpty() || !read.isEmpty(); }, 10000));
    CHECK(read.isEmpty()); // gone
}
