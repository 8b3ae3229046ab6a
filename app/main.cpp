// hotline-desk: the agent's workstation. Wiring only; the widgets live in their own files.
#include "calldesk.h"
#include "deskcatalogue.h"
#include "desksettings.h"
#include "editorialactions.h"
#include "editorialsession.h"
#include "language.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "pgpasswordstore.h"
#include "screenshot.h"
#include "searchservice.h"
#include "serverstatuslabel.h"
#include "sharedstoreconnector.h"
#include "store.h"

#include <memory>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QStatusBar>

int main(int argc, char *argv[])
{
    // QtWebEngineWidgets needs a shared GL context, set before the QApplication exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HotlineDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("hotline-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOTLINE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hotline Desk: search the service catalogue while on a call."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("Open this catalogue database instead of the configured one."),
                                      QStringLiteral("path"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption query(QStringLiteral("query"), QString(), QStringLiteral("text"), QStringLiteral("perso"));
    query.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({database, screenshot, query});
    parser.process(app);

    desk::DeskSettings settings;
    desk::LanguageManager language;
    language.apply(settings.language());

    const QString path =
        parser.isSet(database) ? parser.value(database) : settings.value(desk::DeskSettings::DatabasePath).toString();
    // Sign in first (docs/editorial.md): the UI thread's own store connection checks the password and carries the
    // acting user; the search thread's connection gets the same user. Without a catalogue the desk still starts
    // (telephony keeps working) and shows why. Shared mode (docs/shared-store.md): the server login is the sign-in;
    // the signed-in user's own PostgreSQL connection is the UI thread's store (edits go straight to the server).
    const desk::SharedStoreConfig sharedConfig = desk::SharedStoreConfig::load();
    const bool sharedMode = sharedConfig.enabled && !parser.isSet(database);
    QString storeError;
    std::unique_ptr<kb::Store> uiStore;
    std::optional<kb::User> signedIn;
    if (sharedMode) {
        if (!parser.isSet(screenshot)) {
            desk::LoginDialog login(sharedConfig.connection);
            if (login.exec() != QDialog::Accepted) {
                return 0;
            }
            if (!login.isOffline()) {
                uiStore = login.takeStore();
                signedIn = login.user();
            }
        }
    } else {
        uiStore = desk::openDeskCatalogue(path, &storeError);
    }
    const bool editorial = sharedMode || uiStore != nullptr;
    desk::EditorialSession session(std::move(uiStore));
    if (sharedMode) {
        session.setSharedServer(sharedConfig.connection);
        if (signedIn) {
            session.signIn(*signedIn);
        }
    } else if (editorial && !parser.isSet(screenshot)) {
        desk::LoginDialog login(session.store());
        if (login.exec() != QDialog::Accepted) {
            return 0;
        }
        session.signIn(login.user());
    }
    const auto factoryFor = [path](const kb::User &user, bool signedIn) -> desk::StoreFactory {
        return [path, user, signedIn](QString *error) {
            std::unique_ptr<kb::Store> store = desk::openDeskCatalogue(path, error);
            if (store && signedIn) {
                store->setActor(kb::Actor::signedIn(user));
            }
            return store;
        };
    };
    desk::SearchService service(factoryFor(session.user(), session.isSignedIn()));

    // Shared store: search the local replica, keep it in step with the server on a thread of its own.
    std::unique_ptr<desk::SharedStoreConnector> shared;
    QString sharedError;
    if (sharedMode) {
        shared = std::make_unique<desk::SharedStoreConnector>(sharedConfig);
        if (shared->prepareReplica(&sharedError)) {
            service.restart(shared->replicaFactory());
        } else {
            shared.reset(); // the local catalogue keeps the desk usable; the status bar says why
        }
    }
    if (!shared) {
        service.start(); // the catalogue opens on the search thread while the window is built
    }

    desk::MainWindow window(&service, &settings, &language);
    if (shared) {
        desk::attachSharedStore(&window, shared.get(), &service);
        session.setSharedQueue(shared.get()); // searches, opened articles and flags: queued, never lost offline
        // The query on screen at the end is queued while the connector still runs.
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, &session, &desk::EditorialSession::flushSearchLog);
        shared->start();
    } else if (!sharedError.isEmpty()) {
        window.statusBar()->showMessage(sharedError);
    }
    if (shared) {
        // The signed-in user's own server connection follows the sync: when the server is back, it reconnects.
        QObject::connect(shared.get(), &desk::SharedStoreConnector::onlineChanged, &session, [&session](bool online) {
            QString error;
            if (online && !session.ensureServerConnection(&error)) {
                qWarning("editorial session: %s", qPrintable(error));
            }
        });
        // Settings → Server changed (attachSharedStore reconnects the connector): a later sign-in goes to the new
        // server too. The user signed in now keeps the connection of their sign-in.
        QObject::connect(shared.get(), &desk::SharedStoreConnector::reconnecting, &session,
                         [&session, &shared]() { session.setSharedServer(shared->config().connection); });
        // The desk's own server login changed its password ("Change my password"): the keychain and the sync
        // connection follow, so the next reconnect does not fail with the old one.
        QObject::connect(&session, &desk::EditorialSession::ownPasswordChanged, shared.get(),
                         [&shared](const QString &user, const QString &password) {
                             const kb::PgConnection current = shared->config().connection; // after reconfigure too
                             if (user.compare(current.user, Qt::CaseInsensitive) != 0) {
                                 return;
                             }
                             kb::PgConnection login = current;
                             login.password = password;
                             auto *keychain = new kb::PgPasswordStore(shared.get());
                             QObject::connect(keychain, &kb::PgPasswordStore::passwordWritten, keychain,
                                              &QObject::deleteLater);
                             QObject::connect(keychain, &kb::PgPasswordStore::failed, keychain, &QObject::deleteLater);
                             keychain->writePassword(login);
                             shared->startWithPassword(password);
                         });
    }
    if (editorial) {
        new desk::EditorialActions(&window, &service, &session);
        QObject::connect(&session, &desk::EditorialSession::userChanged, &service, [&](const kb::User &) {
            if (session.isSignedIn() && !shared) {
                service.restart(factoryFor(session.user(), true));
            }
        });
    }
    if (parser.isSet(screenshot)) {
        desk::scheduleScreenshot(&window, parser.value(screenshot), parser.value(query));
    }
    // Telephony, wrap-up, journal and outbox. The desk still opens when the journal cannot: search keeps working.
    QSettings callSettings;
    desk::CallDesk calls(&window, desk::loadCallDeskConfig(callSettings));
    if (editorial) {
        calls.setEditorialSession(&session); // offices of the catalogue; only team leads edit their hours
    }
    if (shared) {
        calls.setSharedStore(shared.get()); // outcomes, forwards and bookings also go to the server's queue
    }
    QString callError;
    if (!calls.start(&callError)) {
        window.statusBar()->showMessage(QObject::tr("Call journal unavailable: %1").arg(callError));
    }
    window.show();
    return QApplication::exec();
}
