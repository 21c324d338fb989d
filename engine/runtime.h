#pragma once

#include "context.h"
#include "error.h"
#include "profile.h"
#include "scheduler.h"
#include "stablevector.h"
#include "trace.h"
#include "types.h"

#include <QCoro/QCoroTask>
#include <QVariant>

#include <coroutine>
#include <functional>
#include <map>
#include <typeindex>
#include <memory>
#include <optional>
#include <vector>

namespace engine {

using Value = QVariant;
/// A task body. The closure is owned by the task's frame for as long as the task runs.
using Body = std::function<QCoro::Task<Value>(Ctx)>;

/// Told when a task that lives directly in a scope (a nursery's child) has ended. Called at the
/// child's end (Immediate propagation) or from a queued job (Batch).
class ScopeObserver
{
public:
    virtual ~ScopeObserver() = default;
    virtual void childEnded(TaskId child) = 0;
};

/// Options of a new scope.
struct ScopeOptions
{
    QString name;
    ScopeKind kind = ScopeKind::Cancel;
    bool shield = false;
    Tick deadline = Never;
    ScopeObserver *observer = nullptr;
    /// Not nested in the owner's scopes: the owner's cancellation does not reach its children
    /// (asyncio's create_task; leaky helpers).
    bool detached = false;
    /// Cancelling it raises once in each task inside (asyncio) instead of at every checkpoint.
    /// Defaults to the profile's rule.
    std::optional<bool> edge;
};

/// A task's visible record, read-only (inspector, tests).
struct TaskView
{
    QString name;
    TaskId parent = NoId;
    ScopeId home = NoId;
    TaskState state = TaskState::Created;
    WaitReason wait = WaitReason::None;
    Tick start = -1;
    Tick end = -1;
    Value result;
    std::optional<Error> error;
    bool cancelRequested = false;   ///< a cancellation reached it (kept for "failed while being cancelled")
};

/// The engine: tasks, cancel scopes and the scheduler that drives them, recording everything in
/// the trace. Single-threaded and deterministic; it never resumes a coroutine inline from a timer,
/// a cancel request or another task's end: those post to the ready queue (trampolining).
class Runtime
{
public:
    explicit Runtime(const Profile &profile = Profile{});
    ~Runtime();
    Runtime(const Runtime &) = delete;
    Runtime &operator=(const Runtime &) = delete;

    Scheduler &scheduler() { return m_scheduler; }
    const Scheduler &scheduler() const { return m_scheduler; }
    Trace &trace() { return m_trace; }
    const Trace &trace() const { return m_trace; }
    const Profile &profile() const { return m_profile; }
    Tick now() const { return m_scheduler.now(); }

    // Tasks ---------------------------------------------------------------------------------
    /// Creates a task living in `scope` (NoId: a root task). Eager tasks run inside this call until
    /// their first suspension; deferred ones on a later turn.
    TaskId spawn(ScopeId scope, const QString &name, Body body, StartPolicy start);
    /// spawn() with the profile's start policy.
    TaskId spawn(ScopeId scope, const QString &name, Body body);
    int taskCount() const { return int(m_tasks.size()); }
    TaskView task(TaskId id) const;
    TaskState state(TaskId id) const { return m_tasks[size_t(id)].state; }
    const Value &result(TaskId id) const { return m_tasks[size_t(id)].result; }
    std::exception_ptr error(TaskId id) const { return m_tasks[size_t(id)].error; }
    Tick endTime(TaskId id) const { return m_tasks[size_t(id)].end; }
    EventId endEvent(TaskId id) const { return m_tasks[size_t(id)].endEvent; }
    /// The task now running, or NoId between jobs.
    TaskId current() const { return m_current; }
    /// Requests cancellation of a whole task (asyncgui/asyncio task.cancel()).
    void cancelTask(TaskId id, TaskId by, const QString &why, EventId cause = NoId);
    /// asyncio's task.cancelling(): the cancel requests made on `id` (every cancelTask(), and every
    /// edge-triggered scope cancellation that reached it) not yet withdrawn by uncancel().
    int cancelling(TaskId id) const { return m_tasks[size_t(id)].cancelsRequested; }
    /// asyncio's task.uncancel(): withdraws one request and returns how many are left. At zero a
    /// request the task has not met yet is dropped (Python 3.13), unless its wait was already
    /// interrupted for it.
    int uncancel(TaskId id);
    /// Cancels `id` when the clock reaches `at`, from the timer batch itself (asyncio's
    /// loop.call_at(t, task.cancel)): it runs before any task woken at that instant.
    void scheduleCancel(TaskId id, Tick at, const QString &why);

