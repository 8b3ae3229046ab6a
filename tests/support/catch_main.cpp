// Catch2 v2 runner for library tests: a QCoreApplication first, so Qt SQL, timers and signals work.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HotlineDeskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("hotline-tests"));
    return Catch::Session().run(argc, argv);
}
