#pragma once

#include "../child.h"
#include "../concurry/dict.h"
#include "../concurry/gatheriterator.h"
#include "../concurry/methodretries.h"
#include "../concurry/nested.h"
#include "../concurry/options.h"
#include "../concurry/retry.h"

#include <QVariantList>

#include <memory>
#include <vector>

/// Concurry (helper-semantics §4): wait/gather over futures that are already running. The futures
/// are the children, started eagerly when the call is made (workers were submitted to before the
/// call; async_* would ensure_future() them one turn later, which only changes the order inside
/// the first instant, and lets a child that returns at once be an already-done future, as plain
/// values are). They live in a detached scope: completion is noticed only at poll instants, and
/// nothing is ever cancelled (not on an error, a timeout or the caller's cancellation: they leak),
/// except by async_gather on timeout. Every poll is recorded on the caller ("poll: B done, 1/3
/// done"); a raised error is recorded as "<scope> raises …".
namespace engine::concurry {

using Dict = engine::concurry::Dict;

/// wait(fs, timeout, return_when, polling) -> (done, not_done): polls until the condition holds;
/// TimeoutError at the first poll at or after the timeout; empty input returns (∅, ∅) at once.
QCoro::Task<DoneNotDone> wait(Ctx ctx, std::vector<Child> futures, WaitOptions options = {});

/// gather(fs) -> results in input order, once *every* future is done; with return_exceptions=False
/// raises the first error in input order (not in time order). A cancelled future raises
/// CancelledError even with return_exceptions. Empty input: [].
QCoro::Task<QVariantList> gather(Ctx ctx, std::vector<Child> futures, GatherOptions options = {});

/// gather(dict) -> a dict with the same keys in the same order; the children's names are the keys.
QCoro::Task<Dict> gatherDict(Ctx ctx, std::vector<Child> futures, GatherOptions options = {});

/// gather(fs, iter=True): (index, result) pairs in completion order, per poll batch.
std::shared_ptr<GatherIterator> gatherIter(Ctx ctx, std::vector<Child> futures, GatherOptions options = {});

/// gather(dict, iter=True): (key, result) pairs in completion order, per poll batch.
std::shared_ptr<GatherIterator> gatherDictIter(Ctx ctx, std::vector<Child> futures, GatherOptions options = {});

/// async_wait(fs, timeout, return_when): wait() for coroutines, polling every tick (concurry polls
/// every 100 µs; a tick is the engine's smallest step, so a completion is noticed at the first
/// tick at or after it). TimeoutError on timeout; no cancellation; a cancelled caller leaks them.
QCoro::Task<DoneNotDone> asyncWait(Ctx ctx, std::vector<Child> aws, WaitOptions options = {});

/// async_gather(fs): gather() for coroutines, polling every tick. On timeout it cancels the
/// unfinished tasks (task.cancel(), not awaited) and raises TimeoutError; a cancelled caller
/// leaks them.
QCoro::Task<QVariantList> asyncGather(Ctx ctx, std::vector<Child> aws, GatherOptions options = {});

/// async_gather(dict): as asyncGather(), keyed by the children's names in input order.
QCoro::Task<Dict> asyncGatherDict(Ctx ctx, std::vector<Child> aws, GatherOptions options = {});

/// wait(fs, *futs, recurse=…) on the positional arguments as Python receives them: a single dict
/// waits for its values (never walked, even with recurse); a single list for its elements, or with
/// options.recurse for every future and plain value anywhere inside it (lists and dicts walked);
/// several arguments (or one that is no structure) for each of them. Whatever is not a future is
/// wrapped as a done future (a structure with itself; the futures inside it run on unobserved, in
/// a scope "wait(): unobserved futures"). A structure followed by more arguments raises ValueError.
QCoro::Task<DoneNotDone> waitArgs(Ctx ctx, std::vector<Nested> args, WaitOptions options = {});

/// gather(fs, *futs, recurse=…) on positional arguments: a single dict gives a Dict with its keys;
/// a single list a list in its order, NOT walked even with recurse (concurry checks for a list
/// before it looks at recurse: nested structures come back as they are, their futures unobserved,
/// though its docstring promises results); several arguments with recurse give their structure
/// with every future replaced by its result ([r1, [r2, r3], {'k': r4}]; one non-structure argument
/// gives [[r]] where Python gives [(r,)]); without recurse each argument is one future. Waits for
/// all, then raises the first error in traversal order (unless return_exceptions).
QCoro::Task<Value> gatherArgs(Ctx ctx, std::vector<Nested> args, GatherOptions options = {});

/// gather(fs, *futs, iter=True, recurse=…): (key, result) pairs in completion order per poll batch.
/// Keys: a single dict's keys, a single list's indices (not walked), or with recurse over several
/// arguments the path of each future as a list ([1, 0]; a one-step path is that step).
std::shared_ptr<GatherIterator> gatherArgsIter(Ctx ctx, std::vector<Nested> args, GatherOptions options = {});

/// A future that is already done with `value` (a plain value handed to async_gather, or a future
/// that finished before the call).
Child ready(const QString &name, Value value);

} // namespace engine::concurry
