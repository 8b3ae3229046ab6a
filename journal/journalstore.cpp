#include "journalstore.h"

#include "businesscalendar.h"
#include "dbsupport.h"
#include "message.h"
#include "outboxstore.h"

#include <algorithm>

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace journal {

namespace {

QVariant ms(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime fromMs(const QVariant &v)
{
    if (v.isNull()) {
        return QDateTime();
    }
    return QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

bool fail(QString *error, const QString &text)
{
    if (error) {
        *error = text;
    }
    return false;
}

const char *kCallColumns = "id, draft, offered_at, answered_at, ended_at, caller_number, caller_purged, line, "
                           "municipality, agent, notes, outcome, no_data_kept, case_number, appointment_id, updated_at";

const char *kCaseColumns =
    "case_number, call_id, service_id, service_title, office_id, office_name, office_email, "
    "question, callback_name, callback_phone, callback_email, callback_consent, agent, state, "
    "created_at, deadline_at, remind_at, reminded_at, closed_at, outbox_id, note, overdue_reminded_at";

QString maskNumber(const QString &number, int keepDigits)
{
    // "+4935112345" keeps "+49" and keepDigits digits after the country code: "+493511xxxxx".
    const int keep = std::min<int>(number.size(), (number.startsWith(QLatin1Char('+')) ? 3 : 0) + keepDigits);
    return number.left(keep) + QString(number.size() - keep, QLatin1Char('x'));
}

QString csvField(const QString &value)
{
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n')) ||
        value.contains(QLatin1Char('\r'))) {
        QString v = value;
        v.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return value;
}

} // namespace

JournalStore::JournalStore() = default;

JournalStore::~JournalStore()
{
    m_db = QSqlDatabase();
    if (!m_connection.isEmpty()) { // empty: openOn(), the connection is the caller's
        hotline::db::closeConnection(m_connection);
    }
}

std::unique_ptr<JournalStore> JournalStore::openOn(const QSqlDatabase &db, QString *error)
{
    std::unique_ptr<JournalStore> store(new JournalStore);
    store->m_db = db;
    if (!store->m_db.isOpen() || !hotline::db::requireCurrentSchema(store->m_db, QStringLiteral("outbox"), error) ||
        !hotline::db::requireCurrentSchema(store->m_db, QStringLiteral("journal"), error)) {
        if (!store->m_db.isOpen() && error) {
            *error = QStringLiteral("the journal store's connection is not open");
        }
        return nullptr;
    }
    return store;
}

std::unique_ptr<JournalStore> JournalStore::open(const QString &path, QString *error)
{
    std::unique_ptr<JournalStore> store(new JournalStore);
    store->m_connection = hotline::db::connectionName(QStringLiteral("journal"), path) + QLatin1Char('_') +
                          QUuid::createUuid().toString(QUuid::Id128);
    if (!hotline::db::openSqlite(path, store->m_connection, &store->m_db, error) ||
        !outbox::OutboxStore::migrate(store->m_db, error) ||
        !hotline::db::applyMigrations(store->m_db, QStringLiteral("journal"), error)) {
        return nullptr;
    }
    return store;
}

void JournalStore::setPrivacy(const PrivacySettings &privacy)
{
    m_privacy = privacy;
}

PrivacySettings JournalStore::privacy() const
{
    return m_privacy;
}

void JournalStore::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QSqlDatabase JournalStore::database() const
{
    return m_db;
}

QDateTime JournalStore::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool JournalStore::writeCall(CallRecord &call, bool draft, QString *error)
{
    if (call.id.isEmpty()) {
        call.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    const QDateTime t = now();
    call.updatedAt = t;
    call.draft = draft;
    if (!call.callerPurged) {
        call.callerNumber = normalizePhoneNumber(call.callerNumber);
    }
    QString number = call.callerNumber;
    QString notes = call.notes;
    if (!m_privacy.storeCallerNumber) {
        number.clear();
    }
    if (call.noDataKept && !draft) {
        // Kept while the agent still works on the call (so a crash loses nothing), dropped on commit.
        number.clear();
        notes.clear();
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO journal_calls (id, draft, offered_at, answered_at, ended_at, caller_number, caller_purged, line, "
        "municipality, agent, notes, outcome, no_data_kept, case_number, appointment_id, created_at, updated_at, "
        "committed_at) VALUES (:id, :draft, :offered, :answered, :ended, :number, :purged, :line, :muni, :agent, "
        ":notes, :outcome, :nodata, :case, :appt, :now, :now, :committed) "
        "ON CONFLICT (id) DO UPDATE SET draft = excluded.draft, offered_at = excluded.offered_at, "
        "answered_at = excluded.answered_at, ended_at = excluded.ended_at, caller_number = excluded.caller_number, "
        "caller_purged = excluded.caller_purged, line = excluded.line, municipality = excluded.municipality, "
        "agent = excluded.agent, notes = excluded.notes, outcome = excluded.outcome, "
        "no_data_kept = excluded.no_data_kept, case_number = excluded.case_number, "
        "appointment_id = excluded.appointment_id, updated_at = excluded.updated_at, "
        "committed_at = excluded.committed_at WHERE journal_calls.draft = 1"));
    q.bindValue(QStringLiteral(":id"), hotline::db::text(call.id));
    q.bindValue(QStringLiteral(":draft"), draft ? 1 : 0);

    q.bindValue(QStringLiteral(":offered"), ms(call.offeredAt));

    q.bindValue(QStringLiteral(":answered"), ms(call.answeredAt));

    q.bindValue(QStringLiteral(":ended"), ms(call.endedAt));

    q.bindValue(QStringLiteral(":number"), hotline::db::text(number));
    q.bindValue(QStringLiteral(":purged"), call.callerPurged ? 1 : 0);

    q.bindValue(QStringLiteral(":line"), hotline::db::text(call.line));
    q.bindValue(QStringLiteral(":muni"), hotline::db::text(call.municipality));
    q.bindValue(QStringLiteral(":agent"), hotline::db::text(call.agent));
    q.bindValue(QStringLiteral(":notes"), hotline::db::text(notes));
    q.bindValue(QStringLiteral(":outcome"), hotline::db::text(outcomeName(call.outcome)));
    q.bindValue(QStringLiteral(":nodata"), call.noDataKept ? 1 : 0);

    q.bindValue(QStringLiteral(":case"), hotline::db::text(call.caseNumber));
    q.bindValue(QStringLiteral(":appt"), hotline::db::text(call.appointmentId));
    q.bindValue(QStringLiteral(":now"), t.toMSecsSinceEpoch());

    q.bindValue(QStringLiteral(":committed"), draft ? ms(QDateTime()) : ms(t));

    if (!hotline::db::exec(q, QStringLiteral("save call"), error)) {
        return false;
    }
    if (q.numRowsAffected() != 1) {
        return fail(error, QStringLiteral("call %1 is already committed and cannot be changed").arg(call.id));
    }
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM journal_call_services WHERE call_id = :id"));
    del.bindValue(QStringLiteral(":id"), hotline::db::text(call.id));
    if (!hotline::db::exec(del, QStringLiteral("save call services"), error)) {
        return false;
    }
    for (int i = 0; i < call.serviceIds.size(); ++i) {
        QSqlQuery ins(m_db);
        ins.prepare(QStringLiteral("INSERT INTO journal_call_services (call_id, position, service_id) "
                                   "VALUES (:id, :pos, :service)"));
        ins.bindValue(QStringLiteral(":id"), hotline::db::text(call.id));
        ins.bindValue(QStringLiteral(":pos"), i);

        ins.bindValue(QStringLiteral(":service"), hotline::db::text(call.serviceIds[i]));
        if (!hotline::db::exec(ins, QStringLiteral("save call services"), error)) {
            return false;
        }
    }
    if (!draft) {
        call.callerNumber = number;
        call.notes = notes;
    }
    return true;
}

bool JournalStore::saveDraft(CallRecord &call, QString *error)
{
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        return fail(error, tx.error());
    }
    return writeCall(call, true, error) && tx.commit(error);
}

QList<CallRecord> JournalStore::pendingDrafts(QString *error) const
{
    Q_UNUSED(error)
    return queryCalls(QStringLiteral("draft = 1"), {}, QStringLiteral("ORDER BY updated_at, id"));
}

bool JournalStore::discardDraft(const QString &id, QString *error)
{
    hotline::db::Transaction tx(m_db, true);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM journal_calls WHERE id = :id AND draft = 1"));
    q.bindValue(QStringLiteral(":id"), hotline::db::text(id));
    if (!hotline::db::exec(q, QStringLiteral("discard draft"), error)) {
        return false;
    }
    if (q.numRowsAffected() != 1) {
        return fail(error, QStringLiteral("no draft with id %1").arg(id));
    }
    return tx.commit(error);
}

bool JournalStore::commitCall(CallRecord &call, QString *error)
{
    switch (call.outcome) {
    case Outcome::None:
        return fail(error, QCoreApplication::translate("journal::JournalStore", "Choose how the call ended."));
    case Outcome::ForwardedByEmail:
        if (call.caseNumber.isEmpty()) {
            return fail(error, QStringLiteral("a forwarded call is committed with commitForward()"));
        }
        break;
    case Outcome::Appointment:
        if (call.appointmentId.isEmpty()) {
            return fail(error, QCoreApplication::translate("journal::JournalStore",
                                                           "The appointment outcome needs a booked appointment."));
        }
        break;
    case Outcome::AnsweredDirectly:
        break;
    }
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        return fail(error, tx.error());
    }
    return writeCall(call, false, error) && tx.commit(error);
}

bool JournalStore::replaceAppointment(const QString &callId, const QString &oldAppointmentId,
                                      const QString &newAppointmentId, bool *changed, QString *error)
{
    if (changed) {
        *changed = false;
    }
    if (callId.isEmpty() || oldAppointmentId.isEmpty() || newAppointmentId.isEmpty()) {
        return fail(error, QStringLiteral("replaceAppointment needs the call and both booking ids"));
    }
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        return fail(error, tx.error());
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE journal_calls SET appointment_id = :new, updated_at = :now "
                             "WHERE id = :id AND draft = 0 AND outcome = :outcome AND appointment_id = :old"));
    q.bindValue(QStringLiteral(":new"), newAppointmentId);
    q.bindValue(QStringLiteral(":now"), ms(now()));
    q.bindValue(QStringLiteral(":id"), callId);
    q.bindValue(QStringLiteral(":outcome"), outcomeName(Outcome::Appointment));
    q.bindValue(QStringLiteral(":old"), oldAppointmentId);
    if (!hotline::db::exec(q, QStringLiteral("re-book call"), error)) {
        return false;
    }
    const bool updated = q.numRowsAffected() == 1;
    if (!tx.commit(error)) {
        return false;
    }
    if (changed) {
        *changed = updated;
    }
    return true;
}

