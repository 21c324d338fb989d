#include "runtime.h"

#include "swapremove.h"
#include "value.h"

#include <algorithm>
#include <variant>

namespace engine {

namespace {

// The deferred-start gate: the task's frame exists but its body runs on a later turn.
class StartGateAwaiter
{
public:
    StartGateAwaiter(Runtime *rt, TaskId task) : m_rt(rt), m_task(task) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { m_rt->startGate(m_task, h); }
    void await_resume() const noexcept {}

private:
    Runtime *m_rt;
    TaskId m_task;
};

// QCoro 0.8's TaskAwaiter hands a body's outcome over by rethrowing the exception its promise
// stored: a second full unwind for every cancelled or failed task, on top of the throw at the await
// point (design.md §2 requires that one). The wrapper reads the promise's outcome directly instead.
// The promise keeps it (and the Task its handle) in private members; naming a member in an explicit
// instantiation is exempt from access checking ([temp.spec.general]/6), which is how the two
// accessors below are obtained. If QCoro changes those members this stops compiling, never
// misbehaves silently.
using BodyTask = QCoro::Task<Value>;
using BodyPromise = BodyTask::promise_type;
using BodyOutcome = std::variant<std::monostate, Value, std::exception_ptr>;

struct OutcomeMember
{
    using type = BodyOutcome BodyPromise::*;
    friend type member(OutcomeMember);
};
struct HandleMember
{
    using type = std::coroutine_handle<BodyPromise> BodyTask::*;
    friend type member(HandleMember);
};
template<typename Tag, typename Tag::type Pointer>
struct MemberAccess
{
    friend typename Tag::type member(Tag) { return Pointer; }
};
template struct MemberAccess<OutcomeMember, &BodyPromise::mValue>;
template struct MemberAccess<HandleMember, &BodyTask::mCoroutine>;

// co_await on a body that yields its outcome (value or exception) without rethrowing. Like QCoro's
// own awaiter it only registers the continuation; the body's final suspend resumes the wrapper.
class OutcomeAwaiter
{
public:
    explicit OutcomeAwaiter(BodyTask &task) : m_body(task.*member(HandleMember{})) {}
    bool await_ready() const noexcept { return m_body.done(); }
    void await_suspend(std::coroutine_handle<> h) { m_body.promise().addAwaitingCoroutine(h); }
    BodyOutcome &await_resume() const noexcept { return m_body.promise().*member(OutcomeMember{}); }

private:
    std::coroutine_handle<BodyPromise> m_body;
};

// Every task runs inside this wrapper. Its QCoro::Task is dropped right after creation (detached):
// the frame frees itself at its final suspend. It never ends with an exception in flight.
QCoro::Task<void> taskMain(Runtime *rt, TaskId id, Body body, bool deferred)
{
    if (deferred) {
        StartGateAwaiter gate(rt, id);
        co_await gate;
    }
    rt->taskStarted(id);
    Value value;
    std::exception_ptr error;
    try {
        if (!body)
            throw Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("task has no body"), id);
        const Ctx ctx{rt, id};
        BodyTask task = body(ctx);
        OutcomeAwaiter outcome(task);
        BodyOutcome &result = co_await outcome;
        if (auto *e = std::get_if<std::exception_ptr>(&result))
            error = *e;
        else if (auto *v = std::get_if<Value>(&result))
            value = std::move(*v);
    } catch (...) {
        // The body callable itself threw before a coroutine frame existed.
        error = std::current_exception();
    }
    rt->taskFinished(id, std::move(value), error);
}

void abortTimer(Runtime &rt, TaskId, qint64 timer)
{
    rt.scheduler().cancelTimer(Scheduler::TimerId(timer));
}

} // namespace

Runtime::Runtime(const Profile &profile)
    : m_profile(profile)
{
    m_scheduler.setTieOrder(profile.ties, profile.seed);
}

Runtime::~Runtime()
{
    shutdown();
}

EventId Runtime::record(EventKind kind, TaskId task, ScopeId scope, EventId cause, qint32 other,
                        const QString &text, qint64 value, quint8 detail)
{
    if (!m_trace.recording())
        return NoId;
    return recordInterned(kind, task, scope, cause, other, m_trace.intern(text), value, detail);
}

EventId Runtime::recordInterned(EventKind kind, TaskId task, ScopeId scope, EventId cause, qint32 other,
                                qint32 text, qint64 value, quint8 detail)
{
    TraceEvent e;
    e.time = now();
    e.kind = kind;
    e.task = task;
    e.scope = scope;
    e.cause = cause;
    e.other = other;
    e.text = text;
    e.value = value;
    e.detail = detail;
    return m_trace.append(e);
}

// Tasks --------------------------------------------------------------------------------------------

