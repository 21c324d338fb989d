#pragma once

#include "scope.h"

#include <memory>

namespace engine::effectpy {

/// acquire_release(acquire, release, use): runs `acquire`, then `use(a)`, and ALWAYS `release(a)`
/// afterwards (after success, failure or cancellation), all in the calling task. Errors of
/// release are swallowed (the outcome of use stands); release is not shielded, and acquire is not
/// protected from cancellation.
QCoro::Task<Value> acquireRelease(Ctx ctx, Effect acquire, Continuation release, Continuation use);
/// Effect.ensuring(fin): runs `effect`, then `finalizer` whatever the outcome; a finalizer error is
/// swallowed (its cancellation is not).
QCoro::Task<Value> ensuring(Ctx ctx, Effect effect, Effect finalizer);

/// scoped's body: given the fresh Scope, the effect to run in it.
using ScopedBody = std::function<Effect(std::shared_ptr<Scope> scope)>;
/// scoped(f): creates a Scope, runs `f(scope)` and closes the scope afterwards, whatever happened.
QCoro::Task<Value> scoped(Ctx ctx, ScopedBody body);

/// `t = asyncio.create_task(effect); return await t`: runs `effect` as a task of its own (in a
/// task set called `name`) and awaits it; the await forwards the caller's cancellation into it.
QCoro::Task<Value> awaitOwnTask(Ctx ctx, Effect effect, QString name);
/// uninterruptible(eff) as it REALLY behaves: it runs `effect` as a task and awaits it, but that
/// await forwards the caller's cancellation into the task, so the effect is cancelled with its
/// caller; the caller then waits for it to end and raises CancelledError. It protects nothing.
QCoro::Task<Value> uninterruptible(Ctx ctx, Effect effect);
/// What uninterruptible is meant to do (Effect-TS): the effect runs to its end even if the caller
/// is cancelled meanwhile; the caller's cancellation is delivered right after it.
QCoro::Task<Value> uninterruptibleShielded(Ctx ctx, Effect effect);

} // namespace engine::effectpy
