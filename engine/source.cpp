#include "source.h"

namespace engine {

void ListSource::raiseAfter(int count, Error error)
{
    m_raiseAfter = count;
    m_error = std::move(error);
}

void ListSource::setDelayBefore(int pull, Tick delay)
{
    if (pull < 0)
        return;
    if (size_t(pull) >= m_delays.size())
        m_delays.resize(size_t(pull) + 1, 0);
    m_delays[size_t(pull)] = delay;
}

QCoro::Task<std::optional<Child>> ListSource::next(Ctx ctx)
{
    const Tick delay = m_delay + (size_t(m_next) < m_delays.size() ? m_delays[size_t(m_next)] : 0);
    if (delay > 0)
        co_await ctx.sleep(delay);
    if (m_error && m_next == m_raiseAfter)
        throw *m_error;
    if (m_next >= int(m_children.size()))
        co_return std::nullopt;
    co_return std::move(m_children[size_t(m_next++)]);
}

} // namespace engine
