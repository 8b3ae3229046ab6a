#pragma once

#include <memory>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>

class QLocalSocket;
class QTimer;

namespace linphone {
class Core;
class Call;
} // namespace linphone

namespace cti::engine {

class CoreEvents;

// The engine process's only object: holds the liblinphone Core on this (the main) thread, pumps it with a 20 ms
// timer, turns linphone callbacks into protocol messages and protocol commands into linphone calls.
// Every linphone object stays on this thread; the desk never sees one.
class SipEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SipEngine)

public:
    explicit SipEngine(QObject *parent = nullptr);
    ~SipEngine() override;

    bool connectToDesk(const QString &serverName, QString *error);

    // Called by the linphone listener (same thread).
    void handleCallState(const std::shared_ptr<linphone::Call> &call, int state, const std::string &message);
    void handleGlobalState(int state, const std::string &message);
    void handleRegistration(int state, const std::string &message);
    void handleTransferState(const std::shared_ptr<linphone::Call> &call, int state);

private:
    void handleReadyRead();
    void handleMessage(const QJsonObject &message);
    void configure(const QJsonObject &message);
    void handleCallCommand(const QString &type, const QJsonObject &message);
    bool awaitingAck(const QString &callId);
    void send(const QJsonObject &message);
    void sendError(const QString &text, const QJsonObject &request = {});
    void fatal(const QString &text);
    void iterate();
    void watchSipSockets(int port);
    QJsonObject describeCall(const std::shared_ptr<linphone::Call> &call) const;
    QString callIdOf(const std::shared_ptr<linphone::Call> &call) const;

    QLocalSocket *m_socket = nullptr;
    QTimer *m_iterateTimer = nullptr;
    QByteArray m_buffer;
    std::shared_ptr<linphone::Core> m_core;
    std::shared_ptr<CoreEvents> m_listener;
    QString m_domain;
    bool m_accepting = true;
    bool m_singleCall = true;
    bool m_readySent = false;
    QString m_transport = QStringLiteral("udp");
    // Per call: the last state reported to the desk, whether the agent ended it, and a transfer target.
    struct Tracked
    {
        std::shared_ptr<linphone::Call> call;
        QString lastState;
        bool localEnd = false;
        bool refused = false;
        QString transferTarget;
        bool ackTimedOut = false; // answered, but the caller never acknowledged
        bool answered = false;    // our 200 OK went out
        bool acked = false;       // the caller's ACK arrived (UDP; noted once, the guard's list is bounded)
    };
    QHash<QString, Tracked> m_calls;
};

} // namespace cti::engine
