// bench_cti: telephony figures for docs/benchmarks.md.
//  1. INVITE datagram sent → incoming-call event delivered in this (the desk) process, p50/p99, beside a baseline:
//     the same datagram sent to a plain QUdpSocket in this process (the floor of loopback + event loop).
//  2. Engine restart after SIGKILL (kill → EngineRestarted event), beside the engine's cold start.
//  3. Engine memory (VmRSS) after start and after the calls, beside this process's own RSS.
// Usage: bench_cti [--calls N] [--kills N]
#include "benchstats.h"

#include <algorithm>
#include <csignal>

#include <sys/types.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUdpSocket>

#include "sipprovider.h"

using namespace cti;

namespace {

QTextStream out(stdout);

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// p in percent, as the report prints it.
double percentile(const QList<double> &v, double p)
{
    return bench::percentile(std::vector<double>(v.begin(), v.end()), p / 100.0);
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

QByteArray invite(int port, int fromPort, int n)
{
    const QByteArray sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                           "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    const QByteArray id =
        "bench-" + QByteArray::number(n) + "-" + QByteArray::number(QCoreApplication::applicationPid());
    return "INVITE sip:agent@127.0.0.1:" + QByteArray::number(port) + " SIP/2.0\r\n" +
           "Via: SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(fromPort) + ";branch=z9hG4bK" + id + "\r\n" +
           "Max-Forwards: 70\r\nFrom: <sip:+4934112345@127.0.0.1>;tag=b" + QByteArray::number(n) +
           "\r\nTo: <sip:agent@127.0.0.1>\r\nCall-ID: " + id + "\r\nCSeq: 1 INVITE\r\n" +
           "Contact: <sip:+4934112345@127.0.0.1:" + QByteArray::number(fromPort) + ">\r\n" +
           "Content-Type: application/sdp\r\nContent-Length: " + QByteArray::number(sdp.size()) + "\r\n\r\n" + sdp;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto intArg = [&](const QString &name, int fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
    };
    const int calls = intArg(QStringLiteral("--calls"), 200);
    const int kills = intArg(QStringLiteral("--kills"), 10);

    QTemporaryDir dir;
    SipSettings settings;
    settings.dataDir = dir.path();
    settings.account.port = 0;
    settings.useFiles = true;
    SipProvider provider(settings);
    QList<CallEvent> events;
    QList<ProviderEvent> providerEvents;
    QElapsedTimer clock;
    clock.start();
    qint64 lastIncomingNs = 0;
    QObject::connect(&provider, &TelephonyProvider::callEventOccurred, &app, [&](const CallEvent &e) {
        if (e.type == CallEventType::Incoming) {
            lastIncomingNs = clock.nsecsElapsed();
        }
        events.append(e);
    });
    QObject::connect(&provider, &TelephonyProvider::providerEventOccurred, &app,
                     [&](const ProviderEvent &e) { providerEvents.append(e); });

    QString error;
    const qint64 coldStartBegin = clock.nsecsElapsed();
    if (!provider.start(&error) || !waitFor([&] { return provider.isEngineReady(); }, 15000)) {
        out << "bench_cti: engine did not start: " << error << Qt::endl;
        return 1;
    }
    const double coldStartMs = double(clock.nsecsElapsed() - coldStartBegin) / 1e6;
    const int port = provider.sipPort();
    const qint64 rssStart = rssKb(provider.enginePid());

    // 1a. Baseline: loopback datagram into this process's event loop.
    QUdpSocket sender;
    sender.bind(QHostAddress::LocalHost, 0);
    QUdpSocket sink;
    sink.bind(QHostAddress::LocalHost, 0);
    qint64 sinkNs = 0;
    QObject::connect(&sink, &QUdpSocket::readyRead, &app, [&] {
        while (sink.hasPendingDatagrams()) {
            sink.receiveDatagram();
        }
        sinkNs = clock.nsecsElapsed();
    });
    QList<double> baseline;
    for (int i = 0; i < calls; ++i) {
        sinkNs = 0;
        const QByteArray d = invite(sink.localPort(), sender.localPort(), i);
        const qint64 sent = clock.nsecsElapsed();
        sender.writeDatagram(d, QHostAddress::LocalHost, sink.localPort());
        waitFor([&] { return sinkNs != 0; }, 1000);
        baseline.append(double(sinkNs - sent) / 1e6);
    }

    // 1b. INVITE → incoming-call event through the engine process.
    QList<double> popMs;
    int lost = 0;
    for (int i = 0; i < calls; ++i) {
        lastIncomingNs = 0;
        const QByteArray d = invite(port, sender.localPort(), i);
        const qint64 sent = clock.nsecsElapsed();
        sender.writeDatagram(d, QHostAddress::LocalHost, quint16(port));
        if (!waitFor([&] { return lastIncomingNs != 0; }, 2000)) {
            ++lost;
            continue;
        }
        popMs.append(double(lastIncomingNs - sent) / 1e6);
        const QString id = events.constLast().call.id;
        provider.decline(id);
        waitFor([&] { return provider.activeCalls().isEmpty(); }, 2000);
        while (sender.hasPendingDatagrams()) {
            sender.receiveDatagram();
        }
    }
    const qint64 rssAfterCalls = rssKb(provider.enginePid());

    // 2. Restart after SIGKILL.
    QList<double> restartMs;
    for (int i = 0; i < kills; ++i) {
        const qsizetype before = providerEvents.size();
        const qint64 pid = provider.enginePid();
        const qint64 t0 = clock.nsecsElapsed();
        ::kill(pid_t(pid), SIGKILL);
        const bool ok = waitFor(
            [&] {
                for (qsizetype j = before; j < providerEvents.size(); ++j) {
                    if (providerEvents.at(j).type == ProviderEventType::EngineRestarted) {
                        return true;
                    }
                }
                return false;
            },
            5000);
        if (ok) {
            restartMs.append(double(clock.nsecsElapsed() - t0) / 1e6);
        }
        waitFor([] { return false; }, 100); // let the new engine settle
    }
    const qint64 rssRestarted = rssKb(provider.enginePid());
    const qint64 rssSelf = rssKb(QCoreApplication::applicationPid());

    out.setRealNumberNotation(QTextStream::FixedNotation);
    out.setRealNumberPrecision(3);
    out << "Telephony (bench_cti, " << calls << " INVITEs, " << kills << " kills, loopback)\n";
    out << "  baseline  datagram -> QUdpSocket in this process   p50 " << percentile(baseline, 50) << " ms  p99 "
        << percentile(baseline, 99) << " ms\n";
    out << "  INVITE -> incoming-call event in desk process       p50 " << percentile(popMs, 50) << " ms  p99 "
        << percentile(popMs, 99) << " ms  max " << percentile(popMs, 100) << " ms  (" << lost << " lost)\n";
    out << "  baseline  engine cold start (launch -> ready)       " << coldStartMs << " ms\n";
    out << "  engine restart after SIGKILL (kill -> event)        p50 " << percentile(restartMs, 50) << " ms  max "
        << percentile(restartMs, 100) << " ms  (" << restartMs.size() << "/" << kills << ")\n";
    out << "  engine RSS: after start " << rssStart / 1024.0 << " MiB, after " << calls << " calls "
        << rssAfterCalls / 1024.0 << " MiB, after restarts " << rssRestarted / 1024.0 << " MiB\n";
    out << "  baseline  desk-side process RSS (this bench)        " << rssSelf / 1024.0 << " MiB\n";
    out.flush();
    provider.stop();
    return lost == 0 && restartMs.size() == kills ? 0 : 2;
}
