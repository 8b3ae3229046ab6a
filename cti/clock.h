#pragma once

#include <QDateTime>

namespace cti {

// Source of "now" for call timers and event stamps. Injectable so tests can step time (KeePassXC's MockClock).
class Clock
{
public:
    virtual ~Clock();
    // Microseconds since the Unix epoch (wall clock).
    virtual qint64 nowUs() const = 0;
    QDateTime now() const;
};

class SystemClock final : public Clock
{
public:
    qint64 nowUs() const override;
    // Shared instance used when no clock is injected.
    static const Clock *instance();
};

// A clock that only moves when told to; for tests and replays.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startUs = 1'700'000'000'000'000);
    qint64 nowUs() const override;
    void advanceMs(qint64 ms);
    void setNowUs(qint64 us);

private:
    qint64 m_nowUs;
};

} // namespace cti