bool JournalStore::allocateCaseNumber(const QDateTime &t, QString *caseNumber, QString *error)
{
    const int year = t.toTimeZone(BusinessCalendar::berlin()).date().year();
    QSqlQuery up(m_db);
    up.prepare(QStringLiteral("INSERT INTO journal_case_counters (year, last_number) VALUES (:y, 1) "
                              "ON CONFLICT (year) DO UPDATE SET last_number = journal_case_counters.last_number + 1"));
    up.bindValue(QStringLiteral(":y"), year);

    if (!hotline::db::exec(up, QStringLiteral("allocate case number"), error)) {
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT last_number FROM journal_case_counters WHERE year = :y"));
    q.bindValue(QStringLiteral(":y"), year);

    if (!hotline::db::exec(q, QStringLiteral("read case number"), error) || !q.next()) {
        return false;
    }
    *caseNumber = QStringLiteral("%1-%2").arg(year).arg(q.value(0).toLongLong(), 6, 10, QLatin1Char('0'));
    return true;
}

bool JournalStore::commitForward(CallRecord &call, const ForwardRequest &request, ForwardResult *result, QString *error)
{
    if (!validateForward(request, error)) {
        return false;
    }
    const QDateTime t = now();
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        return fail(error, tx.error());
    }
    QString caseNumber;
    if (!allocateCaseNumber(t, &caseNumber, error)) {
        return false;
    }
    const ForwardEmail mail = composeForward(request, caseNumber);
    outbox::Message message;
    message.from = {request.fromEmail.trimmed(), request.fromName};
    message.to = {{request.officeEmail.trimmed(), request.officeName}};
    message.replyTo = message.from;
    message.subject = mail.subject;
    message.textBody = mail.body;
    message.reference = caseNumber;
    if (!outbox::OutboxStore::enqueueIn(m_db, message, t, error)) {
        return false;
    }
    const bool consent = request.callbackConsent;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO journal_cases (case_number, call_id, service_id, service_title, office_id, office_name, "
        "office_email, question, callback_name, callback_phone, callback_email, callback_consent, agent, state, "
        "created_at, deadline_at, remind_at, outbox_id) VALUES (:num, :call, :sid, :stitle, :oid, :oname, :oemail, "
        ":question, :cbname, :cbphone, :cbemail, :consent, :agent, 'open', :now, :deadline, :remind, :outbox)"));
    if (call.id.isEmpty()) {
        call.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    q.bindValue(QStringLiteral(":num"), hotline::db::text(caseNumber));
    q.bindValue(QStringLiteral(":call"), hotline::db::text(call.id));
    q.bindValue(QStringLiteral(":sid"), hotline::db::text(request.serviceId));
    q.bindValue(QStringLiteral(":stitle"), hotline::db::text(request.serviceTitle));
    q.bindValue(QStringLiteral(":oid"), hotline::db::text(request.officeId));
    q.bindValue(QStringLiteral(":oname"), hotline::db::text(request.officeName));
    q.bindValue(QStringLiteral(":oemail"), hotline::db::text(request.officeEmail.trimmed()));
    q.bindValue(QStringLiteral(":question"), hotline::db::text(request.question.trimmed()));
    // The hotline keeps the callback details for its own follow-up (the open-cases list and the caller
    // screen); they reach the office only with consent (composeForward).
    q.bindValue(QStringLiteral(":cbname"), hotline::db::text(request.callbackName.trimmed()));
    q.bindValue(QStringLiteral(":cbphone"), hotline::db::text(normalizePhoneNumber(request.callbackPhone)));
    q.bindValue(QStringLiteral(":cbemail"), hotline::db::text(request.callbackEmail.trimmed()));
    q.bindValue(QStringLiteral(":consent"), consent ? 1 : 0);

    q.bindValue(QStringLiteral(":agent"), hotline::db::text(request.agent));
    q.bindValue(QStringLiteral(":now"), t.toMSecsSinceEpoch());

    q.bindValue(QStringLiteral(":deadline"), request.deadline.toMSecsSinceEpoch());

    q.bindValue(QStringLiteral(":remind"), ms(request.remindAt));

    q.bindValue(QStringLiteral(":outbox"), hotline::db::text(message.id));
    if (!hotline::db::exec(q, QStringLiteral("store case"), error)) {
        return false;
    }
    CallRecord c = call;
    c.outcome = Outcome::ForwardedByEmail;
    c.caseNumber = caseNumber;
    if (!c.serviceIds.contains(request.serviceId) && !request.serviceId.isEmpty()) {
        c.serviceIds.prepend(request.serviceId);
    }
    if (!writeCall(c, false, error) || !tx.commit(error)) {
        return false;
    }
    call = c;
    if (result) {
        result->caseNumber = caseNumber;
        result->outboxId = message.id;
    }
    return true;
}