TaskId Runtime::spawn(ScopeId scope, const QString &name, Body body)
{
    return spawn(scope, name, std::move(body), m_profile.start);
}

TaskId Runtime::spawn(ScopeId scope, const QString &name, Body body, StartPolicy start)
{
    const TaskId id = TaskId(m_tasks.size());
    m_tasks.emplace_back();
    TaskRecord &rec = m_tasks.back();
    rec.parent = m_current;
    rec.home = scope;
    ++m_liveTasks;
    m_trace.addTask(id, TraceTask{m_trace.intern(name), m_current, scope});
    record(EventKind::Spawned, id, scope, NoId, m_current);
    if (scope != NoId) {
        placeTask(id, scope);
        ++m_scopes[size_t(scope)].liveChildren;
    }
    const TaskId previous = m_current;
    m_current = id;
    // Eager: runs the body now, up to its first suspension. Deferred: stops at the start gate.
    taskMain(this, id, std::move(body), start == StartPolicy::Deferred);
    m_current = previous;
    return id;
}

TaskView Runtime::task(TaskId id) const
{
    const TaskRecord &r = m_tasks[size_t(id)];
    TaskView v;
    v.name = m_trace.taskName(id);
    v.parent = r.parent;
    v.home = r.home;
    v.state = r.state;
    v.wait = r.wait;
    v.start = r.start;
    v.end = r.end;
    v.result = r.result;
    if (r.error)
        v.error = Error::fromException(r.error);
    v.cancelRequested = r.cancelSeen || r.selfCancel;
    return v;
}

void Runtime::taskStarted(TaskId id)
{
    TaskRecord &rec = m_tasks[size_t(id)];
    rec.state = TaskState::Running;
    rec.start = now();
    record(EventKind::Started, id);
}

void Runtime::taskFinished(TaskId id, Value value, std::exception_ptr error)
{
    unplaceTask(id);
    TaskRecord &rec = m_tasks[size_t(id)];
    rec.end = now();
    rec.wait = WaitReason::None;
    if (!error) {
        rec.state = TaskState::Completed;
        rec.endEvent = m_trace.recording()
            ? recordInterned(EventKind::Completed, id, NoId, NoId, NoId, value.isValid() ? m_trace.internValue(value) : Trace::NoText)
            : NoId;
        rec.result = std::move(value);
    } else if (isCancelled(error)) {
        rec.state = TaskState::Cancelled;
        rec.endEvent = record(EventKind::Cancelled, id);
    } else {
        rec.state = TaskState::Failed;
        rec.error = error;
        rec.endEvent = record(EventKind::Failed, id, NoId, NoId, NoId, Error::fromException(error).describe());
    }
    --m_liveTasks;
    const auto joiners = std::move(rec.joiners);
    const EventId endEvent = rec.endEvent;
    const ScopeId home = rec.home;
    for (const TaskId joiner : joiners)
        wake(joiner, m_tasks[size_t(joiner)].waitSerial, endEvent);
    if (home == NoId)
        return;
    if (m_profile.propagation == Propagation::Immediate || m_shuttingDown)
        childEnded(id);
    else
        m_scheduler.post(Job{&Runtime::notifyJob, this, id, 0, id, quint8(JobLabel::Notify)});
}

void Runtime::childEnded(TaskId child)
{
    const ScopeId s = m_tasks[size_t(child)].home;
    ScopeRecord &sc = m_scopes[size_t(s)];
    --sc.liveChildren;
    // Hold the observer across the call: it may close its own scope from inside.
    const std::shared_ptr<ScopeObserver> hold = sc.keepAlive;
    if (ScopeObserver *observer = sc.observer)
        observer->childEnded(child);
    ScopeRecord &after = m_scopes[size_t(s)];
    if (after.liveChildren == 0 && after.childWaiter != NoId)
        wake(after.childWaiter, after.childWaiterSerial, m_tasks[size_t(child)].endEvent);
    if (!after.open && after.liveChildren == 0)
        after.keepAlive.reset();
}

// Suspension ---------------------------------------------------------------------------------------

void Runtime::suspend(TaskId task, std::coroutine_handle<> handle, WaitReason reason, bool cancellable,
                      Tick wake, qint32 other, AbortFn abort, qint64 abortArg)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    rec.handle = handle;
    // A task waiting at its start gate has not started: it stays "created" for people, while the
    // machinery treats it as a suspended frame.
    rec.state = reason == WaitReason::StartGate ? TaskState::Created : TaskState::Suspended;
    rec.wait = reason;
    rec.cancellable = cancellable;
    rec.abort = abort;
    rec.abortArg = abortArg;
    rec.wakePosted = false;
    ++rec.waitSerial;
    if (reason != WaitReason::StartGate)
        rec.suspendEvent = record(EventKind::Suspended, task, NoId, NoId, other, {}, wake, quint8(reason));
}

