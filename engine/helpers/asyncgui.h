#pragma once

#include "../child.h"
#include "../nursery.h"

#include <vector>

/// asyncgui 0.8 helpers (helper-semantics §3): eager starts, immediate propagation, strict
/// exception groups. Children are named bodies; the helpers return the children's task ids in
/// input order so the caller can inspect `finished` / `result` / `cancelled` like asyncgui's Tasks.
namespace engine::asyncgui {

using Child = engine::Child;

/// wait_any(*aws): starts every child at once; the first to finish (or raise) cancels the others;
/// joins them; returns all children, or raises ExceptionGroup('wait_any()', …) if any raised.
QCoro::Task<std::vector<TaskId>> waitAny(Ctx ctx, std::vector<Child> children);

/// wait_all(*aws): starts every child; waits for all; the first error cancels the rest, joins and
/// raises ExceptionGroup('wait_all()', …). Cancelled children are not errors.
QCoro::Task<std::vector<TaskId>> waitAll(Ctx ctx, std::vector<Child> children);

/// async with open_nursery() as n: the body gets the nursery (n.start(…, daemon)); errors close
/// it and raise ExceptionGroup('Nursery', …); daemons are cancelled when only they are left.
QCoro::Task<Value> openNursery(Ctx ctx, NurseryBody body);

} // namespace engine::asyncgui