QList<CallRecord> JournalStore::queryCalls(const QString &where, const QList<QPair<QString, QVariant>> &binds,
                                           const QString &tail) const
{
    QList<CallRecord> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM journal_calls WHERE %2 %3").arg(QLatin1String(kCallColumns), where, tail));
    for (const auto &[k, v] : binds) {
        q.bindValue(k, v);
    }
    if (!q.exec()) {
        return out;
    }
    while (q.next()) {
        CallRecord c;
        c.id = q.value(0).toString();
        c.draft = q.value(1).toInt() != 0;
        c.offeredAt = fromMs(q.value(2));
        c.answeredAt = fromMs(q.value(3));
        c.endedAt = fromMs(q.value(4));
        c.callerNumber = q.value(5).toString();
        c.callerPurged = q.value(6).toInt() != 0;
        c.line = q.value(7).toString();
        c.municipality = q.value(8).toString();
        c.agent = q.value(9).toString();
        c.notes = q.value(10).toString();
        c.outcome = outcomeFromName(q.value(11).toString());
        c.noDataKept = q.value(12).toInt() != 0;
        c.caseNumber = q.value(13).toString();
        c.appointmentId = q.value(14).toString();
        c.updatedAt = fromMs(q.value(15));
        out << c;
    }
    for (CallRecord &c : out) {
        QSqlQuery s(m_db);
        s.prepare(QStringLiteral("SELECT service_id FROM journal_call_services WHERE call_id = :id ORDER BY position"));
        s.bindValue(QStringLiteral(":id"), hotline::db::text(c.id));
        if (s.exec()) {
            while (s.next()) {
                c.serviceIds << s.value(0).toString();
            }
        }
    }
    return out;
}

