#include "sipprovider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QTimer>

#include "clock.h"
#include "ctilogging.h"
#include "engineprotocol.h"

namespace cti {

namespace P = EngineProtocol;

QString toString(SipTransport transport)
{
    switch (transport) {
    case SipTransport::Udp:
        return QStringLiteral("udp");
    case SipTransport::Tcp:
        return QStringLiteral("tcp");
    case SipTransport::Tls:
        return QStringLiteral("tls");
    }
    return {};
}

bool parseTransport(const QString &text, SipTransport *transport)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("udp")) {
        *transport = SipTransport::Udp;
    } else if (t == QLatin1String("tcp")) {
        *transport = SipTransport::Tcp;
    } else if (t == QLatin1String("tls")) {
        *transport = SipTransport::Tls;
    } else {
        return false;
    }
    return true;
}

bool SipProvider::checkTlsSettings(const SipAccount &account, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    if (account.transport != SipTransport::Tls) {
        return true;
    }
    if (account.registrar.isEmpty()) {
        return fail(tr("SIP over TLS needs a registrar: the SIP engine cannot accept incoming TLS connections. "
                       "Enter the registrar or choose UDP or TCP."));
    }
    const QList<std::pair<QString, QString>> files = {{account.tlsCaFile, tr("CA certificate")},
                                                      {account.tlsCertFile, tr("client certificate")},
                                                      {account.tlsKeyFile, tr("client key")}};
    for (const auto &[path, what] : files) {
        if (!path.isEmpty() && !QFileInfo(path).isReadable()) {
            return fail(tr("The TLS %1 file \"%2\" does not exist or is not readable.").arg(what, path));
        }
    }
    if (account.tlsCertFile.isEmpty() != account.tlsKeyFile.isEmpty()) {
        return fail(tr("A TLS client certificate needs its key and the other way round."));
    }
    return true;
}

SipProvider::SipProvider(const SipSettings &settings, const Clock *clock, QObject *parent)
    : TelephonyProvider(parent), m_settings(settings), m_book(clock), m_server(new QLocalServer(this)),
      m_heartbeat(new QTimer(this)), m_launchTimeout(new QTimer(this)), m_relaunch(new QTimer(this))
{
    m_book.setNumberingPlan(settings.numberingPlan);
    m_book.setLineMap(settings.lineMap);
    m_boundPort = settings.account.port;
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SipProvider::handleNewConnection);
    m_heartbeat->setInterval(settings.heartbeatIntervalMs);
    connect(m_heartbeat, &QTimer::timeout, this, &SipProvider::handleHeartbeat);
    m_launchTimeout->setSingleShot(true);
    connect(m_launchTimeout, &QTimer::timeout, this, [this] {
        handleEngineFailure(QStringLiteral("engine not ready within %1 ms").arg(m_settings.startTimeoutMs));
    });
    m_relaunch->setSingleShot(true);
    connect(m_relaunch, &QTimer::timeout, this, &SipProvider::launchEngine);
}

SipProvider::~SipProvider()
{
    // Silent: receivers may already be gone. Call stop() first to get the final events (dropped calls, Stopped).
    const QSignalBlocker blocker(this);
    stop();
}

QString SipProvider::backendName() const
{
    return QStringLiteral("sip");
}

QString SipProvider::resolveEnginePath() const
{
    if (!m_settings.enginePath.isEmpty()) {
        return m_settings.enginePath;
    }
    const QString fromEnv = qEnvironmentVariable("HOTLINE_SIP_ENGINE");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/hotline-sip-engine");
    if (QFileInfo(beside).isExecutable()) {
        return beside;
    }
#ifdef HOTLINE_ENGINE_BUILD_PATH
    return QStringLiteral(HOTLINE_ENGINE_BUILD_PATH);
#else
    return beside;
#endif
}

QString SipProvider::enginePath() const
{
    return resolveEnginePath();
}

