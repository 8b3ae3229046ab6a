#include "journalfixture.h"

#include "journalstore.h"

#include <catch2/catch.hpp>

namespace testfixture {

QString commitForward(journal::JournalStore *store, const QDateTime &deadline, const QDateTime &remindAt)
{
    journal::CallRecord call;
    call.offeredAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    call.answeredAt = call.offeredAt;
    call.endedAt = call.offeredAt.addSecs(120);
    call.callerNumber = QStringLiteral("+4935112345");
    call.agent = QStringLiteral("agent7");
    QString error;
    const bool saved = store->saveDraft(call, &error);
    INFO(error.toStdString());
    REQUIRE(saved);
    journal::ForwardRequest r;
    r.fromEmail = QStringLiteral("buergertelefon@example.org");
    r.officeEmail = QStringLiteral("buergerbuero.kvr@muenchen.de");
    r.officeName = QStringLiteral("Bürgerbüro Ruppertstraße");
    r.serviceId = QStringLiteral("1063441");
    r.serviceTitle = QStringLiteral("Personalausweis & Reisepass");
    r.question = QStringLiteral("Frage");
    r.callbackPhone = QStringLiteral("0351 12345");
    r.callbackConsent = true;
    r.deadline = deadline;
    r.remindAt = remindAt;
    journal::ForwardResult result;
    const bool committed = store->commitForward(call, r, &result, &error);
    INFO(error.toStdString());
    REQUIRE(committed);
    return result.caseNumber;
}

} // namespace testfixture
