#pragma once

#include "article.h"
#include "businesscalendar.h"
#include "savingdialog.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QWidget;

namespace journal {
class JournalStore;
}

namespace desk {

// "Fristen": the forward deadline rules of the hotline (journal::DeadlinePolicy), edited by team leads. The
// default rule and a list of exceptions, one row each: scope (office or service), which one (picked from the
// catalogue by name; typing filters), the rule (working days / working hours) and its length in hours. Save
// validates every row (the error names the row) and writes the whole policy in one transaction.
// In shared mode (setShared) the server's journal store holds the one policy: the dialog shows and saves the
// server's, the server's roles decide (an agent's login gets "permission denied"); while the server is gone it shows
// the desk's copy with a note and saves nothing.
class DeadlinesDialog final : public SavingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadlinesDialog)

public:
    struct Service
    {
        QString id;
        QString title;
    };

    DeadlinesDialog(journal::JournalStore *store, const QList<kb::Office> &offices, const QList<Service> &services,
                    QWidget *parent = nullptr);
    ~DeadlinesDialog() override;

    using ServerJournal = std::function<std::shared_ptr<journal::JournalStore>(QString *error)>;
    void setShared(ServerJournal server); // reloads from the server when reachable
    void setUpdatedBy(const QString &name);
    bool isShowingServer() const;

    int exceptionCount() const;
    int addException(); // a new empty row (office scope); returns its index and focuses its scope
    void removeException(int row);
    // The policy the form shows, or nullopt with the error naming the row.
    std::optional<journal::DeadlinePolicy> policy(QString *error) const;
    void setPolicy(const journal::DeadlinePolicy &policy);

    bool save(QString *error) override;

protected:
    bool savesOnServer() const override;
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    // After a successful save (the desk's own store, or the server's in shared mode).
    void policySaved(const journal::DeadlinePolicy &policy);

private:
    struct Row
    {
        QComboBox *scope = nullptr;
        QComboBox *target = nullptr;
        QComboBox *mode = nullptr;
        QSpinBox *hours = nullptr;
        QPushButton *remove = nullptr;
    };

    void load();
    void fillTargets(const Row &row, const QString &selectId);
    void relayout(); // rows in order, accessible names with their numbers, tab order row by row
    int rowOf(const QWidget *widget) const;

    journal::JournalStore *m_store;
    ServerJournal m_server;
    QString m_updatedBy;
    bool m_showingServer = false;
    QList<kb::Office> m_offices;
    QList<Service> m_services;
    QComboBox *m_defaultMode;
    QSpinBox *m_defaultHours;
    QGridLayout *m_grid;
    QList<QLabel *> m_headers;
    QList<Row> m_rows;
    QPushButton *m_add;
    QLabel *m_empty;
};

} // namespace desk