bool SipProvider::start(QString *error)
{
    if (m_phase != Phase::Stopped) {
        return true;
    }
    if (m_settings.dataDir.isEmpty() || !QDir().mkpath(m_settings.dataDir)) {
        if (error) {
            *error = tr("Cannot create the telephony data folder \"%1\".").arg(m_settings.dataDir);
        }
        return false;
    }
    if (!checkTlsSettings(m_settings.account, error)) {
        return false;
    }
    const QString path = resolveEnginePath();
    if (!QFileInfo(path).isExecutable()) {
        if (error) {
            *error = tr("The SIP engine \"%1\" is missing or not executable.").arg(path);
        }
        return false;
    }
    const QString name = QStringLiteral("hotline-sip-%1-%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QRandomGenerator::global()->generate64(), 0, 16);
    if (!m_server->listen(name)) {
        if (error) {
            *error = tr("Cannot open the local socket for the SIP engine: %1").arg(m_server->errorString());
        }
        return false;
    }
    m_phase = Phase::Launching;
    launchEngine();
    return true;
}

void SipProvider::stop()
{
    if (m_phase == Phase::Stopped) {
        return;
    }
    m_phase = Phase::Stopped;
    m_heartbeat->stop();
    m_launchTimeout->stop();
    m_relaunch->stop();
    for (const CallEvent &e : m_book.dropAll()) {
        Q_EMIT callEventOccurred(e);
    }
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_socket->state() == QLocalSocket::ConnectedState) {
            m_socket->write(P::encode({{QStringLiteral("t"), QLatin1String(P::Shutdown)}}));
            m_socket->flush();
        }
        m_socket->deleteLater();
    }
    if (m_process) {
        m_process->disconnect(this);
        // A clean shutdown un-registers; give it a moment, then make sure it is gone.
        if (!m_process->waitForFinished(1000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
        delete m_process;
    }
    m_server->close();
    m_pid = 0;
    emitProviderEvent(ProviderEventType::Stopped, QStringLiteral("stopped"));
}

void SipProvider::launchEngine()
{
    if (m_phase == Phase::Stopped) {
        return;
    }
    m_phase = Phase::Launching;
    m_buffer.clear();
    auto *process = new QProcess(this);
    m_process = process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    connect(process, &QProcess::readyReadStandardOutput, this, [process] {
        const QList<QByteArray> lines = process->readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.trimmed().isEmpty()) {
                qCDebug(lcCtiEngine).noquote() << QString::fromUtf8(line);
            }
        }
    });
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
        if (process != m_process) {
            process->deleteLater();
            return;
        }
        handleEngineFailure(status == QProcess::CrashExit ? QStringLiteral("engine crashed")
                                                          : QStringLiteral("engine exited with code %1").arg(code));
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart && process == m_process) {
            handleEngineFailure(QStringLiteral("engine failed to start: %1").arg(process->errorString()));
        }
    });
    m_launchTimeout->start(m_settings.startTimeoutMs);
    process->start(resolveEnginePath(), {QStringLiteral("--server"), m_server->fullServerName()});
    m_pid = process->processId();
    qCDebug(lcCtiSip) << "engine launched, pid" << m_pid;
}

void SipProvider::handleNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_socket = socket;
        m_buffer.clear();
        m_lastHeard.start();
        connect(socket, &QLocalSocket::readyRead, this, &SipProvider::handleSocketData);
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            if (socket == m_socket) {
                handleEngineFailure(QStringLiteral("engine closed the connection"));
            }
        });
    }
}

void SipProvider::handleSocketData()
{
    if (!m_socket) {
        return;
    }
    m_lastHeard.start();
    m_buffer.append(m_socket->readAll());
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 1);
        QJsonObject message;
        QString error;
        if (!P::decode(line, &message, &error)) {
            handleEngineFailure(QStringLiteral("protocol error: %1").arg(error));
            return;
        }
        handleEngineMessage(message);
        if (!m_socket) {
            return; // the message made us restart the engine
        }
    }
    if (m_buffer.size() > P::MaxLineBytes) {
        handleEngineFailure(QStringLiteral("protocol error: line longer than %1 bytes").arg(P::MaxLineBytes));
    }
}

void SipProvider::sendToEngine(const QJsonObject &message)
{
    if (m_socket && m_socket->state() == QLocalSocket::ConnectedState) {
        m_socket->write(P::encode(message));
        m_socket->flush();
    }
}

