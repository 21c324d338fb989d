#pragma once

#include "../child.h"
#include "../reference/alarm.h"
#include "../reference/ascompleted.h"
#include "../reference/runner.h"
#include "../reference/taskgroup.h"
#include "../source.h"

#include <QVariantList>

#include <memory>
#include <vector>

/// asyncio (helper-semantics §6.3) as the reference for the asyncio-based libraries: tasks start
/// on a later turn, supervisors react one turn after a child's end (done callbacks: batch
/// propagation), cancellation is edge-triggered (one CancelledError per cancel(), which may be
/// swallowed). Run under Profile::asyncio(). Helpers that create tasks (gather, wait, as_completed,
/// shield, wait_for) put them in a detached scope named after the helper: the tasks are nobody's
/// children in asyncio, so a cancellation reaches them only when the helper passes it on, and the
/// scope stays open while they outlive the helper.
namespace engine::asyncio {

/// asyncio.create_task(coro): a root task that starts on a later turn.
TaskId createTask(Ctx ctx, const QString &name, Body body);

/// gather() options. Trivially destructible.
struct GatherOptions
{
    bool returnExceptions = false;   ///< errors (and CancelledError of a cancelled child) become values
};

/// await asyncio.gather(*aws): results in argument order. The first error is raised at once and
/// the other children keep running (nothing is cancelled); a child that ends cancelled counts as
/// CancelledError. Cancelling the caller cancels every unfinished child and raises CancelledError
/// once the first of them ended (all of them with return_exceptions). Empty input: [] at once.
QCoro::Task<QVariantList> gather(Ctx ctx, std::vector<Child> aws, GatherOptions options = {});
/// gather(*iterable): the iterable is unpacked before gather runs, so if it raises, nothing starts.
QCoro::Task<QVariantList> gather(Ctx ctx, std::shared_ptr<Source> aws, GatherOptions options = {});

/// When asyncio.wait() returns.
enum class ReturnWhen : quint8 { AllCompleted, FirstCompleted, FirstException };

/// wait() options. Trivially destructible.
struct WaitOptions
{
    Tick timeout = Never;
    ReturnWhen returnWhen = ReturnWhen::AllCompleted;
};

/// asyncio.wait()'s (done, pending), as task ids in input order.
struct DonePending
{
    std::vector<TaskId> done;
    std::vector<TaskId> pending;
    /// done={B}, pending={A} (task names).
    QString describe(const Runtime &rt) const;
};

/// await asyncio.wait(tasks, timeout, return_when): creates the tasks (as asyncio.wait(coros) did
/// before 3.11) and returns (done, pending) once the condition holds or the timeout passes; never
/// raises on timeout, never cancels (not even when the caller is cancelled). FIRST_EXCEPTION with
/// no failure waits for all. Everything that ended before the caller resumed is in `done`. Empty
/// input raises ValueError.
QCoro::Task<DonePending> wait(Ctx ctx, std::vector<Child> aws, WaitOptions options = {});

/// asyncio.as_completed(aws, timeout): see AsCompleted.
std::shared_ptr<AsCompleted> asCompleted(Ctx ctx, std::vector<Child> aws, Tick timeout = Never);

/// A handle on the asyncio.Timeout of a timeout() block (valid inside the block).
class Timeout
{
public:
    Timeout() = default;
    Timeout(reference::Alarm *alarm, ScopeId scope) : m_alarm(alarm), m_scope(scope) {}
    /// cm.reschedule(when): a new absolute deadline (Never: none).
    void reschedule(Tick when) const { m_alarm->reschedule(when); }
    /// cm.when().
    Tick when() const { return m_alarm->when(); }
    /// cm.expired(): the deadline passed and cancelled the task.
    bool expired() const { return m_alarm->fired(); }
    ScopeId id() const { return m_scope; }

private:
    reference::Alarm *m_alarm = nullptr;
    ScopeId m_scope = NoId;
};
using TimeoutBody = std::function<QCoro::Task<Value>(Ctx, Timeout)>;

/// async with asyncio.timeout(delay): at the deadline the enclosing task is cancelled (task.cancel():
/// once, edge-triggered); at block exit the timeout withdraws its request (task.uncancel()) and
/// turns a CancelledError into TimeoutError only if no request is left beyond those made before the
/// block (Python 3.12+: an outside cancellation, or an outer timeout's, arriving meanwhile stays a
/// cancellation). A block that swallows it ends normally. Deadline tie (timeout(2) around
/// sleep(2)): the deadline's timer was set first, so it wins and the block raises TimeoutError.
/// The block is a scope in the trace (named "timeout(2)") that is never cancelled itself.
QCoro::Task<Value> timeout(Ctx ctx, Tick delay, TimeoutBody body);
QCoro::Task<Value> timeout(Ctx ctx, Tick delay, Body body);
/// async with asyncio.timeout_at(when).
QCoro::Task<Value> timeoutAt(Ctx ctx, Tick when, TimeoutBody body);
QCoro::Task<Value> timeoutAt(Ctx ctx, Tick when, Body body);

/// Which CPython's wait_for: 3.12 rebuilt it on asyncio.timeout(), and the two differ when the
/// caller is cancelled.
enum class WaitForVersion {
    /// 3.11: its own waiter and call_later. A caller cancelled at the instant the task finished
    /// gets the task's value (the cancellation is lost); otherwise the task is cancelled and
    /// waited for and the caller raises CancelledError even if the task returned anyway. A second
    /// cancellation while waiting ends the wait at once, leaving the task cancelling.
    Python311,
    /// 3.12+: `async with timeout(t): return await task`. The deadline, like any cancellation,
    /// goes to the caller, whose await passes it on to the task and waits for its end however
    /// many times it is cancelled: a task that swallows it and returns gives its value; a
    /// cancellation that comes after the task finished is kept (CancelledError, value lost); an
    /// outside cancellation during the timeout keeps it CancelledError rather than TimeoutError.
    Python312,
};

/// await asyncio.wait_for(aw, timeout): `aw` runs as its own task; at the deadline it is cancelled
/// and waited for, then TimeoutError (unless it returned or raised anyway: that wins). Cancelling
/// the caller cancels and waits for it too (see WaitForVersion for how the versions differ).
/// timeout Never: `aw` is simply awaited in the caller; timeout <= 0: the task is cancelled
/// before it runs (both versions).
QCoro::Task<Value> waitFor(Ctx ctx, Child aw, Tick timeout, WaitForVersion version = WaitForVersion::Python312);

/// await asyncio.shield(aw): `aw` runs as its own task; cancelling the caller (or a timeout around
/// it) cancels only the caller's await, the inner task runs on and its result is dropped.
QCoro::Task<Value> shield(Ctx ctx, Child aw);

/// with asyncio.Runner() as runner: see reference/runner.h.

/// asyncio.run(main()): a root task "asyncio.run()" that runs `main` as its task, then cancels
/// every task still running and waits for them (Runner.close), logging errors they raise while
/// being cancelled; it ends with main's value or error. Returns the runner's task id.
TaskId run(Runtime &rt, Child main);

} // namespace engine::asyncio
