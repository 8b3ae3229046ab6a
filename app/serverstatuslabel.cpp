#include "serverstatuslabel.h"

#include "mainwindow.h"
#include "searchservice.h"
#include "sharedstoreconnector.h"

#include <QAccessible>
#include <QEvent>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

namespace desk {

ServerStatusLabel::ServerStatusLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("ServerStatusLabel"));
    setTextFormat(Qt::PlainText);
    retranslateUi();
}

ServerStatusLabel::~ServerStatusLabel() = default;

bool ServerStatusLabel::isOnline() const
{
    return m_online;
}

void ServerStatusLabel::setOnline(bool online)
{
    const bool changed = !m_known || online != m_online;
    m_known = true;
    m_online = online;
    retranslateUi();
    if (changed) {
        announce();
    }
}

void ServerStatusLabel::setConnecting()
{
    const bool changed = m_known;
    m_known = false;
    m_online = false;
    retranslateUi();
    if (changed) {
        announce();
    }
}

bool ServerStatusLabel::isConnecting() const
{
    return !m_known;
}

void ServerStatusLabel::announce()
{
    // Screen readers pick up the new name; the alert makes them read it although the focus is elsewhere.
    QAccessibleEvent nameChanged(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&nameChanged);
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    Q_EMIT stateAnnounced(text());
}

void ServerStatusLabel::showRejected(const QString &kind, const QString &reason)
{
    QString what;
    if (kind == QLatin1String("appointments.book")) {
        what = tr("The server refused a booking.");
    } else if (kind == QLatin1String("journal.commit")) {
        what = tr("The server refused a call record.");
    } else if (kind == QLatin1String("outbox.forward")) {
        what = tr("The server refused a forward.");
    } else if (kind == QLatin1String("kb.flag")) {
        what = tr("The server refused a flag of a service.");
    } else if (kind == QLatin1String("kb.search.log") || kind == QLatin1String("kb.search.opened")) {
        what = tr("The server refused an entry of the search log.");
    } else {
        what = tr("The server refused a change.");
    }
    // One notice, however many refusals arrive before the agent reads it (a reconnect can deliver a whole
    // shift's queue at once): further reasons are appended to the open one.
    auto *box = window()->findChild<QMessageBox *>(QStringLiteral("WriteRejectedNotice"));
    if (box && box->isVisible()) {
        box->setText(tr("The server refused several changes."));
        box->setInformativeText(box->informativeText() + QLatin1Char('\n') + what + QLatin1Char(' ') + reason);
    } else {
        box =
            new QMessageBox(QMessageBox::Warning, tr("Change refused by the server"), what, QMessageBox::Ok, window());
        box->setObjectName(QStringLiteral("WriteRejectedNotice"));
        box->setInformativeText(reason);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::NonModal); // the call goes on; the agent reads it when there is a moment
        box->setAccessibleName(tr("Change refused by the server"));
    }
    box->setAccessibleDescription(box->text() + QLatin1Char(' ') + box->informativeText());
    box->show();
    if (auto *w = qobject_cast<QMainWindow *>(window())) {
        w->statusBar()->showMessage(what + QLatin1Char(' ') + reason, 15000);
    }
}

void ServerStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QLabel::changeEvent(event);
}

void ServerStatusLabel::retranslateUi()
{
    const QString text = !m_known   ? tr("Connecting to the server…")
                         : m_online ? tr("Server connected")
                                    : tr("Server unreachable – changes will be sent as soon as it is back");
    setText(text);
    setAccessibleName(text);
    setAccessibleDescription(tr("Connection to the shared catalogue server"));
    setToolTip(m_online ? tr("The catalogue is kept up to date from the server.")
                        : tr("Searching works on this desk's copy of the catalogue. Calls, forwards, bookings, "
                             "searches and flags are kept on this desk and sent when the server is reachable "
                             "again."));
}

ServerStatusLabel *attachSharedStore(QMainWindow *window, SharedStoreConnector *connector, SearchService *service)
{
    auto *label = new ServerStatusLabel(window);
    window->statusBar()->addPermanentWidget(label);
    QObject::connect(connector, &SharedStoreConnector::onlineChanged, label, &ServerStatusLabel::setOnline);
    QObject::connect(
        connector, &SharedStoreConnector::writeRejected, label,
        [label, connector](const QString &id, const QString &kind, const QString &reason) {
            if (!connector->isAwaited(id)) { // an awaited answer is shown where it was awaited (booking dialog)
                label->showRejected(kind, reason);
            }
        });
    QObject::connect(connector, &SharedStoreConnector::started, label, [label, window](bool ok, const QString &error) {
        if (!ok) {
            window->statusBar()->showMessage(ServerStatusLabel::tr("Shared store unavailable: %1").arg(error), 15000);
            label->setOnline(false);
        }
    });
    QObject::connect(connector, &SharedStoreConnector::replicaUpdated, service, &SearchService::noteCatalogueChanged);
    QObject::connect(connector, &SharedStoreConnector::reconnecting, label, &ServerStatusLabel::setConnecting);
    if (auto *desk = qobject_cast<MainWindow *>(window)) {
        QObject::connect(desk, &MainWindow::serverSettingsChanged, connector,
                         [connector, window](const SharedStoreConfig &config, bool passwordKnown) {
                             QString error;
                             switch (connector->reconfigure(config, passwordKnown, &error)) {
                             case SharedStoreConnector::Reconfigured::Unchanged:
                                 break;
                             case SharedStoreConnector::Reconfigured::Reconnecting:
                                 window->statusBar()->showMessage(
                                     ServerStatusLabel::tr("Connecting to %1 with the new server settings…")
                                         .arg(config.connection.displayName()),
                                     15000);
                                 break;
                             case SharedStoreConnector::Reconfigured::Refused:
                                 window->statusBar()->showMessage(
                                     ServerStatusLabel::tr("Server settings not applied: %1").arg(error), 30000);
                                 break;
                             }
                         });
    }
    return label;
}

} // namespace desk
