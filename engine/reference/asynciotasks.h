#pragma once

#include "childset.h"

#include <memory>
#include <vector>

// Small pieces shared by the asyncio helpers (helpers/asyncio.cpp, reference/asynciotimeouts.cpp).
namespace engine::reference {

/// ensure_future() for each awaitable: tasks that start on a later turn, in a detached set.
std::shared_ptr<ChildSet> createTasks(Ctx ctx, const QString &name, std::vector<Child> aws);

/// task.result(): the value, or the task's error raised (CancelledError for a cancelled task).
Value resultOf(const Runtime &rt, TaskId task);

/// Runner.close()'s _cancel_all_tasks(), run by the closing task: cancels every other task still
/// running and waits for them; notes "<who>: cancelling n remaining tasks {…}" and every error a
/// task raised while being cancelled ("unhandled exception during <who> shutdown: …").
QCoro::Task<void> cancelAllTasks(Ctx ctx, QString who);

/// Records "<scope> raises <error>" on the calling task, then throws `error`.
[[noreturn]] void raiseFrom(Ctx ctx, const ChildSet &set, const Error &error, EventId cause = NoId);

} // namespace engine::reference
