#include "serverlogin.h"

#include "pgstore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace desk {

void checkServerLogin(const kb::PgConnection &params, QObject *receiver,
                      std::function<void(bool ok, const QString &error)> done)
{
    QPointer<QObject> guard(receiver);
    QThread *thread = QThread::create([params, guard, done = std::move(done)]() {
        QString error;
        bool ok = false;
        {
            const std::unique_ptr<kb::PgStore> store = kb::openPgStore(params, &error);
            ok = store != nullptr;
        }
        QMetaObject::invokeMethod(
            qApp,
            [guard, done, ok, error]() {
                if (guard) {
                    done(ok, error);
                }
            },
            Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

bool isAuthenticationFailure(const QString &error)
{
    // libpq's messages ("password authentication failed for user …", "role … does not exist") are
    // English whatever the desk's language.
    return error.contains(QLatin1String("password authentication failed")) ||
           error.contains(QLatin1String("does not exist")) || error.contains(QLatin1String("no password supplied"));
}

} // namespace desk