std::optional<CallRecord> JournalStore::call(const QString &id) const
{
    const auto list = queryCalls(QStringLiteral("id = :id"), {{QStringLiteral(":id"), id}}, QString());
    if (list.isEmpty()) {
        return std::nullopt;
    }
    return list.first();
}

QList<CallRecord> JournalStore::calls(const QDateTime &from, const QDateTime &to, QString *error) const
{
    Q_UNUSED(error)
    return queryCalls(
        QStringLiteral("draft = 0 AND offered_at >= :from AND offered_at < :to"),
        {{QStringLiteral(":from"), from.toMSecsSinceEpoch()}, {QStringLiteral(":to"), to.toMSecsSinceEpoch()}},
        QStringLiteral("ORDER BY offered_at, id"));
}

QList<CallRecord> JournalStore::callsOfNumber(const QString &number, int limit) const
{
    const QString n = normalizePhoneNumber(number);
    if (n.isEmpty()) {
        return {};
    }
    return queryCalls(QStringLiteral("draft = 0 AND caller_number = :n"), {{QStringLiteral(":n"), n}},
                      QStringLiteral("ORDER BY offered_at DESC, id LIMIT %1").arg(std::max(1, limit)));
}

QList<CaseRecord> JournalStore::queryCases(const QString &where, const QList<QPair<QString, QVariant>> &binds,
                                           const QString &tail) const
{
    QList<CaseRecord> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM journal_cases WHERE %2 %3").arg(QLatin1String(kCaseColumns), where, tail));
    for (const auto &[k, v] : binds) {
        q.bindValue(k, v);
    }
    if (!q.exec()) {
        return out;
    }
    while (q.next()) {
        CaseRecord c;
        c.caseNumber = q.value(0).toString();
        c.callId = q.value(1).toString();
        c.serviceId = q.value(2).toString();
        c.serviceTitle = q.value(3).toString();
        c.officeId = q.value(4).toString();
        c.officeName = q.value(5).toString();
        c.officeEmail = q.value(6).toString();
        c.question = q.value(7).toString();
        c.callbackName = q.value(8).toString();
        c.callbackPhone = q.value(9).toString();
        c.callbackEmail = q.value(10).toString();
        c.callbackConsent = q.value(11).toInt() != 0;
        c.agent = q.value(12).toString();
        caseStateFromName(q.value(13).toString(), &c.state);
        c.createdAt = fromMs(q.value(14));
        c.deadline = fromMs(q.value(15));
        c.remindAt = fromMs(q.value(16));
        c.remindedAt = fromMs(q.value(17));
        c.closedAt = fromMs(q.value(18));
        c.outboxId = q.value(19).toString();
        c.note = q.value(20).toString();
        c.overdueRemindedAt = fromMs(q.value(21));
        out << c;
    }
    return out;
}

