#include "handoff.h"

#include "../runtime.h"

namespace engine {

void HandoffAwaiter::settle()
{
    m_rt->finishCheckpoint(m_task, m_reason, m_cancellable && !m_committed);
    if (m_error)
        throw *m_error;
}

} // namespace engine
