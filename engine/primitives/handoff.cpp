#include "handoff.h"

#include "../runtime.h"

namespace engine {

void HandoffAwaiter::settle()
{
    if (m_committed && m_cancellable && m_rt->edgeCancelPending(m_task)) {
        if (!m_error)
            rollback();
        m_committed = false;
        m_error.reset();
    }
    if (m_rt->cancelledAtCheckpoint(m_task, m_reason, m_cancellable && !m_committed))
        throw Cancelled();
    if (m_error)
        throw *m_error;
}

} // namespace engine
