#pragma once

#include <QLabel>

class QMainWindow;

namespace desk {

class SearchService;
class SharedStoreConnector;

// The shared store's state in the status bar: online, or offline with the promise that changes are sent once
// the server is back. A change is announced to screen readers (name change plus an alert). Rejected writes
// (e.g. a booking that lost the last seat) are shown to the agent as a non-modal notification with the
// server's reason.
class ServerStatusLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerStatusLabel)

public:
    explicit ServerStatusLabel(QWidget *parent = nullptr);
    ~ServerStatusLabel() override;

    void setOnline(bool online);
    // Reconnecting with new server settings: "Connecting to the server…" (announced) until the next setOnline.
    void setConnecting();
    bool isOnline() const;
    bool isConnecting() const;
    void showRejected(const QString &kind, const QString &reason);

Q_SIGNALS:
    // The new state was announced to assistive technology (NameChanged + Alert).
    void stateAnnounced(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void announce();

    bool m_online = false;
    bool m_known = false;
};

// Wiring: puts a ServerStatusLabel into the window's status bar and connects the connector to it and to the
// search service (replicaUpdated → noteCatalogueChanged). When the window is the desk's MainWindow, new settings of
// its Settings → Server page reconnect the connector (SharedStoreConnector::reconfigure), and the status bar says
// what happened. Returns the label.
ServerStatusLabel *attachSharedStore(QMainWindow *window, SharedStoreConnector *connector, SearchService *service);

} // namespace desk
