// Call model, numbers, line map, agent state and the manual provider: no SIP, no processes.
#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include "agentsession.h"
#include "callbook.h"
#include "clock.h"
#include "engine/inputguard.h"
#include "linemap.h"
#include "manualprovider.h"
#include "phonenumber.h"

using namespace cti;

TEST_CASE("numbers are normalised to E.164 and shown in German national format", "[cti][numbers]")
{
    CHECK(PhoneNumber::toE164(QStringLiteral("+49 341 1234567")) == QStringLiteral("+493411234567"));
    CHECK(PhoneNumber::toE164(QStringLiteral("0049 (341) 123-4567")) == QStringLiteral("+493411234567"));
    CHECK(PhoneNumber::toE164(QStringLiteral("0341/1234567")) == QStringLiteral("+493411234567"));
    CHECK(PhoneNumber::toE164(QStringLiteral("sip:+4934112345@pbx.example;user=phone")) == QStringLiteral("+4934112345"));
    CHECK(PhoneNumber::toE164(QStringLiteral("tel:+43-1-5551234")) == QStringLiteral("+4315551234"));
    CHECK(PhoneNumber::toE164(QStringLiteral("115")) == QStringLiteral("115"));
    CHECK(PhoneNumber::toE164(QStringLiteral("anonymous")).isEmpty());
    CHECK(PhoneNumber::toE164(QStringLiteral("+49abc")).isEmpty());
    NumberingPlan leipzig;
    leipzig.localAreaCode = QStringLiteral("341");
    CHECK(PhoneNumber::toE164(QStringLiteral("1234567"), leipzig) == QStringLiteral("+493411234567"));
    CHECK(PhoneNumber::toE164(QStringLiteral("1234567")) == QStringLiteral("1234567"));

    CHECK(PhoneNumber::formatNational(QStringLiteral("+493411234567")) == QStringLiteral("0341 1234567"));
    CHECK(PhoneNumber::formatNational(QStringLiteral("+49301234567")) == QStringLiteral("030 1234567"));
    CHECK(PhoneNumber::formatNational(QStringLiteral("+498912345")) == QStringLiteral("089 12345"));
    CHECK(PhoneNumber::formatNational(QStringLiteral("+4915112345678")) == QStringLiteral("0151 12345678"));
    CHECK(PhoneNumber::formatNational(QStringLiteral("+49228123456")) == QStringLiteral("0228 123456"));
    CHECK(PhoneNumber::formatNational(QStringLiteral("+4934231234")) == QStringLiteral("03423 1234"));   // Eilenburg
    CHECK(PhoneNumber::formatNational(QStringLiteral("+49342021234")) == QStringLiteral("034202 1234")); // Delitzsch
    CHECK(PhoneNumber::formatNational(QStringLiteral("+4315551234")) == QStringLiteral("+43 15551234"));
    CHECK(PhoneNumber::formatNational(QStringLiteral("115")) == QStringLiteral("115"));
}

TEST_CASE("the line map finds the municipality whatever way the line is written", "[cti][linemap]")
{
    LineMap map;
    QString error;
    REQUIRE(LineMap::fromJson(R"({"lines": {"0341 115-0": "Leipzig", "+4934202115": "Delitzsch", "hotline-eilenburg": "Eilenburg"}})",
                              &map, &error));
    CHECK(map.size() == 3);
    CHECK(map.municipalityFor(QStringLiteral("+493411150")) == QStringLiteral("Leipzig"));
    CHECK(map.municipalityFor(QStringLiteral("sip:03411150@pbx")) == QStringLiteral("Leipzig"));
    CHECK(map.municipalityFor(QStringLiteral("034202115")) == QStringLiteral("Delitzsch"));
    CHECK(map.municipalityFor(QStringLiteral("Hotline-Eilenburg")) == QStringLiteral("Eilenburg"));
    CHECK(map.municipalityFor(QStringLiteral("0341999")).isEmpty());

    CHECK_FALSE(LineMap::fromJson("[1,2]", &map, &error));
    CHECK(error.contains(QStringLiteral("not an object")));
    CHECK_FALSE(LineMap::fromJson(R"({"0341 1150": ""})", &map, &error));
    CHECK(error.contains(QStringLiteral("0341 1150")));
    CHECK_FALSE(LineMap::fromJson("{nope", &map, &error));
    CHECK(error.contains(QStringLiteral("JSON")));
}