void SipProvider::handleEngineMessage(const QJsonObject &m)
{
    const QString type = m.value(QLatin1String("t")).toString();
    if (type == QLatin1String(P::Pong)) {
        return;
    }
    if (type == QLatin1String(P::Hello)) {
        const int version = m.value(QLatin1String("v")).toInt();
        if (version != P::Version) {
            handleEngineFailure(
                QStringLiteral("engine speaks protocol version %1, this desk %2").arg(version).arg(P::Version));
            return;
        }
        m_pid = m.value(QLatin1String("pid")).toInteger(m_pid);
        const SipAccount &a = m_settings.account;
        sendToEngine({{QStringLiteral("t"), QLatin1String(P::Configure)},
                      {QStringLiteral("data_dir"), m_settings.dataDir},
                      {QStringLiteral("user"), a.user},
                      {QStringLiteral("domain"), a.domain},
                      {QStringLiteral("display_name"), a.displayName},
                      {QStringLiteral("password"), a.password},
                      {QStringLiteral("transport"), toString(a.transport)},
                      {QStringLiteral("registrar"), a.registrar},
                      {QStringLiteral("tls_ca_file"), a.tlsCaFile},
                      {QStringLiteral("tls_verify"), a.tlsVerify},
                      {QStringLiteral("tls_cert_file"), a.tlsCertFile},
                      {QStringLiteral("tls_key_file"), a.tlsKeyFile},
                      {QStringLiteral("port"), m_boundPort},
                      {QStringLiteral("expires"), a.registerExpiresS},
                      {QStringLiteral("use_files"), m_settings.useFiles},
                      {QStringLiteral("input_device"), m_settings.inputDevice},
                      {QStringLiteral("output_device"), m_settings.outputDevice},
                      {QStringLiteral("ring_timeout_s"), m_settings.ringTimeoutS},
                      {QStringLiteral("accepting"), m_accepting},
                      {QStringLiteral("single_call"), m_settings.singleCall},
                      {QStringLiteral("debug"), m_settings.engineDebugLog}});
        return;
    }
    if (type == QLatin1String(P::Ready)) {
        m_launchTimeout->stop();
        m_phase = Phase::Ready;
        m_failuresInRow = 0;
        m_boundPort = m.value(QLatin1String("port")).toInt();
        m_devices.clear();
        const QJsonArray devices = m.value(QLatin1String("audio_devices")).toArray();
        for (const QJsonValue &v : devices) {
            const QJsonObject d = v.toObject();
            const QJsonArray caps = d.value(QLatin1String("capabilities")).toArray();
            m_devices.append({d.value(QLatin1String("id")).toString(), d.value(QLatin1String("name")).toString(),
                              caps.contains(QStringLiteral("record")), caps.contains(QStringLiteral("play"))});
        }
        m_lastHeard.start();
        m_heartbeat->start();
        if (m_recovering) {
            m_recovering = false;
            ProviderEvent e;
            e.type = ProviderEventType::EngineRestarted;
            e.message = QStringLiteral("SIP engine restarted");
            e.droppedCallIds = m_droppedIds;
            e.restarts = m_restarts;
            e.downtimeMs = m_failureClock.isValid() ? m_failureClock.elapsed() : 0;
            e.sipPort = m_boundPort;
            e.timestampUs = m_book.clock()->nowUs();
            m_droppedIds.clear();
            m_failureClock.invalidate();
            qCInfo(lcCtiSip) << "engine restarted in" << e.downtimeMs << "ms, pid" << m_pid;
            Q_EMIT providerEventOccurred(e);
        } else {
            emitProviderEvent(ProviderEventType::Started, QStringLiteral("SIP engine ready"));
        }
        return;
    }
    if (type == QLatin1String(P::CallMsg)) {
        handleCallMessage(m);
        return;
    }
    if (type == QLatin1String("muted")) {
        emitCallEvent(
            m_book.muteChanged(m.value(QLatin1String("id")).toString(), m.value(QLatin1String("on")).toBool()));
        return;
    }
    if (type == QLatin1String("transfer")) {
        if (m.value(QLatin1String("state")).toString() == QLatin1String("failed")) {
            emitProviderEvent(ProviderEventType::Error,
                              QStringLiteral("transfer of %1 failed").arg(m.value(QLatin1String("id")).toString()));
        }
        return;
    }
    if (type == QLatin1String(P::Registration)) {
        m_registration = m.value(QLatin1String("state")).toString();
        ProviderEvent e;
        e.type = ProviderEventType::RegistrationChanged;
        e.registrationState = m_registration;
        e.message = m.value(QLatin1String("message")).toString();
        e.restarts = m_restarts;
        e.timestampUs = m_book.clock()->nowUs();
        Q_EMIT providerEventOccurred(e);
        return;
    }
    if (type == QLatin1String(P::Error)) {
        emitProviderEvent(ProviderEventType::Error, m.value(QLatin1String("message")).toString());
        return;
    }
    if (type == QLatin1String(P::Fatal)) {
        const QString message = m.value(QLatin1String("message")).toString();
        emitProviderEvent(ProviderEventType::EngineFailed, message);
        handleEngineFailure(QStringLiteral("engine gave up: %1").arg(message));
        return;
    }
    qCDebug(lcCtiSip) << "ignoring engine message of type" << type;
}