QList<CaseRecord> JournalStore::openCasesOfNumber(const QString &number) const
{
    const QString n = normalizePhoneNumber(number);
    if (n.isEmpty()) {
        return {};
    }
    return queryCases(QStringLiteral("state = 'open' AND (callback_phone = :n OR call_id IN "
                                     "(SELECT id FROM journal_calls WHERE caller_number = :n))"),
                      {{QStringLiteral(":n"), n}}, QStringLiteral("ORDER BY deadline_at"));
}

std::optional<CaseRecord> JournalStore::caseByNumber(const QString &caseNumber) const
{
    const auto list =
        queryCases(QStringLiteral("case_number = :n"), {{QStringLiteral(":n"), caseNumber.trimmed()}}, QString());
    if (list.isEmpty()) {
        return std::nullopt;
    }
    return list.first();
}

QList<CaseRecord> JournalStore::cases(const CaseFilter &filter, QString *error) const
{
    Q_UNUSED(error)
    QStringList where;
    QList<QPair<QString, QVariant>> binds;
    if (filter.openOnly) {
        where << QStringLiteral("state = 'open'");
    }
    const QString s = filter.search.trimmed();
    if (!s.isEmpty()) {
        QStringList any;
        // "2026-000123" exactly, or the number part ("123" matches "…-000123").
        any << QStringLiteral("case_number = :exact");
        binds.append({QStringLiteral(":exact"), s});
        bool isNumber = false;
        const qlonglong n = s.toLongLong(&isNumber);
        if (isNumber && n > 0) {
            any << QStringLiteral("case_number LIKE :suffix");
            binds.append({QStringLiteral(":suffix"), QStringLiteral("%-%1").arg(n, 6, 10, QLatin1Char('0'))});
        }
        QString digits;
        for (QChar c : s) {
            if (c.isDigit()) {
                digits += c;
            }
        }
        if (digits.size() >= 4) {
            // Phone numbers: match the significant digits whatever prefix form was typed.
            const QString norm = normalizePhoneNumber(s);
            const QString core = norm.startsWith(QLatin1String("+49")) ? norm.mid(3) : digits;
            any << QStringLiteral("callback_phone LIKE :phone");
            binds.append({QStringLiteral(":phone"), QStringLiteral("%") + core + QStringLiteral("%")});
        }
        where << QStringLiteral("(") + any.join(QStringLiteral(" OR ")) + QStringLiteral(")");
    }
    if (where.isEmpty()) {
        where << QStringLiteral("1 = 1");
    }
    return queryCases(where.join(QStringLiteral(" AND ")), binds,
                      QStringLiteral("ORDER BY deadline_at, case_number LIMIT %1").arg(std::max(1, filter.limit)));
}

