#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "call.h"

namespace cti {

// What the desk talks to: a phone line that reports calls as value-type events and takes call controls.
// Implementations: SipProvider (SIP via the supervised hotline-sip-engine process) and ManualProvider (walk-ins,
// desks without telephony). Tests inject their own. All methods are called on the provider's thread (the desk's
// main thread); signals carry copies, so receivers may use queued connections freely.
//
// Controls are requests: they return false (and *error) when they cannot even be sent (unknown call, wrong
// state, engine down); the outcome arrives as a CallEvent (or a ProviderEvent of type Error).
class TelephonyProvider : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelephonyProvider)

public:
    explicit TelephonyProvider(QObject *parent = nullptr);
    ~TelephonyProvider() override;

    virtual QString backendName() const = 0;
    // Starts the backend (asynchronously for SIP: ProviderEventType::Started follows when calls can arrive).
    virtual bool start(QString *error) = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    virtual bool supportsIncomingCalls() const = 0;

    virtual QList<Call> activeCalls() const = 0;
    // Ended calls seen by this provider, newest last (bounded; the journal keeps the permanent record).
    virtual QList<Call> recentCalls() const = 0;

    virtual bool answer(const QString &callId, QString *error = nullptr) = 0;
    virtual bool decline(const QString &callId, QString *error = nullptr) = 0;
    virtual bool hold(const QString &callId, QString *error = nullptr) = 0;
    virtual bool resume(const QString &callId, QString *error = nullptr) = 0;
    virtual bool setMuted(const QString &callId, bool muted, QString *error = nullptr) = 0;
    // Blind transfer (SIP REFER) to a number ("0341 123-4567", "+493411234567") or a SIP URI.
    virtual bool transfer(const QString &callId, const QString &target, QString *error = nullptr) = 0;
    virtual bool hangUp(const QString &callId, QString *error = nullptr) = 0;
    virtual bool sendDtmf(const QString &callId, const QString &digits, QString *error = nullptr) = 0;

    // While false, new calls are refused with 486 Busy Here (agent not ready or in wrap-up). AgentSession drives it.
    virtual void setAcceptingCalls(bool accepting) = 0;
    virtual bool isAcceptingCalls() const = 0;

Q_SIGNALS:
    void callEventOccurred(const cti::CallEvent &event);
    void providerEventOccurred(const cti::ProviderEvent &event);
};

} // namespace cti