    // Scopes --------------------------------------------------------------------------------
    /// Opens a scope inside `owner`'s current scope; the owner is inside it from now on.
    ScopeId openScope(TaskId owner, const ScopeOptions &options);
    /// The owner leaves `scope` (its innermost) but the scope stays open for its children.
    void leaveScope(TaskId owner, ScopeId scope);
    /// Leaves (if still inside) and closes `scope`. Returns true when `error` is a cancellation that
    /// this scope catches (trio rule: the outermost cancelled scope catches).
    bool closeScope(ScopeId scope, const std::exception_ptr &error, const QString &how = {});
    void cancelScope(ScopeId scope, TaskId by, const QString &why, EventId cause = NoId);
    void setDeadline(ScopeId scope, Tick deadline);
    /// Moves live `task` out of the scope it lives in into `scope` (trio's task_status.started():
    /// the child of nursery.start() leaves the caller for the nursery). Its own open scopes move
    /// with it; the old scope stops counting it (a join on it may end) and the new one counts it
    /// and hears of its end. Recorded as Moved. A task living in no scope (a root) is not moved.
    void moveTask(TaskId task, ScopeId scope);
    /// Would a checkpoint of a task living directly in `scope` raise Cancelled (a level-triggered
    /// cancellation of `scope` or of a scope around it, up to a shield)?
    bool scopeEffectivelyCancelled(ScopeId scope) const;
    bool scopeCancelCalled(ScopeId scope) const { return m_scopes[size_t(scope)].cancelCalled; }
    bool scopeCancelledCaught(ScopeId scope) const { return m_scopes[size_t(scope)].cancelledCaught; }
    /// Tasks spawned into `scope` that have not ended (as far as the scope has been told).
    int liveChildren(ScopeId scope) const { return m_scopes[size_t(scope)].liveChildren; }
    EventId scopeCancelEvent(ScopeId scope) const { return m_scopes[size_t(scope)].cancelEvent; }
    /// Detaches the observer (its owner is going away).
    void setObserver(ScopeId scope, ScopeObserver *observer);
    /// Makes the scope own its observer until the scope is closed and its last child ended (an
    /// observer that outlives the helper frame that created it: leaky helpers).
    void keepObserverAlive(ScopeId scope, std::shared_ptr<ScopeObserver> observer);
    bool scopeOpen(ScopeId scope) const { return m_scopes[size_t(scope)].open; }

    // Checkpoint machinery (used by awaitables) ----------------------------------------------
    /// Would a checkpoint in `task` raise Cancelled now?
    bool cancelPending(TaskId task) const;
    /// Is an asyncio-style (edge) cancel request waiting to be raised in `task`?
    bool edgeCancelPending(TaskId task) const { return m_tasks[size_t(task)].edgePending > 0; }
    /// The task suspends on a wait. `abort` undoes the registration when cancellation interrupts it.
    using AbortFn = void (*)(Runtime &, TaskId, qint64);
    void suspend(TaskId task, std::coroutine_handle<> handle, WaitReason reason, bool cancellable,
                 Tick wake = -1, qint32 other = NoId, AbortFn abort = nullptr, qint64 abortArg = 0);
    /// Queues the resumption of `task` if it is still in the wait numbered `serial`.
    void wake(TaskId task, quint32 serial, EventId cause = NoId);
    quint32 waitSerial(TaskId task) const { return m_tasks[size_t(task)].waitSerial; }
    /// True while `task` is still suspended in the wait numbered `serial` and nobody woke it yet.
    bool stillWaiting(TaskId task, quint32 serial) const
    {
        const TaskRecord &r = m_tasks[size_t(task)];
        return r.handle && r.waitSerial == serial && !r.wakePosted;
    }
    /// Called as a checkpoint resumes: true if the task is cancelled (and the wait was
    /// cancellable), recorded as CancelDelivered. The caller then throws Cancelled itself, inline
    /// in the awaiting coroutine: every frame between a throw and its handler costs the unwinder
    /// about 0.4 µs, a third of the whole throw.
    [[nodiscard]] bool cancelledAtCheckpoint(TaskId task, WaitReason reason, bool cancellable);
    bool shuttingDown() const { return m_shuttingDown; }

    // Waits the awaitables register ------------------------------------------------------------
    void sleepUntil(TaskId task, std::coroutine_handle<> h, Tick deadline);
    void yieldNow(TaskId task, std::coroutine_handle<> h);
    void joinTask(TaskId task, std::coroutine_handle<> h, TaskId target);
    void waitChildren(TaskId task, std::coroutine_handle<> h, ScopeId scope, bool cancellable);
    void startGate(TaskId task, std::coroutine_handle<> h);

    /// Per-run state a library keeps beside the runtime (haiway's background tasks, effectpy's
    /// fibers …), created on first use and destroyed with the runtime.
    template<typename T>
    T &extension()
    {
        auto &slot = m_extensions[std::type_index(typeid(T))];
        if (!slot)
            slot = std::make_shared<T>();
        return *static_cast<T *>(slot.get());
    }

