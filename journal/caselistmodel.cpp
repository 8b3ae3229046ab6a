#include "caselistmodel.h"

#include <QLocale>

namespace journal {

CaseListModel::CaseListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
}

CaseListModel::~CaseListModel() = default;

void CaseListModel::setCases(const QList<CaseRecord> &cases)
{
    beginResetModel();
    m_cases = cases;
    endResetModel();
}

QList<CaseRecord> CaseListModel::cases() const
{
    return m_cases;
}

std::optional<CaseRecord> CaseListModel::caseAt(int row) const
{
    if (row < 0 || row >= m_cases.size()) {
        return std::nullopt;
    }
    return m_cases.at(row);
}

void CaseListModel::setCalendar(const BusinessCalendar &calendar, const DeadlinePolicy &policy)
{
    m_calendar = calendar;
    m_policy = policy;
    setNow(m_now);
}

void CaseListModel::setCalendar(const BusinessCalendar &calendar, const DeadlineRule &rule)
{
    DeadlinePolicy policy;
    policy.defaultRule = rule;
    setCalendar(calendar, policy);
}

DeadlineRule CaseListModel::ruleOf(const CaseRecord &c) const
{
    return m_policy.ruleFor(c.officeId, c.serviceId);
}

void CaseListModel::setDueSoonSeconds(qint64 seconds)
{
    m_dueSoon = seconds;
    setNow(m_now);
}

void CaseListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_cases.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::DisplayRole, SecondsLeftRole, OverdueRole, DueSoonRole});
    }
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cases.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 CaseListModel::secondsLeft(const CaseRecord &c) const
{
    // Overdue time is plain wall-clock time; time left is counted like the deadline was.
    if (c.deadline <= m_now) {
        return -c.deadline.secsTo(m_now);
    }
    return m_calendar.countedSeconds(m_now, c.deadline, ruleOf(c));
}

QString CaseListModel::formatTimeLeft(qint64 seconds)
{
    const qint64 s = std::abs(seconds);
    const qint64 days = s / 86400;
    const qint64 hours = (s % 86400) / 3600;
    const qint64 minutes = (s % 3600) / 60;
    QString text;
    if (days > 0) {
        text = tr("%1 d %2 h").arg(days).arg(hours);
    } else if (hours > 0) {
        text = tr("%1 h %2 min").arg(hours).arg(minutes);
    } else {
        text = tr("%1 min").arg(minutes);
    }
    return seconds < 0 ? tr("overdue by %1").arg(text) : text;
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const CaseRecord &c = m_cases.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case CaseNumberColumn: return c.caseNumber;
        case DeadlineColumn:
            return QLocale().toString(c.deadline.toTimeZone(BusinessCalendar::berlin()), QLocale::ShortFormat);
        case TimeLeftColumn:
            return c.state == CaseState::Open ? formatTimeLeft(secondsLeft(c)) : QString();
        case ServiceColumn: return c.serviceTitle;
        case OfficeColumn: return c.officeName.isEmpty() ? c.officeEmail : c.officeName;
        case CallbackColumn: return c.callbackPhone.isEmpty() ? c.callbackEmail : c.callbackPhone;
        case StateColumn:
            switch (c.state) {
            case CaseState::Open: return tr("Open");
            case CaseState::Answered: return tr("Answered");
            case CaseState::CalledBack: return tr("Called back");
            }
        }
        return {};
    case Qt::ToolTipRole:
        return c.question;
    case CaseNumberRole: return c.caseNumber;
    case DeadlineRole: return c.deadline;
    case SecondsLeftRole: return secondsLeft(c);
    case OverdueRole: return c.isOverdue(m_now);
    case DueSoonRole:
        return c.state == CaseState::Open && !c.isOverdue(m_now) && secondsLeft(c) <= m_dueSoon;
    case StateRole: return static_cast<int>(c.state);
    case CallbackPhoneRole: return c.callbackPhone;
    default: return {};
    }
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case CaseNumberColumn: return tr("Case");
    case DeadlineColumn: return tr("Deadline");
    case TimeLeftColumn: return tr("Time left");
    case ServiceColumn: return tr("Service");
    case OfficeColumn: return tr("Office");
    case CallbackColumn: return tr("Callback");
    case StateColumn: return tr("State");
    default: return {};
    }
}

QHash<int, QByteArray> CaseListModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(CaseNumberRole, "caseNumber");
    names.insert(DeadlineRole, "deadline");
    names.insert(SecondsLeftRole, "secondsLeft");
    names.insert(OverdueRole, "overdue");
    names.insert(DueSoonRole, "dueSoon");
    names.insert(StateRole, "state");
    names.insert(CallbackPhoneRole, "callbackPhone");
    return names;
}

} // namespace journal