void Runtime::wake(TaskId task, quint32 serial, EventId cause)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    if (!rec.handle || rec.waitSerial != serial || rec.wakePosted)
        return;
    rec.abort = nullptr;   // whoever wakes it has already dropped its own registration
    rec.wakePosted = true;
    rec.wakeCause = cause;
    m_scheduler.post(Job{&Runtime::resumeJob, this, task, serial, task, quint8(JobLabel::Resume)});
}

void Runtime::wakeJob(void *self, qint64 task, qint64 serial)
{
    auto *rt = static_cast<Runtime *>(self);
    rt->wake(TaskId(task), quint32(serial), rt->m_tasks[size_t(task)].suspendEvent);
}

void Runtime::notifyJob(void *self, qint64 task, qint64)
{
    static_cast<Runtime *>(self)->childEnded(TaskId(task));
}

void Runtime::resumeJob(void *self, qint64 task, qint64 serial)
{
    auto *rt = static_cast<Runtime *>(self);
    TaskRecord &rec = rt->m_tasks[size_t(task)];
    if (!rec.handle || rec.waitSerial != quint32(serial) || !rec.wakePosted)
        return;
    rt->runTask(TaskId(task), rec.handle);
}

void Runtime::runTask(TaskId task, std::coroutine_handle<> h)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    const bool starting = rec.wait == WaitReason::StartGate;
    rec.state = starting ? TaskState::Created : TaskState::Running;
    rec.wakePosted = false;
    rec.handle = {};
    if (!starting)
        record(EventKind::Resumed, task, NoId, rec.wakeCause);
    const TaskId previous = m_current;
    m_current = task;
    h.resume();
    m_current = previous;
}

void Runtime::sleepUntil(TaskId task, std::coroutine_handle<> h, Tick deadline)
{
    suspend(task, h, WaitReason::Sleep, true, deadline);
    TaskRecord &rec = m_tasks[size_t(task)];
    const auto timer = m_scheduler.addTimer(deadline, Job{&Runtime::wakeJob, this, task, rec.waitSerial, task, quint8(JobLabel::Wake)});
    rec.abort = &abortTimer;
    rec.abortArg = qint64(timer);
}

void Runtime::yieldNow(TaskId task, std::coroutine_handle<> h)
{
    suspend(task, h, WaitReason::Yield, true);
    TaskRecord &rec = m_tasks[size_t(task)];
    rec.wakePosted = true;
    rec.wakeCause = rec.suspendEvent;
    m_scheduler.post(Job{&Runtime::resumeJob, this, task, rec.waitSerial, task, quint8(JobLabel::Resume)});
}

void Runtime::joinTask(TaskId task, std::coroutine_handle<> h, TaskId target)
{
    suspend(task, h, WaitReason::Join, true, -1, target, [](Runtime &rt, TaskId t, qint64 target) {
        auto &joiners = rt.m_tasks[size_t(target)].joiners;
        joiners.erase(std::remove(joiners.begin(), joiners.end(), t), joiners.end());
    }, target);
    m_tasks[size_t(target)].joiners.push_back(task);
}

void Runtime::waitChildren(TaskId task, std::coroutine_handle<> h, ScopeId scope, bool cancellable)
{
    suspend(task, h, WaitReason::Children, cancellable, -1, NoId, [](Runtime &rt, TaskId, qint64 scope) {
        rt.m_scopes[size_t(scope)].childWaiter = NoId;
    }, scope);
    ScopeRecord &sc = m_scopes[size_t(scope)];
    sc.childWaiter = task;
    sc.childWaiterSerial = m_tasks[size_t(task)].waitSerial;
}

void Runtime::startGate(TaskId task, std::coroutine_handle<> h)
{
    suspend(task, h, WaitReason::StartGate, false);
    TaskRecord &rec = m_tasks[size_t(task)];
    rec.wakePosted = true;
    m_scheduler.post(Job{&Runtime::resumeJob, this, task, rec.waitSerial, task, quint8(JobLabel::Start)});
}

// Teardown -----------------------------------------------------------------------------------------

void Runtime::shutdown()
{
    // An unfinished run still owns suspended frames. Destroying them through their handles would
    // be a use-after-free with QCoro's awaiter chains, so every one is resumed with Cancelled and
    // unwinds normally. Nothing of this is recorded: the trace ends where the user stopped.
    m_trace.setRecording(false);
    m_shuttingDown = true;
    m_scheduler.setHalted(false);   // a closed asyncio loop still holds the jobs that unwind them
    for (int round = 0; round < 1000 && m_liveTasks > 0; ++round) {
        for (TaskId t = 0; t < TaskId(m_tasks.size()); ++t)
            interruptIfCancelled(t);
        while (m_scheduler.hasReady())
            m_scheduler.step();
    }
}

} // namespace engine
