#pragma once

#include "../child.h"
#include "../cancelscope.h"

/// asyncgui's context-manager pairings (helper-semantics §3.2): `async with X(aw) as bg:` runs the
/// with-block in the calling task and `aw` as a background child started at once.
///
/// | helper        | bg finishes first      | with-block ends first | an error on either side          |
/// | wait_any_cm   | with-block cancelled   | bg cancelled          | other side cancelled; group      |
/// | wait_all_cm   | block goes on          | exit waits for bg     | same                             |
/// | run_as_daemon | nothing happens        | bg cancelled          | same                             |
/// | run_as_main   | with-block cancelled   | exit waits for bg     | same                             |
namespace engine::asyncgui {

enum class PairKind : quint8 { WaitAnyCm, WaitAllCm, RunAsDaemon, RunAsMain };

/// How a pairing ended when it did not raise.
struct PairOutcome
{
    TaskId background = NoId;      ///< inspect its state: finished or cancelled
    Value blockValue;
    bool blockCancelled = false;   ///< the with-block was interrupted by the pairing
};

/// Runs `block` in the caller beside `background` under the rules of `kind`; raises
/// ExceptionGroup('<name>()', …) with every error of both sides.
QCoro::Task<PairOutcome> pair(Ctx ctx, PairKind kind, Child background, Body block);

/// move_on_when(aw) ≡ wait_any_cm(aw).
QCoro::Task<PairOutcome> moveOnWhen(Ctx ctx, Child background, Body block);
/// Clock.move_on_after(t) = move_on_when(clock.sleep(t)): the block is cancelled at t; the
/// returned background task finished iff the timeout fired.
QCoro::Task<PairOutcome> moveOnAfter(Ctx ctx, Tick duration, Body block);
/// disable_cancellation(): cancel requests arriving inside are delivered at the first checkpoint
/// after the block (asyncgui ≤ 0.8's shield).
QCoro::Task<Value> disableCancellation(Ctx ctx, Body block);
/// open_cancel_scope(): cancels only the code inside; `cancelledCaught` as in trio.
QCoro::Task<ScopeOutcome> openCancelScope(Ctx ctx, Body block);

} // namespace engine::asyncgui
