#include "runner.h"

#include "asynciotasks.h"

#include <utility>

namespace engine::asyncio {

namespace {

Error runtimeError(const char *message)
{
    return Error::plain(QStringLiteral("RuntimeError"), QString::fromLatin1(message));
}

std::exception_ptr keyboardInterrupt()
{
    return std::make_exception_ptr(Error::plain(QStringLiteral("KeyboardInterrupt"), QString()));
}

} // namespace

Runner::Runner(Runtime &rt, Drive drive)
    : m_rt(rt)
    , m_drive(drive)
{
    m_rt.scheduler().addStepHook(&Runner::afterStep, this);
}

Runner::~Runner()
{
    // Only a self-driven runner drives on the way out; an externally driven one may be destroyed
    // mid-run (a scenario closed in the app), and its runtime unwinds what is left on its own.
    if (m_drive == Drive::Self && !m_rt.shuttingDown() && m_rt.current() == NoId) {
        try {
            close();
        } catch (...) {
            // close() only raises while a call runs, which a finished driving run() rules out.
        }
    }
    for (const quint64 timer : m_interruptTimers)
        m_rt.scheduler().cancelTimer(timer);
    m_rt.scheduler().removeStepHooks(this);
}

// Driving ------------------------------------------------------------------------------------------

TaskId Runner::run(Child main)
{
    const TaskId task = start(std::move(main));
    // run_until_complete: the loop stops as soon as the call is over; work queued at that instant
    // waits for the next run.
    while (running() && m_rt.scheduler().step()) {
    }
    if (running()) {
        RunnerCall &call = m_calls.back();
        call.end = RunnerCall::End::GivenUp;
        call.endTime = m_rt.now();
        m_reportedCalls = m_calls.size();
    }
    return task;
}

TaskId Runner::close()
{
    if (m_closed)
        return NoId;
    const TaskId task = beginClose();
    while (!m_loopClosed && m_rt.scheduler().step()) {
    }
    return task;
}

// Not driving --------------------------------------------------------------------------------------

TaskId Runner::start(Child main)
{
    // Python checks for a running loop before it looks at its own state.
    if (m_rt.current() != NoId || running())
        throw runtimeError("Runner.run() cannot be called from a running event loop");
    if (m_closed)
        throw runtimeError("Runner is closed");
    RunnerCall call;
    call.main = m_rt.spawn(NoId, main.name, std::move(main.body), StartPolicy::Deferred);
    m_calls.push_back(call);
    return call.main;
}

TaskId Runner::beginClose()
{
    if (m_closed)
        return NoId;
    if (m_rt.current() != NoId || running())
        throw runtimeError("This event loop is already running");
    m_closed = true;
    const Body closing = [](Ctx ctx) -> QCoro::Task<Value> {
        QCoro::Task<void> cancelling = reference::cancelAllTasks(ctx, QStringLiteral("Runner.close()"));
        co_await cancelling;
        co_return {};
    };
    // Eager: with nothing left to cancel it is over before this returns.
    m_closeTask = m_rt.spawn(NoId, QStringLiteral("Runner.close()"), closing, StartPolicy::Eager);
    update();
    return m_closeTask;
}

void Runner::abandon()
{
    if (m_closed)
        return;
    m_closed = true;
    closeLoop();
    update();
}

void Runner::interrupt()
{
    if (running()) {
        RunnerCall &call = m_calls.back();
        // _on_sigint: the first Ctrl-C of a call cancels its main task and returns.
        if (++call.interrupts == 1 && !isFinal(m_rt.state(call.main))) {
            m_rt.cancelTask(call.main, NoId, QStringLiteral("Ctrl-C (SIGINT): the runner cancels the main task"));
            return;
        }
        // The second raises KeyboardInterrupt from the handler, out of run(); main runs on.
        note(call.main, QStringLiteral("Ctrl-C again: run() raises KeyboardInterrupt() and leaves this task running"));
        call.end = RunnerCall::End::Raised;
        call.error = keyboardInterrupt();
        call.endTime = m_rt.now();
        update();
        return;
    }
    if (m_closeTask != NoId && !m_loopClosed) {
        // run() put the default handler back: KeyboardInterrupt leaves close(), whose `finally`
        // still closes the loop over the tasks it was waiting for.
        note(m_closeTask, QStringLiteral("Ctrl-C during close(): KeyboardInterrupt; the loop closes with the tasks still pending"));
        m_closeError = keyboardInterrupt();
        m_closeErrorTime = m_rt.now();
        closeLoop();
        update();
    }
}

void Runner::interruptAt(Tick at)
{
    const Job job{&Runner::interruptJob, this, 0, 0, NoId, quint8(JobLabel::Interrupt)};
    m_interruptTimers.push_back(m_rt.scheduler().addTimer(at, job));
}

// Following the loop -------------------------------------------------------------------------------

void Runner::afterStep(void *self)
{
    static_cast<Runner *>(self)->update();
}

void Runner::interruptJob(void *self, qint64, qint64)
{
    static_cast<Runner *>(self)->interrupt();
}

void Runner::update()
{
    if (m_updating || m_rt.shuttingDown())
        return;
    struct Guard
    {
        bool &flag;
        ~Guard() { flag = false; }
    } guard{m_updating};
    m_updating = true;
    // The listener may start the next call or the close, and an eager close may be over at once:
    // go round until nothing new has ended.
    for (bool again = true; again;) {
        again = false;
        if (running() && isFinal(m_rt.state(m_calls.back().main)))
            endCall(m_calls.back());
        if (m_closeTask != NoId && !m_loopClosed && isFinal(m_rt.state(m_closeTask)))
            closeLoop();
        if (!running() && m_reportedCalls < m_calls.size()) {
            m_reportedCalls = m_calls.size();
            again = true;
        } else if (m_loopClosed && !m_closeReported) {
            m_closeReported = true;
            again = true;
        }
        if (again && m_listener)
            m_listener();
    }
}

void Runner::endCall(RunnerCall &call)
{
    call.endTime = m_rt.now();
    switch (m_rt.state(call.main)) {
    case TaskState::Completed:
        call.end = RunnerCall::End::Returned;
        call.value = m_rt.result(call.main);
        return;
    case TaskState::Failed:
        call.end = RunnerCall::End::Raised;
        call.error = m_rt.error(call.main);
        return;
    default:
        call.end = RunnerCall::End::Raised;
        // run_until_complete raised CancelledError; after a Ctrl-C, run() turns it into
        // KeyboardInterrupt when the interrupt was the only cancel request left (uncancel() == 0).
        call.error = call.interrupts > 0 && m_rt.uncancel(call.main) == 0 ? keyboardInterrupt()
                                                                           : std::make_exception_ptr(Cancelled());
        return;
    }
}

void Runner::closeLoop()
{
    m_loopClosed = true;
    m_rt.scheduler().setHalted(true);
}

void Runner::note(TaskId task, const QString &text)
{
    m_rt.record(EventKind::ValueEmitted, task, NoId, NoId, NoId, text);
}

} // namespace engine::asyncio