TEST_CASE("the call state machine: ringing, talking, hold, ended, with timers", "[cti][callbook]")
{
    ManualClock clock;
    CallBook book(&clock);
    LineMap lines;
    lines.insert(QStringLiteral("+493411150"), QStringLiteral("Leipzig"));
    book.setLineMap(lines);

    auto ring = book.ring(QStringLiteral("c1"), QStringLiteral("sip:+4934112345@pbx"), QStringLiteral("+4934112345"),
                          QStringLiteral("Erika Muster"), QStringLiteral("03411150"));
    REQUIRE(ring);
    CHECK(ring->type == CallEventType::Incoming);
    CHECK(ring->call.callerNumber == QStringLiteral("+4934112345"));
    CHECK(ring->call.callerNumberDisplay == QStringLiteral("0341 12345"));
    CHECK(ring->call.callerName == QStringLiteral("Erika Muster"));
    CHECK(ring->call.municipality == QStringLiteral("Leipzig"));
    CHECK_FALSE(book.ring(QStringLiteral("c1"), {}, {}, {}, {})); // duplicate id
    CHECK_FALSE(book.held(QStringLiteral("c1")));                  // cannot hold a ringing call

    clock.advanceMs(4000);
    REQUIRE(book.answered(QStringLiteral("c1")));
    clock.advanceMs(10000);
    REQUIRE(book.held(QStringLiteral("c1")));
    clock.advanceMs(5000);
    auto resumed = book.resumed(QStringLiteral("c1"));
    REQUIRE(resumed);
    CHECK(resumed->call.holdMs(clock.nowUs()) == 5000);
    clock.advanceMs(20000);
    auto end = book.ended(QStringLiteral("c1"), EndReason::Completed, Party::Remote);
    REQUIRE(end);
    CHECK(end->call.endReason == EndReason::Completed);
    CHECK(end->call.ringingMs(clock.nowUs()) == 4000);
    CHECK(end->call.talkMs(clock.nowUs()) == 30000); // 35 s answered minus 5 s on hold
    CHECK(book.activeCalls().isEmpty());
    CHECK(book.history().size() == 1);

    SECTION("never answered: missed, or declined by the agent")
    {
        book.ring(QStringLiteral("c2"), {}, QStringLiteral("0301234"), {}, {});
        CHECK(book.ended(QStringLiteral("c2"), EndReason::Completed, Party::Remote)->call.endReason == EndReason::Missed);
        book.ring(QStringLiteral("c3"), {}, QStringLiteral("0301234"), {}, {});
        CHECK(book.ended(QStringLiteral("c3"), EndReason::Declined, Party::Agent)->call.endReason == EndReason::Declined);
    }
    SECTION("engine loss drops every active call")
    {
        book.ring(QStringLiteral("c4"), {}, QStringLiteral("0301234"), {}, {});
        book.ring(QStringLiteral("c5"), {}, QStringLiteral("0301235"), {}, {});
        book.answered(QStringLiteral("c5"));
        const QList<CallEvent> dropped = book.dropAll();
        REQUIRE(dropped.size() == 2);
        CHECK(dropped.at(0).call.endReason == EndReason::Dropped);
        CHECK(dropped.at(1).call.id == QStringLiteral("c5"));
        CHECK(book.activeCalls().isEmpty());
    }
}

TEST_CASE("manual call records work without telephony", "[cti][manual]")
{
    ManualClock clock;
    ManualProvider provider({}, &clock);
    QSignalSpy spy(&provider, &TelephonyProvider::callEventOccurred);
    REQUIRE(provider.start(nullptr));
    CHECK_FALSE(provider.supportsIncomingCalls());
    const QString id = provider.startCall(QStringLiteral("0341 1234567"), QStringLiteral("Walk-in"), QStringLiteral("Bürgerbüro"));
    REQUIRE(spy.size() == 1);
    const auto first = spy.at(0).at(0).value<CallEvent>();
    CHECK(first.type == CallEventType::Answered);
    CHECK(first.call.manual);
    CHECK(first.call.callerNumber == QStringLiteral("+493411234567"));
    CHECK(provider.hold(id));
    QString error;
    CHECK_FALSE(provider.hold(id, &error));
    CHECK_FALSE(error.isEmpty());
    CHECK(provider.resume(id));
    clock.advanceMs(60000);
    CHECK(provider.hangUp(id));
    CHECK(spy.last().at(0).value<CallEvent>().call.endReason == EndReason::Completed);
    CHECK(spy.last().at(0).value<CallEvent>().call.talkMs(clock.nowUs()) == 60000);
    CHECK_FALSE(provider.hangUp(id, &error));
    CHECK(error.contains(id));
    CHECK(provider.recentCalls().size() == 1);
}

TEST_CASE("agent state: ready, talking, wrap-up back to ready, not ready refuses calls", "[cti][agent]")
{
    ManualProvider provider;
    AgentSession agent(&provider);
    agent.setWrapUpMs(150);
    QSignalSpy spy(&agent, &AgentSession::statusChanged);
    CHECK(agent.status().state == AgentState::NotReady);
    CHECK_FALSE(provider.isAcceptingCalls());

    agent.setReady();
    CHECK(agent.status().state == AgentState::Ready);
    CHECK(provider.isAcceptingCalls());

    const QString id = provider.startCall(QStringLiteral("030 1234567"));
    CHECK(agent.status().state == AgentState::Talking);
    CHECK_FALSE(provider.isAcceptingCalls());
    agent.setNotReady(QStringLiteral("Pause")); // takes effect after the wrap-up
    CHECK(agent.status().state == AgentState::Talking);
    provider.hangUp(id);
    CHECK(agent.status().state == AgentState::WrapUp);
    CHECK(agent.status().wrapUpEndsUs > agent.status().sinceUs);
    CHECK_FALSE(provider.isAcceptingCalls());
    REQUIRE(QTest::qWaitFor([&] { return agent.status().state != AgentState::WrapUp; }, 2000));
    CHECK(agent.status().state == AgentState::NotReady);
    CHECK(agent.status().reason == QStringLiteral("Pause"));

    agent.setReady();
    const QString second = provider.startCall(QString());
    provider.hangUp(second);
    CHECK(agent.status().state == AgentState::WrapUp);
    agent.finishWrapUp();
    CHECK(agent.status().state == AgentState::Ready);
    CHECK(provider.isAcceptingCalls());
    CHECK(spy.size() >= 7);
}