bool JournalStore::setCaseState(const QString &caseNumber, CaseState state, const QString &note, QString *error)
{
    hotline::db::Transaction tx(m_db, true);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE journal_cases SET state = :state, closed_at = :closed, note = :note "
                             "WHERE case_number = :n"));
    q.bindValue(QStringLiteral(":state"), hotline::db::text(caseStateName(state)));
    q.bindValue(QStringLiteral(":closed"), state == CaseState::Open ? ms(QDateTime()) : ms(now()));

    q.bindValue(QStringLiteral(":note"), hotline::db::text(note));
    q.bindValue(QStringLiteral(":n"), hotline::db::text(caseNumber));
    if (!hotline::db::exec(q, QStringLiteral("update case"), error)) {
        return false;
    }
    if (q.numRowsAffected() != 1) {
        return fail(error,
                    QCoreApplication::translate("journal::JournalStore", "There is no case %1.").arg(caseNumber));
    }
    return tx.commit(error);
}

QList<CaseRecord> JournalStore::casesDueForReminder(const QDateTime &t) const
{
    return queryCases(QStringLiteral("state = 'open' AND remind_at IS NOT NULL AND remind_at <= :now "
                                     "AND reminded_at IS NULL"),
                      {{QStringLiteral(":now"), t.toMSecsSinceEpoch()}}, QStringLiteral("ORDER BY deadline_at"));
}

bool JournalStore::markReminded(const QString &caseNumber, const QDateTime &t, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE journal_cases SET reminded_at = :now WHERE case_number = :n"));
    q.bindValue(QStringLiteral(":now"), t.toMSecsSinceEpoch());

    q.bindValue(QStringLiteral(":n"), hotline::db::text(caseNumber));
    return hotline::db::exec(q, QStringLiteral("mark reminded"), error);
}

QList<CaseRecord> JournalStore::casesDueForOverdueReminder(const QDateTime &t) const
{
    // Past the deadline counts from the deadline itself, as the desk's reminder says "overdue since <deadline>".
    // Only cases with a reminder: a case forwarded without one is followed up in the cases view, not reminded of.
    return queryCases(
        QStringLiteral("state = 'open' AND remind_at IS NOT NULL AND remind_at <= :now "
                       "AND deadline_at IS NOT NULL AND deadline_at <= :now2 "
                       "AND overdue_reminded_at IS NULL"),
        {{QStringLiteral(":now"), t.toMSecsSinceEpoch()}, {QStringLiteral(":now2"), t.toMSecsSinceEpoch()}},
        QStringLiteral("ORDER BY deadline_at"));
}

bool JournalStore::markOverdueReminded(const QString &caseNumber, const QDateTime &t, QString *error)
{
    // One statement for both steps: an overdue reminder shown first (the desk was off when the case became due)
    // is also the due step's, so neither comes again.
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        return fail(error, tx.error());
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE journal_cases SET overdue_reminded_at = :now, "
                             "reminded_at = COALESCE(reminded_at, :now2) WHERE case_number = :n"));
    q.bindValue(QStringLiteral(":now"), t.toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":now2"), t.toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":n"), hotline::db::text(caseNumber));
    if (!hotline::db::exec(q, QStringLiteral("mark overdue reminded"), error)) {
        return false;
    }
    if (q.numRowsAffected() != 1) {
        return fail(error,
                    QCoreApplication::translate("journal::JournalStore", "There is no case %1.").arg(caseNumber));
    }
    return tx.commit(error);
}

