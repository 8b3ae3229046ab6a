#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QStringList>

#include "callbook.h"
#include "linemap.h"
#include "phonenumber.h"
#include "telephonyprovider.h"

class QLocalServer;
class QLocalSocket;
class QProcess;
class QTimer;

namespace cti {

class Clock;

enum class SipTransport { Udp, Tcp, Tls };

struct SipAccount
{
    QString user = QStringLiteral("agent");
    QString domain = QStringLiteral("127.0.0.1");
    QString displayName;
    QString password; // from the keychain (SecretStore); never stored in settings
    SipTransport transport = SipTransport::Udp;
    QString registrar; // "pbx.example.org:5060"; empty: no registration, listen directly on port
    int port = 5060;   // local SIP port; 0 = any free port (kept across engine restarts)
    int registerExpiresS = 600;
    // TLS (transport Tls; needs a registrar: liblinphone 5.1 accepts no incoming TLS connections, see
    // docs/telephony.md). The registrar's certificate is checked against tlsCaFile (PEM; empty: the system's CAs
    // in /etc/ssl/certs) and its name against the registrar's host unless tlsVerify is off.
    QString tlsCaFile;
    bool tlsVerify = true;
    QString tlsCertFile; // optional client certificate (PEM) for registrars that require one
    QString tlsKeyFile;  // its private key (PEM)
};

struct SipSettings
{
    SipAccount account;
    QString dataDir;       // linphone's storage (the app's data folder); required
    QString enginePath;    // empty: $HOTLINE_SIP_ENGINE, beside the executable, then the build tree
    bool useFiles = false; // no sound card: linphone plays/records files
    QString inputDevice;   // audio device ids as listed in audioDevices(); empty: system default
    QString outputDevice;
    int ringTimeoutS = 60;
    // An agent takes one call at a time: while one is up, the next gets 486. hotline-cti listen turns this off to
    // report every call that reaches it.
    bool singleCall = true;
    int heartbeatIntervalMs = 200;
    int heartbeatTimeoutMs = 700; // no answer for this long: the engine is killed and restarted
    int startTimeoutMs = 8000;    // launch → ready
    bool engineDebugLog = false;
    NumberingPlan numberingPlan;
    LineMap lineMap;
};

struct AudioDevice
{
    QString id;
    QString name;
    bool canRecord = false;
    bool canPlay = false;
};

QString toString(SipTransport transport);
bool parseTransport(const QString &text, SipTransport *transport);

// TelephonyProvider over SIP. Owns and supervises the hotline-sip-engine process: starts it, talks to it over a
// QLocalSocket (docs/telephony.md), pings it every heartbeatIntervalMs, and restarts it at once when it exits,
// breaks the protocol or misses heartbeatTimeoutMs. Calls that were active then end as Dropped, followed by a
// ProviderEventType::EngineRestarted event. QtCore/QtNetwork only: liblinphone is never loaded into this process.
class SipProvider final : public TelephonyProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SipProvider)

public:
    explicit SipProvider(const SipSettings &settings, const Clock *clock = nullptr, QObject *parent = nullptr);
    // Stops the engine without emitting anything; call stop() before to receive the final events.
    ~SipProvider() override;

    QString backendName() const override;
    bool start(QString *error) override;
    void stop() override;
    bool isRunning() const override;
    bool supportsIncomingCalls() const override;
    QList<Call> activeCalls() const override;
    QList<Call> recentCalls() const override;

    bool answer(const QString &callId, QString *error = nullptr) override;
    bool decline(const QString &callId, QString *error = nullptr) override;
    bool hold(const QString &callId, QString *error = nullptr) override;
    bool resume(const QString &callId, QString *error = nullptr) override;
    bool setMuted(const QString &callId, bool muted, QString *error = nullptr) override;
    bool transfer(const QString &callId, const QString &target, QString *error = nullptr) override;
    bool hangUp(const QString &callId, QString *error = nullptr) override;
    bool sendDtmf(const QString &callId, const QString &digits, QString *error = nullptr) override;
    void setAcceptingCalls(bool accepting) override;
    bool isAcceptingCalls() const override;

    // Supervision details, for the status bar, hotline-cti and tests.
    bool isEngineReady() const;
    qint64 enginePid() const;
    int sipPort() const;
    int restartCount() const;
    QList<AudioDevice> audioDevices() const;
    QString enginePath() const;
    QString registrationState() const;

    // Whether the account's TLS settings can work (a registrar is set, the PEM files are readable); start() checks
    // this too, so a wrong path is a clear error instead of an engine that fails to register.
    static bool checkTlsSettings(const SipAccount &account, QString *error);

private:
    enum class Phase { Stopped, Launching, Ready, WaitingToRelaunch };

    void launchEngine();
    void handleNewConnection();
    void handleSocketData();
    void handleEngineMessage(const QJsonObject &m);
    void handleCallMessage(const QJsonObject &m);
    void handleHeartbeat();
    void handleEngineFailure(const QString &reason);
    void sendToEngine(const QJsonObject &message);
    bool sendCallCommand(const char *type, const QString &callId, QJsonObject extra, QString *error);
    void emitCallEvent(const std::optional<CallEvent> &event);
    void emitProviderEvent(ProviderEventType type, const QString &message);
    QString resolveEnginePath() const;

    SipSettings m_settings;
    CallBook m_book;
    QLocalServer *m_server = nullptr;
    QPointer<QProcess> m_process;
    QPointer<QLocalSocket> m_socket;
    QTimer *m_heartbeat = nullptr;
    QTimer *m_launchTimeout = nullptr;
    QTimer *m_relaunch = nullptr;
    QElapsedTimer m_lastHeard;
    QElapsedTimer m_failureClock; // running while the engine is down after a failure
    QByteArray m_buffer;
    Phase m_phase = Phase::Stopped;
    bool m_accepting = true;
    bool m_recovering = false; // the next "ready" is a restart, not the first start
    QStringList m_droppedIds;
    int m_restarts = 0;
    int m_failuresInRow = 0;
    int m_boundPort = 0;
    qint64 m_pid = 0;
    quint64 m_pingSeq = 0;
    QString m_registration;
    QList<AudioDevice> m_devices;
};

} // namespace cti
