#pragma once

#include "businesscalendar.h"
#include "forwardcomposer.h"
#include "journaltypes.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace journal {

struct CaseFilter
{
    bool openOnly = true;
    QString search; // case number ("2026-000123", "123") or phone number fragment
    int limit = 500;
};

struct ForwardResult
{
    QString caseNumber;
    QString outboxId; // wake the OutboxSender after this returns
};

// The call journal and the forwarded cases in journal.db (own migration chain "journal"; the outbox
// tables live in the same file so a case and its e-mail commit together). Used from one thread; open
// one store per thread. Every write is one transaction; errors come back as false + message.
class JournalStore
{
public:
    ~JournalStore();
    JournalStore(const JournalStore &) = delete;
    JournalStore &operator=(const JournalStore &) = delete;

    static std::unique_ptr<JournalStore> open(const QString &path, QString *error);
    // On an existing connection this program does not own (the shared PostgreSQL store: QPSQL, on
    // this thread), already migrated by hotline-admin-desk: never migrates, refuses a schema other
    // than this build's (outbox, journal). Inside a hotline::db::OuterTransaction its writes become savepoints.
    static std::unique_ptr<JournalStore> openOn(const QSqlDatabase &db, QString *error);

    void setPrivacy(const PrivacySettings &privacy);
    PrivacySettings privacy() const;
    void setClock(std::function<QDateTime()> clock); // tests; default: current UTC time
    QSqlDatabase database() const;

    // --- calls ---
    // Saves the call as a draft (insert or update; assigns call.id on first save). Call it on every
    // change in the wrap-up panel: a crash or kill loses at most the keystroke in flight.
    bool saveDraft(CallRecord &call, QString *error);
    // Drafts left from an earlier run (or still open), oldest first: offer them again at start-up.
    QList<CallRecord> pendingDrafts(QString *error = nullptr) const;
    bool discardDraft(const QString &id, QString *error);
    // Commits the call with its one outcome (draft → journal). ForwardedByEmail needs commitForward().
    bool commitCall(CallRecord &call, QString *error);
    // One transaction: allocates the case number, stores the case, puts the forward e-mail into the
    // outbox (committed before any attempt to send it) and commits the call as ForwardedByEmail.
    bool commitForward(CallRecord &call, const ForwardRequest &request, ForwardResult *result, QString *error);
    // "Book again" after the server refused a booking the call was committed with: the committed call `callId` that
    // names `oldAppointmentId` names `newAppointmentId` from now on (the one change a committed call gets; the new
    // booking keeps the old id as rebooked_from). One transaction (a savepoint inside an OuterTransaction). *changed
    // is false when no committed call names the old booking (already re-booked, not delivered, or, on the shared
    // server, another agent's call, which an agent's login cannot update): nothing changes then, no error.
    bool replaceAppointment(const QString &callId, const QString &oldAppointmentId, const QString &newAppointmentId,
                            bool *changed, QString *error);

    std::optional<CallRecord> call(const QString &id) const;
    QList<CallRecord> calls(const QDateTime &from, const QDateTime &to, QString *error = nullptr) const;
    // The caller screen: earlier committed calls of this number (newest first) and its open cases.
    QList<CallRecord> callsOfNumber(const QString &number, int limit = 20) const;
    QList<CaseRecord> openCasesOfNumber(const QString &number) const;

    // Privacy purge: caller numbers of calls offered before now − retentionDays are removed or masked;
    // callback details of cases closed before that are removed, and so is the text of outbox e-mails
    // sent before then (it may carry them). Returns the number of rows changed.
    int purgeCallerData(const QDateTime &now, QString *error = nullptr);

    // RFC 4180 CSV (UTF-8, CRLF, header row) of the committed calls offered in [from, to).
    bool exportCsv(QIODevice *device, const QDateTime &from, const QDateTime &to, QString *error) const;

    // --- cases ---
    std::optional<CaseRecord> caseByNumber(const QString &caseNumber) const;
    QList<CaseRecord> cases(const CaseFilter &filter, QString *error = nullptr) const; // by deadline
    bool setCaseState(const QString &caseNumber, CaseState state, const QString &note, QString *error);
    // Open cases whose reminder is due and not yet shown; markReminded() after showing it.
    QList<CaseRecord> casesDueForReminder(const QDateTime &now) const;
    bool markReminded(const QString &caseNumber, const QDateTime &now, QString *error);
    // The second step, also across restarts: open cases with a reminder whose deadline has passed (deadline <= now)
    // and whose overdue reminder was not shown yet, whether or not the first was (a desk that was off while the case
    // became due shows the overdue one only). markOverdueReminded() after showing it: records both steps in one
    // transaction (reminded_at kept if set), so neither is shown again.
    QList<CaseRecord> casesDueForOverdueReminder(const QDateTime &now) const;
    bool markOverdueReminded(const QString &caseNumber, const QDateTime &now, QString *error);

    // --- figures for team leads (issue 6) ---
    // Calls offered in [from, to) that match the filter; with a filter, forwarded cases count through their call.
    Figures figures(const QDateTime &from, const QDateTime &to, const FigureFilter &filter = FigureFilter()) const;

    // --- settings shared by the desks of a hotline (table journal_settings) ---
    // The forward deadline rules. A store where none was saved yet has the default policy (24 h of working days
    // for everything); nullopt with the reason when the table cannot be read or holds an unreadable value.
    std::optional<DeadlinePolicy> deadlinePolicy(QString *error = nullptr) const;
    // Validates (DeadlinePolicy::validate) and saves in one transaction; bad input stores nothing. `updatedBy`
    // is the team lead's name, kept beside the value. On the shared server only team leads may write.
    bool setDeadlinePolicy(const DeadlinePolicy &policy, QString *error, const QString &updatedBy = QString());

private:
    JournalStore();
    QDateTime now() const;
    bool writeCall(CallRecord &call, bool draft, QString *error);
    bool allocateCaseNumber(const QDateTime &now, QString *caseNumber, QString *error);
    QList<CallRecord> queryCalls(const QString &where, const QList<QPair<QString, QVariant>> &binds,
                                 const QString &tail) const;
    QList<CaseRecord> queryCases(const QString &where, const QList<QPair<QString, QVariant>> &binds,
                                 const QString &tail) const;

    QString m_connection;
    QSqlDatabase m_db;
    PrivacySettings m_privacy;
    std::function<QDateTime()> m_clock;
};

} // namespace journal
