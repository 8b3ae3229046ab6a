#include "journalqueue.h"

#include "dbsupport.h"
#include "journalstore.h"

#include "pgstore.h"
#include "replicasync.h"

#include <QJsonArray>

namespace journal {

namespace {

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeFrom(const QJsonValue &v)
{
    if (!v.isString()) {
        return {};
    }
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
}

} // namespace

QJsonObject callToJson(const CallRecord &call)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), call.id);
    o.insert(QStringLiteral("offeredAt"), timeValue(call.offeredAt));
    o.insert(QStringLiteral("answeredAt"), timeValue(call.answeredAt));
    o.insert(QStringLiteral("endedAt"), timeValue(call.endedAt));
    o.insert(QStringLiteral("callerNumber"), call.callerNumber);
    o.insert(QStringLiteral("line"), call.line);
    o.insert(QStringLiteral("municipality"), call.municipality);
    o.insert(QStringLiteral("agent"), call.agent);
    o.insert(QStringLiteral("serviceIds"), QJsonArray::fromStringList(call.serviceIds));
    o.insert(QStringLiteral("notes"), call.notes);
    o.insert(QStringLiteral("outcome"), outcomeName(call.outcome));
    o.insert(QStringLiteral("noDataKept"), call.noDataKept);
    o.insert(QStringLiteral("caseNumber"), call.caseNumber);
    o.insert(QStringLiteral("appointmentId"), call.appointmentId);
    return o;
}

bool callFromJson(const QJsonObject &o, CallRecord *call, QString *error)
{
    CallRecord c;
    c.id = o.value(QStringLiteral("id")).toString();
    if (c.id.isEmpty()) {
        return fail(error, QStringLiteral("queued call without \"id\""));
    }
    c.offeredAt = timeFrom(o.value(QStringLiteral("offeredAt")));
    if (!c.offeredAt.isValid()) {
        return fail(error, QStringLiteral("queued call %1 without a valid \"offeredAt\"").arg(c.id));
    }
    c.answeredAt = timeFrom(o.value(QStringLiteral("answeredAt")));
    c.endedAt = timeFrom(o.value(QStringLiteral("endedAt")));
    c.callerNumber = o.value(QStringLiteral("callerNumber")).toString();
    c.line = o.value(QStringLiteral("line")).toString();
    c.municipality = o.value(QStringLiteral("municipality")).toString();
    c.agent = o.value(QStringLiteral("agent")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("serviceIds")).toArray()) {
        c.serviceIds.append(v.toString());
    }
    c.notes = o.value(QStringLiteral("notes")).toString();
    const QString outcome = o.value(QStringLiteral("outcome")).toString();
    c.outcome = outcomeFromName(outcome);
    if (c.outcome == Outcome::None && !outcome.isEmpty()) {
        return fail(error, QStringLiteral("queued call %1 has an unknown outcome \"%2\"").arg(c.id, outcome));
    }
    c.noDataKept = o.value(QStringLiteral("noDataKept")).toBool();
    c.caseNumber = o.value(QStringLiteral("caseNumber")).toString();
    c.appointmentId = o.value(QStringLiteral("appointmentId")).toString();
    *call = c;
    return true;
}

QJsonObject forwardRequestToJson(const ForwardRequest &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("fromEmail"), r.fromEmail);
    o.insert(QStringLiteral("fromName"), r.fromName);
    o.insert(QStringLiteral("officeId"), r.officeId);
    o.insert(QStringLiteral("officeName"), r.officeName);
    o.insert(QStringLiteral("officeEmail"), r.officeEmail);
    o.insert(QStringLiteral("serviceId"), r.serviceId);
    o.insert(QStringLiteral("serviceTitle"), r.serviceTitle);
    o.insert(QStringLiteral("question"), r.question);
    o.insert(QStringLiteral("callbackName"), r.callbackName);
    o.insert(QStringLiteral("callbackPhone"), r.callbackPhone);
    o.insert(QStringLiteral("callbackEmail"), r.callbackEmail);
    o.insert(QStringLiteral("callbackConsent"), r.callbackConsent);
    o.insert(QStringLiteral("deadline"), timeValue(r.deadline));
    o.insert(QStringLiteral("remindAt"), timeValue(r.remindAt));
    o.insert(QStringLiteral("agent"), r.agent);
    return o;
}

bool forwardRequestFromJson(const QJsonObject &o, ForwardRequest *request, QString *error)
{
    ForwardRequest r;
    r.fromEmail = o.value(QStringLiteral("fromEmail")).toString();
    r.fromName = o.value(QStringLiteral("fromName")).toString();
    r.officeId = o.value(QStringLiteral("officeId")).toString();
    r.officeName = o.value(QStringLiteral("officeName")).toString();
    r.officeEmail = o.value(QStringLiteral("officeEmail")).toString();
    r.serviceId = o.value(QStringLiteral("serviceId")).toString();
    r.serviceTitle = o.value(QStringLiteral("serviceTitle")).toString();
    r.question = o.value(QStringLiteral("question")).toString();
    r.callbackName = o.value(QStringLiteral("callbackName")).toString();
    r.callbackPhone = o.value(QStringLiteral("callbackPhone")).toString();
    r.callbackEmail = o.value(QStringLiteral("callbackEmail")).toString();
    r.callbackConsent = o.value(QStringLiteral("callbackConsent")).toBool();
    r.deadline = timeFrom(o.value(QStringLiteral("deadline")));
    r.remindAt = timeFrom(o.value(QStringLiteral("remindAt")));
    r.agent = o.value(QStringLiteral("agent")).toString();
    *request = r;
    return validateForward(r, error);
}

QJsonObject commitPayload(const CallRecord &call)
{
    return QJsonObject{{QStringLiteral("call"), callToJson(call)}};
}

QJsonObject forwardPayload(const CallRecord &call, const ForwardRequest &request)
{
    return QJsonObject{{QStringLiteral("call"), callToJson(call)},
                       {QStringLiteral("request"), forwardRequestToJson(request)}};
}

void registerServerWriteKinds(kb::ReplicaSync &sync, const PrivacySettings &privacy)
{
    sync.registerWriteKind(QLatin1String(serverwrite::CommitCall),
                           [privacy](kb::PgStore &server, const QJsonObject &payload, QString *error) {
                               CallRecord call;
                               if (!callFromJson(payload.value(QStringLiteral("call")).toObject(), &call, error)) {
                                   return false;
                               }
                               QSqlDatabase db = server.database();
                               auto store = JournalStore::openOn(db, error);
                               if (!store) {
                                   return false;
                               }
                               store->setPrivacy(privacy);
                               const hotline::db::OuterTransaction outer(db);
                               return store->commitCall(call, error);
                           });
    sync.registerWriteKind(QLatin1String(serverwrite::Forward),
                           [privacy](kb::PgStore &server, const QJsonObject &payload, QString *error) {
                               CallRecord call;
                               ForwardRequest request;
                               if (!callFromJson(payload.value(QStringLiteral("call")).toObject(), &call, error)
                                   || !forwardRequestFromJson(payload.value(QStringLiteral("request")).toObject(),
                                                              &request, error)) {
                                   return false;
                               }
                               QSqlDatabase db = server.database();
                               auto store = JournalStore::openOn(db, error);
                               if (!store) {
                                   return false;
                               }
                               store->setPrivacy(privacy);
                               const hotline::db::OuterTransaction outer(db);
                               ForwardResult result;
                               return store->commitForward(call, request, &result, error);
                           });
}

} // namespace journal