    /// True if every task has ended.
    bool allTasksDone() const { return m_liveTasks == 0; }
    int liveTasks() const { return m_liveTasks; }

    /// Appends an event at the current instant (helpers use it for their own events).
    EventId record(EventKind kind, TaskId task, ScopeId scope = NoId, EventId cause = NoId,
                   qint32 other = NoId, const QString &text = {}, qint64 value = -1, quint8 detail = 0);
    /// record() with a text already interned (Trace::internValue() for values).
    EventId recordInterned(EventKind kind, TaskId task, ScopeId scope, EventId cause, qint32 other,
                           qint32 text, qint64 value = -1, quint8 detail = 0);
    /// Records that `task` produced `value` (a stream item), as ValueEmitted.
    EventId recordValue(TaskId task, const Value &value)
    {
        return m_trace.recording() ? recordInterned(EventKind::ValueEmitted, task, NoId, NoId, NoId, m_trace.internValue(value)) : NoId;
    }

    // Called by the task wrapper coroutine (not for general use).
    void taskStarted(TaskId id);
    void taskFinished(TaskId id, Value value, std::exception_ptr error);

private:
    struct TaskRecord
    {
        std::coroutine_handle<> handle;
        Value result;
        std::exception_ptr error;
        std::vector<TaskId> joiners;
        Tick start = -1;
        Tick end = -1;
        qint64 abortArg = 0;
        AbortFn abort = nullptr;
        TaskId parent = NoId;
        ScopeId home = NoId;
        ScopeId current = NoId;
        qint32 hereIndex = -1;
        EventId suspendEvent = NoId;
        EventId wakeCause = NoId;
        EventId endEvent = NoId;
        EventId selfCancelEvent = NoId;
        quint32 waitSerial = 0;
        TaskState state = TaskState::Created;
        WaitReason wait = WaitReason::None;
        bool cancellable = true;
        bool wakePosted = false;
        bool selfCancel = false;
        bool cancelSeen = false;
        quint16 edgePending = 0;   // asyncio: undelivered cancel requests (raised once)
        quint16 cancelsRequested = 0;   // asyncio: task.cancelling()
        EventId edgeCause = NoId;
    };
    struct ScopeRecord
    {
        ScopeObserver *observer = nullptr;
        std::shared_ptr<ScopeObserver> keepAlive;
        std::vector<TaskId> here;       // tasks whose innermost scope this is
        std::vector<ScopeId> children;  // open scopes nested directly inside
        Tick deadline = Never;
        Scheduler::TimerId deadlineTimer = Scheduler::NoTimer;
        ScopeId parent = NoId;
        TaskId owner = NoId;
        EventId cancelEvent = NoId;
        qint32 indexInParent = -1;
        qint32 liveChildren = 0;
        TaskId childWaiter = NoId;
        quint32 childWaiterSerial = 0;
        ScopeKind kind = ScopeKind::Cancel;
        bool cancelCalled = false;
        bool edge = false;
        bool shield = false;
        bool open = true;
        bool ownerInside = true;
        ScopeId ownerPrevious = NoId;   // where the owner returns when it leaves
        bool cancelledCaught = false;
    };

    static void resumeJob(void *rt, qint64 task, qint64 serial);
    static void wakeJob(void *rt, qint64 task, qint64 serial);
    static void deadlineJob(void *rt, qint64 scope, qint64);
    static void notifyJob(void *rt, qint64 task, qint64);
    static void scheduledCancelJob(void *rt, qint64 task, qint64 why);

    /// The scope whose cancellation a checkpoint in `task` would raise, walking outwards from
    /// `from` (shields stop the walk). NoId if none; TaskCancelled if the task itself is.
    ScopeId cancelSource(TaskId task, ScopeId from) const;
    void interruptIfCancelled(TaskId task);
    /// Edge requests wait while `task` is inside a shield scope of its own (see the .cpp).
    bool edgeHeld(TaskId task) const;
    void requestEdgeCancel(TaskId task, EventId cause);
    void deliverToScope(ScopeId scope);
    void placeTask(TaskId task, ScopeId scope);
    void unplaceTask(TaskId task);
    void childEnded(TaskId child);
    void runTask(TaskId task, std::coroutine_handle<> h);
    void shutdown();

    static constexpr ScopeId TaskCancelled = -2;

    Profile m_profile;
    Scheduler m_scheduler;
    Trace m_trace;
    StableVector<TaskRecord> m_tasks;     // records never move while someone holds a reference
    StableVector<ScopeRecord> m_scopes;
    QStringList m_scheduledReasons;
    std::map<std::type_index, std::shared_ptr<void>> m_extensions;
    TaskId m_current = NoId;
    int m_liveTasks = 0;
    bool m_shuttingDown = false;
};

} // namespace engine
