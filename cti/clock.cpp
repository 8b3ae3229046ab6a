#include "clock.h"

#include <chrono>

namespace cti {

Clock::~Clock() = default;

QDateTime Clock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowUs() / 1000);
}

qint64 SystemClock::nowUs() const
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

const Clock *SystemClock::instance()
{
    static const SystemClock clock;
    return &clock;
}

ManualClock::ManualClock(qint64 startUs)
    : m_nowUs(startUs)
{
}

qint64 ManualClock::nowUs() const
{
    return m_nowUs;
}

void ManualClock::advanceMs(qint64 ms)
{
    m_nowUs += ms * 1000;
}

void ManualClock::setNowUs(qint64 us)
{
    m_nowUs = us;
}

} // namespace cti
