#pragma once

#include "serverstores.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace outbox {
class OutboxStore;
}

namespace desk {

// The outbox as the agent sees it: every forward and confirmation with its state, attempts and the server's last
// reply; a failed (or unconfirmed) message can be put back into the queue. Reads its own OutboxStore connection on
// the UI thread; the sending itself stays on the OutboxSender's thread.
class OutboxView final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxView)

public:
    explicit OutboxView(const QString &databasePath, QWidget *parent = nullptr);
    ~OutboxView() override;

    void reload();
    // reload() for a change made elsewhere (live refresh in shared mode): the selected e-mail stays selected and the
    // table keeps its scroll position and the status line an action's answer.
    void refresh();
    QTableWidget *table() const;
    bool retrySelected(QString *error);
    // Shared mode: show the server's outbox (server set; the view keeps it alive) or the desk's own with a visible,
    // announced note; a non-empty readOnlyReason refuses a retry with that message. Takes effect at reload().
    void setSource(std::shared_ptr<outbox::OutboxStore> server, const QString &note, const QString &readOnlyReason);
    QString sourceNote() const;
    bool showsServer() const;

Q_SIGNALS:
    void retried(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    outbox::OutboxStore *store() const;

    QString m_path;
    std::unique_ptr<outbox::OutboxStore> m_store;
    ViewSource<outbox::OutboxStore> m_source;
    QTableWidget *m_table;
    QPushButton *m_retry;
    QLabel *m_status;
    QString m_listStatus; // what reload() put into m_status (anything else is an action's answer)
};

} // namespace desk