void SipProvider::handleCallMessage(const QJsonObject &m)
{
    const QString id = m.value(QLatin1String("id")).toString();
    const QString state = m.value(QLatin1String("state")).toString();
    const QString fromUri = m.value(QLatin1String("from_uri")).toString();
    const QString fromUser = m.value(QLatin1String("from_user")).toString();
    const QString name = m.value(QLatin1String("display_name")).toString();
    const QString to = m.value(QLatin1String("to_user")).toString();
    if (state == QLatin1String("incoming")) {
        emitCallEvent(m_book.ring(id, fromUri, fromUser, name, to));
    } else if (state == QLatin1String("refused")) {
        emitCallEvent(m_book.refused(fromUri, fromUser, name, to, id));
    } else if (state == QLatin1String("talking")) {
        const auto call = m_book.call(id);
        if (call && call->state == CallState::OnHold) {
            emitCallEvent(m_book.resumed(id));
        } else {
            emitCallEvent(m_book.answered(id));
        }
    } else if (state == QLatin1String("held")) {
        emitCallEvent(m_book.held(id));
    } else if (state == QLatin1String("ended")) {
        const QString reason = m.value(QLatin1String("reason")).toString();
        const Party by =
            m.value(QLatin1String("by")).toString() == QLatin1String("agent") ? Party::Agent : Party::Remote;
        EndReason r = EndReason::Completed;
        if (reason == QLatin1String("declined")) {
            r = EndReason::Declined;
        } else if (reason == QLatin1String("missed")) {
            r = EndReason::Missed;
        } else if (reason == QLatin1String("transferred")) {
            r = EndReason::Transferred;
        } else if (reason == QLatin1String("dropped")) {
            r = EndReason::Dropped;
        }
        emitCallEvent(m_book.ended(id, r, by));
    }
}

void SipProvider::handleHeartbeat()
{
    if (m_phase != Phase::Ready) {
        return;
    }
    if (m_lastHeard.isValid() && m_lastHeard.elapsed() > m_settings.heartbeatTimeoutMs) {
        handleEngineFailure(QStringLiteral("engine stopped answering (%1 ms)").arg(m_lastHeard.elapsed()));
        return;
    }
    sendToEngine({{QStringLiteral("t"), QLatin1String(P::Ping)}, {QStringLiteral("seq"), qint64(++m_pingSeq)}});
}

void SipProvider::handleEngineFailure(const QString &reason)
{
    if (m_phase == Phase::Stopped || m_phase == Phase::WaitingToRelaunch) {
        return;
    }
    qCWarning(lcCtiSip).noquote() << "SIP engine failure:" << reason;
    const bool wasReady = m_phase == Phase::Ready;
    m_phase = Phase::WaitingToRelaunch;
    m_heartbeat->stop();
    m_launchTimeout->stop();
    if (!m_failureClock.isValid()) {
        m_failureClock.start();
    }
    m_recovering = true;
    ++m_restarts;
    // Calls that were up are gone with the engine: record them as dropped now, the agent sees it at once.
    for (const CallEvent &e : m_book.dropAll()) {
        m_droppedIds.append(e.call.id);
        Q_EMIT callEventOccurred(e);
    }
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    // A first failure relaunches at once; repeated failures without ever getting ready back off (a port taken
    // by another program must not turn into a fork loop).
    const int delay = wasReady ? 0 : qMin(5000, 50 << qMin(m_failuresInRow, 7));
    ++m_failuresInRow;
    QProcess *old = m_process;
    m_process = nullptr;
    if (old && old->state() != QProcess::NotRunning) {
        // Wait for the old engine to be gone (it holds the SIP port) before the next one binds it.
        connect(old, &QProcess::finished, this, [this, delay] {
            if (m_phase == Phase::WaitingToRelaunch) {
                m_relaunch->start(delay);
            }
        });
        connect(old, &QProcess::finished, old, &QObject::deleteLater);
        old->kill();
    } else {
        if (old) {
            old->deleteLater();
        }
        m_relaunch->start(delay);
    }
}

