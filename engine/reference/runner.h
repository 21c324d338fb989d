#pragma once

#include "../child.h"

#include <functional>
#include <vector>

namespace engine::asyncio {

/// One runner.run(coro) call, as the code that called it sees it.
struct RunnerCall
{
    enum class End : quint8 {
        Running,    ///< run() has not come back yet
        Returned,   ///< run() returned main's value (`value`)
        Raised,     ///< run() raised `error`: main's error, CancelledError or KeyboardInterrupt
        GivenUp,    ///< the driving run() left while main waited for ever (Python would hang)
    };

    TaskId main = NoId;
    End end = End::Running;
    Tick endTime = -1;      ///< when run() came back
    Value value;
    std::exception_ptr error;
    int interrupts = 0;     ///< Ctrl-Cs that arrived during the call
};

/// `with asyncio.Runner() as runner:` — one event loop (the runtime) for several run() calls, each
/// a root task created with asyncio.create_task (it starts on the next turn). run() returns as soon
/// as its task is done: work queued at that instant waits for the next call (or for close()).
///
/// Two ways to drive it. Self-driven (the default), run() and close() step the runtime's scheduler
/// themselves, as Python's do; between calls nothing moves. Externally driven (a scenario run
/// stepped by the app), start() and beginClose() only create the tasks, whoever owns the scheduler
/// steps it, and the runner follows from a step hook: after each step it notices the call or the
/// close that ended and tells its listener, which may start the next call right there.
///
/// Must not outlive the runtime.
class Runner
{
public:
    enum class Drive : quint8 { Self, External };

    explicit Runner(Runtime &rt, Drive drive = Drive::Self);
    /// __exit__: a self-driven runner close()s (driving the scheduler); an externally driven one
    /// never drives: it only lets go of the scheduler (its hook, its Ctrl-C timers).
    ~Runner();
    Runner(const Runner &) = delete;
    Runner &operator=(const Runner &) = delete;

    // Driving -------------------------------------------------------------------------------
    /// runner.run(coro): start(main), then runs the scheduler until the call is over; other tasks
    /// progress meanwhile. Returns main's id; what run() returned or raised is calls().back(). A
    /// main that never ends is given up when nothing else can happen (where Python would hang).
    TaskId run(Child main);
    /// runner.close(): beginClose(), then runs the scheduler until the close is over. Later calls
    /// do nothing. Returns the closing task (NoId if already closed).
    TaskId close();

    // Not driving ---------------------------------------------------------------------------
    /// run()'s first half: creates `main` as a root task and makes it the current call. Raises
    /// RuntimeError('Runner is closed') after close(), and RuntimeError('Runner.run() cannot be
    /// called from a running event loop') from inside a task or while a call is still running.
    TaskId start(Child main);
    /// close()'s first half: a root task "Runner.close()" cancels every task still running and
    /// waits for them, noting errors they raise meanwhile (_cancel_all_tasks); the loop closes
    /// (the scheduler halts) when it is done. NoId if already closed. Raises the RuntimeError of
    /// start() while a call is running.
    TaskId beginClose();
    /// The with-block ends without close(): the loop stops here, and every task still pending
    /// stays pending for ever (Python: "Task was destroyed but it is pending!").
    void abandon();
    /// Ctrl-C (SIGINT). During a call, the first one cancels its main task (run() then raises
    /// KeyboardInterrupt if main ends cancelled with no other cancel request counted, else
    /// CancelledError), a second one makes run() raise KeyboardInterrupt at once, main left
    /// running. During close() the default handler is back: close() raises KeyboardInterrupt and
    /// the loop closes with whatever is still pending. At any other moment it is not the runner's.
    void interrupt();
    /// interrupt() when the clock reaches `at`, from a timer (as a signal arriving mid-loop).
    void interruptAt(Tick at);
    /// Told (from the step hook, or inside start()/beginClose()/interrupt()) each time a call
    /// ends and when the loop closes.
    void setListener(std::function<void()> listener) { m_listener = std::move(listener); }

    // State ---------------------------------------------------------------------------------
    const std::vector<RunnerCall> &calls() const { return m_calls; }
    /// A call has started and not come back.
    bool running() const { return !m_calls.empty() && m_calls.back().end == RunnerCall::End::Running; }
    /// close() (or abandon()) was called: run() refuses from now on.
    bool closed() const { return m_closed; }
    TaskId closeTask() const { return m_closeTask; }
    /// The loop is closed: the close ended, was cut short by Ctrl-C, or the runner was abandoned.
    bool loopClosed() const { return m_loopClosed; }
    /// What close() raised (KeyboardInterrupt), or null.
    std::exception_ptr closeError() const { return m_closeError; }
    /// When close() raised it (-1: it did not).
    Tick closeErrorTime() const { return m_closeErrorTime; }

private:
    static void afterStep(void *self);
    static void interruptJob(void *self, qint64, qint64);
    /// Follows what the last step changed: ends the call whose main is done, finishes the close.
    void update();
    void endCall(RunnerCall &call);
    void closeLoop();
    void note(TaskId task, const QString &text);

    Runtime &m_rt;
    Drive m_drive;
    std::vector<RunnerCall> m_calls;
    std::vector<quint64> m_interruptTimers;
    std::function<void()> m_listener;
    size_t m_reportedCalls = 0;   // calls whose end the listener has heard of
    TaskId m_closeTask = NoId;
    std::exception_ptr m_closeError;
    Tick m_closeErrorTime = -1;
    bool m_closed = false;
    bool m_loopClosed = false;
    bool m_closeReported = false;
    bool m_updating = false;
};

} // namespace engine::asyncio
