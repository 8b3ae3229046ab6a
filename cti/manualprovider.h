#pragma once

#include "callbook.h"
#include "telephonyprovider.h"

namespace cti {

class Clock;

// A provider without telephony: the agent records walk-ins or calls taken on a plain desk phone by hand.
// The rest of the desk (caller panel, journal, wrap-up) works the same as with SIP calls.
class ManualProvider final : public TelephonyProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManualProvider)

public:
    explicit ManualProvider(const NumberingPlan &plan = {}, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~ManualProvider() override;

    // Starts a manual record (state Talking at once). number may be empty (walk-in without a number).
    // Returns the new call's id.
    QString startCall(const QString &number, const QString &name = {}, const QString &note = {});

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

private:
    bool emitOr(const std::optional<CallEvent> &event, const QString &callId, QString *error);

    CallBook m_book;
    bool m_running = false;
    bool m_accepting = true;
    quint64 m_next = 0;
};

} // namespace cti