int JournalStore::purgeCallerData(const QDateTime &t, QString *error)
{
    const qint64 cutoff = t.addDays(-m_privacy.retentionDays).toMSecsSinceEpoch();
    hotline::db::Transaction tx(m_db, true);
    if (!tx.isActive()) {
        fail(error, tx.error());
        return -1;
    }
    int changed = 0;
    QSqlQuery sel(m_db);
    sel.prepare(QStringLiteral("SELECT id, caller_number FROM journal_calls WHERE draft = 0 AND caller_purged = 0 "
                               "AND caller_number <> '' AND offered_at < :cutoff"));
    sel.bindValue(QStringLiteral(":cutoff"), cutoff);

    if (!hotline::db::exec(sel, QStringLiteral("find calls to purge"), error)) {
        return -1;
    }
    QList<QPair<QString, QString>> rows;
    while (sel.next()) {
        rows.append({sel.value(0).toString(), sel.value(1).toString()});
    }
    for (const auto &[id, number] : rows) {
        QSqlQuery up(m_db);
        up.prepare(QStringLiteral("UPDATE journal_calls SET caller_number = :n, caller_purged = 1 WHERE id = :id"));
        up.bindValue(QStringLiteral(":n"), m_privacy.mode == PrivacySettings::PurgeMode::Mask
                                               ? maskNumber(number, m_privacy.maskKeepDigits)
                                               : QStringLiteral(""));
        up.bindValue(QStringLiteral(":id"), hotline::db::text(id));
        if (!hotline::db::exec(up, QStringLiteral("purge caller number"), error)) {
            return -1;
        }
        ++changed;
    }
    QSqlQuery cases(m_db);
    cases.prepare(
        QStringLiteral("UPDATE journal_cases SET callback_name = '', callback_phone = '', callback_email = '' "
                       "WHERE state <> 'open' AND closed_at < :cutoff AND (callback_name <> '' OR "
                       "callback_phone <> '' OR callback_email <> '')"));
    cases.bindValue(QStringLiteral(":cutoff"), cutoff);

    if (!hotline::db::exec(cases, QStringLiteral("purge callback details"), error)) {
        return -1;
    }
    changed += cases.numRowsAffected();
    const int mails =
        outbox::OutboxStore::purgeSentContentIn(m_db, QDateTime::fromMSecsSinceEpoch(cutoff, Qt::UTC), error);
    if (mails < 0) {
        return -1;
    }
    changed += mails;
    if (!tx.commit(error)) {
        return -1;
    }
    return changed;
}

bool JournalStore::exportCsv(QIODevice *device, const QDateTime &from, const QDateTime &to, QString *error) const
{
    if (!device || !device->isWritable()) {
        return fail(error, QStringLiteral("CSV export: the output is not writable"));
    }
    const QTimeZone tz = BusinessCalendar::berlin();
    auto local = [&tz](const QDateTime &d) {
        return d.isValid() ? d.toTimeZone(tz).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
    };
    QStringList header = {QStringLiteral("id"),
                          QStringLiteral("offered"),
                          QStringLiteral("answered"),
                          QStringLiteral("ended"),
                          QStringLiteral("talk_seconds"),
                          QStringLiteral("caller_number"),
                          QStringLiteral("line"),
                          QStringLiteral("municipality"),
                          QStringLiteral("agent"),
                          QStringLiteral("services"),
                          QStringLiteral("outcome"),
                          QStringLiteral("case_number"),
                          QStringLiteral("appointment_id"),
                          QStringLiteral("no_data_kept"),
                          QStringLiteral("notes")};
    QByteArray out = header.join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const CallRecord &c : calls(from, to)) {
        const QStringList row = {c.id,
                                 local(c.offeredAt),
                                 local(c.answeredAt),
                                 local(c.endedAt),
                                 QString::number(c.talkSeconds()),
                                 c.callerNumber,
                                 c.line,
                                 c.municipality,
                                 c.agent,
                                 c.serviceIds.join(QLatin1Char(' ')),
                                 outcomeName(c.outcome),
                                 c.caseNumber,
                                 c.appointmentId,
                                 c.noDataKept ? QStringLiteral("1") : QStringLiteral("0"),
                                 c.notes};
        QStringList fields;
        for (const QString &f : row) {
            fields << csvField(f);
        }
        out += fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    if (device->write(out) != out.size()) {
        return fail(error, QStringLiteral("CSV export: write failed: %1").arg(device->errorString()));
    }
    return true;
}

