#include "store.h"

namespace kb {

Store::~Store() = default;

void Store::setActor(const Actor &actor)
{
    m_actor = actor;
}

const Actor &Store::actor() const
{
    return m_actor;
}

void Store::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime Store::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

} // namespace kb