void SipProvider::emitCallEvent(const std::optional<CallEvent> &event)
{
    if (event) {
        Q_EMIT callEventOccurred(*event);
    }
}

void SipProvider::emitProviderEvent(ProviderEventType type, const QString &message)
{
    ProviderEvent e;
    e.type = type;
    e.message = message;
    e.restarts = m_restarts;
    e.sipPort = m_boundPort;
    e.timestampUs = m_book.clock()->nowUs();
    Q_EMIT providerEventOccurred(e);
}

bool SipProvider::isRunning() const
{
    return m_phase != Phase::Stopped;
}

bool SipProvider::supportsIncomingCalls() const
{
    return true;
}

QList<Call> SipProvider::activeCalls() const
{
    return m_book.activeCalls();
}

QList<Call> SipProvider::recentCalls() const
{
    return m_book.history();
}

bool SipProvider::sendCallCommand(const char *type, const QString &callId, QJsonObject extra, QString *error)
{
    if (!m_book.call(callId)) {
        if (error) {
            *error = tr("No active call with id \"%1\".").arg(callId);
        }
        return false;
    }
    if (m_phase != Phase::Ready) {
        if (error) {
            *error = tr("The phone is reconnecting; try again in a moment.");
        }
        return false;
    }
    extra.insert(QStringLiteral("t"), QLatin1String(type));
    extra.insert(QStringLiteral("id"), callId);
    sendToEngine(extra);
    return true;
}

bool SipProvider::answer(const QString &callId, QString *error)
{
    return sendCallCommand(P::Answer, callId, {}, error);
}

bool SipProvider::decline(const QString &callId, QString *error)
{
    return sendCallCommand(P::Decline, callId, {}, error);
}

bool SipProvider::hold(const QString &callId, QString *error)
{
    return sendCallCommand(P::Hold, callId, {}, error);
}

bool SipProvider::resume(const QString &callId, QString *error)
{
    return sendCallCommand(P::Resume, callId, {}, error);
}

bool SipProvider::setMuted(const QString &callId, bool muted, QString *error)
{
    return sendCallCommand(P::Mute, callId, {{QStringLiteral("on"), muted}}, error);
}

bool SipProvider::transfer(const QString &callId, const QString &target, QString *error)
{
    QString to = target.trimmed();
    if (to.isEmpty()) {
        if (error) {
            *error = tr("No transfer target given.");
        }
        return false;
    }
    if (!to.contains(u':') && !to.contains(u'@')) {
        const QString e164 = PhoneNumber::toE164(to, m_settings.numberingPlan);
        if (e164.isEmpty()) {
            if (error) {
                *error = tr("\"%1\" is neither a phone number nor a SIP address.").arg(target);
            }
            return false;
        }
        to = e164;
    }
    if (!sendCallCommand(P::Transfer, callId, {{QStringLiteral("target"), to}}, error)) {
        return false;
    }
    emitCallEvent(m_book.transferStarted(callId, to));
    return true;
}

bool SipProvider::hangUp(const QString &callId, QString *error)
{
    return sendCallCommand(P::Hangup, callId, {}, error);
}

bool SipProvider::sendDtmf(const QString &callId, const QString &digits, QString *error)
{
    for (const QChar c : digits) {
        if (!(c.isDigit() || c == u'*' || c == u'#' || (c.toUpper() >= u'A' && c.toUpper() <= u'D'))) {
            if (error) {
                *error = tr("\"%1\" is not a DTMF digit (0-9, *, #, A-D).").arg(c);
            }
            return false;
        }
    }
    return sendCallCommand(P::Dtmf, callId, {{QStringLiteral("digits"), digits}}, error);
}

void SipProvider::setAcceptingCalls(bool accepting)
{
    m_accepting = accepting;
    sendToEngine({{QStringLiteral("t"), QLatin1String(P::SetAccepting)}, {QStringLiteral("on"), accepting}});
}

bool SipProvider::isAcceptingCalls() const
{
    return m_accepting;
}

bool SipProvider::isEngineReady() const
{
    return m_phase == Phase::Ready;
}

qint64 SipProvider::enginePid() const
{
    return m_pid;
}

int SipProvider::sipPort() const
{
    return m_boundPort;
}

int SipProvider::restartCount() const
{
    return m_restarts;
}

QList<AudioDevice> SipProvider::audioDevices() const
{
    return m_devices;
}

QString SipProvider::registrationState() const
{
    return m_registration;
}

} // namespace cti