TEST_CASE("the engine's input guard stops exactly the inputs that make liblinphone deaf or crash", "[cti][guard]")
{
    using cti::engine::GuardVerdict;
    using A = GuardVerdict::Action;
    auto verdict = [](const QByteArray &d) { return cti::engine::inspectSipDatagram(d.constData(), size_t(d.size())); };
    const QByteArray sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                           "m=audio 4000 RTP/AVP 0\r\n";
    auto invite = [&](const QByteArray &headers, const QByteArray &type, const QByteArray &body) {
        return "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\nFrom: <sip:c@d>;tag=1\r\n"
               "To: <sip:a@b>\r\nCall-ID: x1\r\nCSeq: 7 INVITE\r\n" + headers + "Content-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    };
    CHECK(verdict(invite({}, "application/sdp", sdp)).action == A::Pass);
    CHECK(verdict(invite({}, "application/sdp", sdp + "m=foo 4002 RTP/AVP 0\r\n")).action == A::Pass);

    static const char nulText[] = "INVITE sip:a@b SIP/2.0\r\nX: a\0b\r\nContent-Length: 0\r\n\r\n";
    CHECK(verdict(QByteArray(nulText, sizeof(nulText) - 1)).action == A::Drop);
    static const char nulInBodyText[] = "MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 3\r\n\r\na\0b";
    CHECK(verdict(QByteArray(nulInBodyText, sizeof(nulInBodyText) - 1)).action == A::Pass);
    CHECK(verdict("INVITE sip:a@b SIP/2.0\r\nContent-Length: 9999\r\n\r\nabcd").action == A::Drop);
    CHECK(verdict("INVITE sip:a@b SIP/2.0\r\nl: 5\r\n\r\nabcd").action == A::Drop);
    CHECK(verdict("SIP/2.0 200 OK\r\nLocation-Hint: 1\r\nContent-Length: 0\r\n\r\n").action == A::Pass);
    static const char rtpBytes[] = "\x80\x00\x12\x34\0\0\0\0\0\0\0\0payload";
    CHECK(verdict(QByteArray(rtpBytes, sizeof(rtpBytes) - 1)).action == A::Pass);

    QByteArray videoFirst = sdp;
    videoFirst.replace("m=audio", "m=video 4010 RTP/AVP 96\r\nm=audio");
    const GuardVerdict v = verdict(invite({}, "application/sdp", videoFirst));
    CHECK(v.action == A::Reject);
    CHECK(v.status == 488);
    CHECK(verdict(invite({}, "multipart/mixed;boundary=\"b\"", "--b\r\n\r\n" + sdp)).status == 415);
    CHECK(verdict(invite("From: <sip:" + QByteArray(3000, 'b') + "@d>;tag=2\r\n", "application/sdp", sdp)).status == 400);
    QByteArray subscribe = invite("Event: presence\r\n", "text/plain", "x");
    subscribe.replace("INVITE sip", "SUBSCRIBE sip").replace("7 INVITE", "7 SUBSCRIBE");
    CHECK(verdict(subscribe).status == 489);

    const QByteArray request = invite({}, "application/sdp", videoFirst);
    const std::string response = cti::engine::buildRejection(request.constData(), size_t(request.size()), 488, "Not Acceptable Here");
    const QByteArray r = QByteArray::fromStdString(response);
    CHECK(r.startsWith("SIP/2.0 488 Not Acceptable Here\r\n"));
    CHECK(r.contains("Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n"));
    CHECK(r.contains("To: <sip:a@b>;tag=hg"));
    CHECK(r.contains("Call-ID: x1\r\nCSeq: 7 INVITE\r\n"));
    CHECK(r.endsWith("Content-Length: 0\r\n\r\n"));
    CHECK(cti::engine::buildRejection("INVITE sip:a@b SIP/2.0\r\n\r\n", 26, 400, "Bad").empty());

    QByteArray folded = "OPTIONS sip:a@b SIP/2.0\r\nSubject: one\r\n two\r\n\tthree\r\nContent-Length: 4\r\n\r\nab\r\n";
    CHECK(cti::engine::unfoldHeaders(folded.data(), size_t(folded.size())) == 2);
    CHECK(folded == "OPTIONS sip:a@b SIP/2.0\r\nSubject: one   two  \tthree\r\nContent-Length: 4\r\n\r\nab\r\n");
}
