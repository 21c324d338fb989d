#pragma once

#include "../child.h"
#include "../nursery.h"
#include "../reference/taskstatus.h"

#include <vector>

/// trio (helper-semantics §6.1) as the reference for structured concurrency: nurseries whose
/// children start on a later turn (start_soon), strict exception groups, level-triggered cancel
/// scopes with deadlines and shields, move_on_*/fail_* timeouts. Run under Profile::trio().
namespace engine::trio {

/// A handle on a trio.CancelScope, trivially copyable: cancel it, move its deadline, read its flags.
class CancelScope
{
public:
    CancelScope() = default;
    CancelScope(Runtime *rt, ScopeId scope) : m_rt(rt), m_scope(scope) {}

    /// cs.cancel(): every checkpoint inside raises Cancelled from now on (level-triggered).
    void cancel(const QString &why = QStringLiteral("cancel() called")) const;
    /// cs.deadline = t (Never removes it); a deadline already passed cancels at once.
    void setDeadline(Tick deadline) const;
    /// cs.cancel_called.
    bool cancelCalled() const;
    /// cs.cancelled_caught: the block ended with a Cancelled that this scope caused and caught.
    bool cancelledCaught() const;
    ScopeId id() const { return m_scope; }

private:
    Runtime *m_rt = nullptr;
    ScopeId m_scope = NoId;
};

/// A block run under a cancel scope: it gets the scope to cancel or inspect.
using ScopeBody = std::function<QCoro::Task<Value>(Ctx, CancelScope)>;

/// CancelScope(deadline=…, shield=…) options. Trivially destructible.
struct CancelScopeOptions
{
    Tick deadline = Never;   ///< absolute
    bool shield = false;     ///< outside cancellation does not reach in (its own deadline still does)
};

/// How a `with CancelScope()` block ended (unless it raised).
struct ScopeResult
{
    Value value;                   ///< the block's value (None when cancelled)
    bool cancelCalled = false;
    bool cancelledCaught = false;
    ScopeId scope = NoId;
};

/// with trio.CancelScope(deadline, shield) as cs: runs `body` inside a new scope of the calling task.
/// A cancellation this scope caused is caught here (the outermost cancelled scope catches).
QCoro::Task<ScopeResult> cancelScope(Ctx ctx, ScopeBody body, CancelScopeOptions options = {});
QCoro::Task<ScopeResult> cancelScope(Ctx ctx, Body body, CancelScopeOptions options = {});

/// with move_on_after(seconds): the block is cancelled after `seconds` and execution goes on;
/// check cancelledCaught. Negative seconds raise ValueError('timeout must be non-negative').
QCoro::Task<ScopeResult> moveOnAfter(Ctx ctx, Tick seconds, ScopeBody body);
QCoro::Task<ScopeResult> moveOnAfter(Ctx ctx, Tick seconds, Body body);
/// with move_on_at(deadline).
QCoro::Task<ScopeResult> moveOnAt(Ctx ctx, Tick deadline, ScopeBody body);
QCoro::Task<ScopeResult> moveOnAt(Ctx ctx, Tick deadline, Body body);
/// with fail_after(seconds): as move_on_after, but a caught cancellation raises TooSlowError().
QCoro::Task<Value> failAfter(Ctx ctx, Tick seconds, ScopeBody body);
QCoro::Task<Value> failAfter(Ctx ctx, Tick seconds, Body body);
/// with fail_at(deadline).
QCoro::Task<Value> failAt(Ctx ctx, Tick deadline, ScopeBody body);
QCoro::Task<Value> failAt(Ctx ctx, Tick deadline, Body body);

/// async with trio.open_nursery() as nursery: the body starts children with startSoon(); the first
/// error (a child's or the body's) cancels the nursery's scope, body included; the block exits once
/// every child ended and raises ExceptionGroup('Exceptions from Trio nursery', […]) (strict groups:
/// even one error is grouped).
QCoro::Task<Value> openNursery(Ctx ctx, NurseryBody body);

// await nursery.start(fn) with task_status.started(value): start() in reference/taskstatus.h.

/// nursery.start_soon(fn): the child runs on a later turn (a child started into a cancelled
/// nursery meets the cancellation at its first checkpoint).
TaskId startSoon(Nursery &nursery, const QString &name, Body body);

/// nursery.cancel_scope.
CancelScope cancelScopeOf(const Nursery &nursery, Runtime &rt);

/// The nursery options trio uses (the trace name is `name`).
NurseryOptions nurseryOptions(const QString &name = QStringLiteral("nursery"));

} // namespace engine::trio

/// trio-util (helper-semantics §6.2): small helpers on trio nurseries and cancel scopes.
namespace engine::trioutil {

using trio::CancelScope;
using trio::ScopeBody;
using trio::ScopeResult;

/// wait_any(*fns): a nursery where the first function to *return* cancels the others; joins them;
/// returns None. An error goes through the nursery (a group); a child cancelled from outside is
/// absorbed and does not end the wait.
QCoro::Task<Value> waitAny(Ctx ctx, std::vector<Child> fns);

/// wait_all(*fns): a plain nursery; returns None.
QCoro::Task<Value> waitAll(Ctx ctx, std::vector<Child> fns);

/// async with move_on_when(fn) as cancel_scope: the block runs in a cancel scope that `fn`'s return
/// cancels (cancelledCaught tells); when the block ends, `fn` is cancelled. `fn` is a nursery child:
/// its error cancels the block and is raised in a group.
QCoro::Task<ScopeResult> moveOnWhen(Ctx ctx, Child fn, ScopeBody block);

/// async with run_and_cancelling(fn): `fn` runs in the background and is cancelled when the block
/// ends; its return does nothing to the block (its error does: nursery rules).
QCoro::Task<Value> runAndCancelling(Ctx ctx, Child fn, Body block);

} // namespace engine::trioutil
