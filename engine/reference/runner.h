#pragma once

#include "../child.h"

namespace engine::asyncio {

/// `with asyncio.Runner() as runner:` — one event loop (the runtime) for several run() calls. The
/// calls drive the runtime's scheduler themselves, as runner.run() runs the loop until its
/// coroutine is done; between calls nothing moves, so tasks a run left behind wait for the next
/// run (or for close()). Must not outlive the runtime.
class Runner
{
public:
    explicit Runner(Runtime &rt);
    /// __exit__: close().
    ~Runner();
    Runner(const Runner &) = delete;
    Runner &operator=(const Runner &) = delete;

    /// runner.run(coro): creates `main` as a root task (asyncio.create_task: it starts on the next
    /// turn) and runs the scheduler until it ended; other tasks progress meanwhile. Returns its id:
    /// its value or error is read on the runtime (Runtime::task). A main that never ends leaves the
    /// run when nothing else can happen (where Python would hang). Raises RuntimeError('Runner is
    /// closed') after close().
    TaskId run(Child main);
    /// runner.close(): a root task "Runner.close()" cancels every task still running and waits
    /// for them, noting errors they raise meanwhile; the scheduler runs until it is done. Later
    /// calls do nothing. Returns the closing task (NoId if already closed).
    TaskId close();
    bool closed() const { return m_closed; }

private:
    void runUntilEnded(TaskId task);

    Runtime &m_rt;
    bool m_closed = false;
};

} // namespace engine::asyncio