Figures JournalStore::figures(const QDateTime &from, const QDateTime &to, const FigureFilter &filter) const
{
    Figures f;
    const QTimeZone tz = BusinessCalendar::berlin();
    qint64 talk = 0;
    int talked = 0;
    qint64 waiting = 0;
    int answered = 0;
    QHash<QString, int> services;
    QSet<QString> callIds;
    for (const CallRecord &c : calls(from, to)) {
        if (!filter.matches(c)) {
            continue;
        }
        callIds.insert(c.id);
        ++f.calls;
        for (const QString &service : QSet<QString>(c.serviceIds.cbegin(), c.serviceIds.cend())) {
            ++services[service];
        }
        if (c.offeredAt.isValid() && c.answeredAt.isValid() && c.answeredAt >= c.offeredAt) {
            waiting += c.offeredAt.secsTo(c.answeredAt);
            ++answered;
        }
        switch (c.outcome) {
        case Outcome::AnsweredDirectly:
            ++f.answeredDirectly;
            break;
        case Outcome::ForwardedByEmail:
            ++f.forwarded;
            break;
        case Outcome::Appointment:
            ++f.appointments;
            break;
        case Outcome::None:
            break;
        }
        const QDateTime local = c.offeredAt.toTimeZone(tz);
        ++f.callsPerHour[static_cast<size_t>(local.time().hour())];
        ++f.callsPerWeekday[static_cast<size_t>(local.date().dayOfWeek() - 1)];
        if (c.talkSeconds() > 0) {
            talk += c.talkSeconds();
            ++talked;
        }
    }
    f.firstContactResolution = f.calls ? double(f.answeredDirectly) / f.calls : 0.0;
    f.averageTalkSeconds = talked ? talk / talked : 0;
    f.averageAnswerSeconds = answered ? waiting / answered : 0;
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        f.topServices.append({it.key(), it.value()});
    }
    std::sort(f.topServices.begin(), f.topServices.end(), [](const ServiceCount &a, const ServiceCount &b) {
        return a.calls != b.calls ? a.calls > b.calls : a.serviceId < b.serviceId;
    });
    if (f.topServices.size() > 10) {
        f.topServices.resize(10);
    }
    const QDateTime t = now();
    for (const CaseRecord &c : queryCases(
             QStringLiteral("created_at >= :from AND created_at < :to"),
             {{QStringLiteral(":from"), from.toMSecsSinceEpoch()}, {QStringLiteral(":to"), to.toMSecsSinceEpoch()}},
             QString())) {
        if (!filter.isEmpty() && !callIds.contains(c.callId)) {
            continue;
        }
        const bool closed = c.state != CaseState::Open;
        if (!closed) {
            ++f.casesOpen;
        }
        if (c.isOverdue(t)) {
            ++f.casesOverdue;
        }
        if (closed || c.deadline < t) {
            ++f.casesDue;
            if (closed && c.closedAt <= c.deadline) {
                ++f.casesInTime;
            }
        }
    }
    f.shareInTime = f.casesDue ? double(f.casesInTime) / f.casesDue : 0.0;
    return f;
}

namespace {
const char *kDeadlinePolicySetting = "deadline_policy";
} // namespace

std::optional<DeadlinePolicy> JournalStore::deadlinePolicy(QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM journal_settings WHERE name = :name"));
    q.bindValue(QStringLiteral(":name"), QString::fromLatin1(kDeadlinePolicySetting));
    if (!hotline::db::exec(q, QStringLiteral("read the deadline policy"), error)) {
        return std::nullopt;
    }
    if (!q.next()) {
        return DeadlinePolicy{};
    }
    QString parseError;
    auto policy = DeadlinePolicy::fromString(q.value(0).toString(), &parseError);
    if (!policy) {
        fail(error, QStringLiteral("the stored deadline policy cannot be read: %1").arg(parseError));
    }
    return policy;
}

bool JournalStore::setDeadlinePolicy(const DeadlinePolicy &policy, QString *error, const QString &updatedBy)
{
    if (!policy.validate(error)) {
        return false;
    }
    const QString value = policy.toString();
    // The string form must read back as the same policy, or the desks would apply something else.
    const auto reread = DeadlinePolicy::fromString(value, nullptr);
    if (!reread || !(*reread == policy)) {
        return fail(error, QStringLiteral("the deadline policy does not read back unchanged: %1").arg(value));
    }
    hotline::db::Transaction tx(m_db, true);
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO journal_settings (name, value, updated_at, updated_by) "
                       "VALUES (:name, :value, :now, :by) ON CONFLICT (name) DO UPDATE SET "
                       "value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by"));
    q.bindValue(QStringLiteral(":name"), QString::fromLatin1(kDeadlinePolicySetting));
    q.bindValue(QStringLiteral(":value"), hotline::db::text(value));
    q.bindValue(QStringLiteral(":now"), now().toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":by"), hotline::db::text(updatedBy));
    if (!hotline::db::exec(q, QStringLiteral("save the deadline policy"), error)) {
        return false;
    }
    return tx.commit(error);
}

} // namespace journal
