#pragma once

#include "businesscalendar.h"
#include "journaltypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

#include <optional>

namespace journal {

// The open-cases view: one row per case, sorted as given (JournalStore::cases() sorts by deadline).
// No colours or icons (QtCore only): the desk styles rows by OverdueRole / DueSoonRole.
class CaseListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseListModel)

public:
    enum Column {
        CaseNumberColumn,
        DeadlineColumn,
        TimeLeftColumn,
        ServiceColumn,
        OfficeColumn,
        CallbackColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        CaseNumberRole = Qt::UserRole + 1,
        DeadlineRole,    // QDateTime (UTC)
        SecondsLeftRole, // qint64, counted under the deadline rule; negative when overdue
        OverdueRole,     // bool
        DueSoonRole,     // bool: open, not overdue, within the warning time
        StateRole,       // int (CaseState)
        CallbackPhoneRole,
    };

    explicit CaseListModel(QObject *parent = nullptr);
    ~CaseListModel() override;

    void setCases(const QList<CaseRecord> &cases);
    QList<CaseRecord> cases() const;
    std::optional<CaseRecord> caseAt(int row) const;

    // Time left is counted on the business calendar under each case's rule: policy.ruleFor(office, service) of
    // the case (default: 24 h of working days for every case).
    void setCalendar(const BusinessCalendar &calendar, const DeadlinePolicy &policy);
    void setCalendar(const BusinessCalendar &calendar, const DeadlineRule &rule); // one rule for every case
    DeadlineRule ruleOf(const CaseRecord &c) const;
    void setDueSoonSeconds(qint64 seconds); // default 4 h
    // Updates "time left" for `now` (call from a one-minute timer); only that column changes.
    void setNow(const QDateTime &now);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // "2 h 15 min", "overdue by 1 h 5 min" (tr()).
    static QString formatTimeLeft(qint64 seconds);

private:
    qint64 secondsLeft(const CaseRecord &c) const;

    QList<CaseRecord> m_cases;
    BusinessCalendar m_calendar;
    DeadlinePolicy m_policy;
    QDateTime m_now;
    qint64 m_dueSoon = 4 * 3600;
};

} // namespace journal
