#pragma once

#include "error.h"
#include "types.h"

#include <coroutine>

namespace engine {

class Runtime;

/// Common part of every engine awaitable: each one is a cancellation checkpoint. If the task is
/// already cancelled it does not suspend; when it is resumed by a cancellation, await_resume
/// throws engine::Cancelled at the await point so the coroutine unwinds at that virtual instant.
class CheckpointAwaiter
{
public:
    bool await_ready() const;
    /// Inline on purpose: the throw happens in the awaiting coroutine's own frame (see
    /// Runtime::cancelledAtCheckpoint).
    void await_resume() const
    {
        if (cancelled())
            throw Cancelled();
    }

protected:
    CheckpointAwaiter(Runtime *rt, TaskId task, WaitReason reason, bool cancellable = true)
        : m_rt(rt), m_task(task), m_reason(reason), m_cancellable(cancellable) {}
    bool cancelled() const;
    Runtime *m_rt;
    TaskId m_task;
    WaitReason m_reason;
    bool m_cancellable;
};

/// ctx.sleep(d) / ctx.sleepUntil(t) / ctx.checkpoint().
class SleepAwaiter : public CheckpointAwaiter
{
public:
    SleepAwaiter(Runtime *rt, TaskId task, Tick deadline, bool yieldOnly)
        : CheckpointAwaiter(rt, task, yieldOnly ? WaitReason::Yield : WaitReason::Sleep), m_deadline(deadline) {}
    void await_suspend(std::coroutine_handle<> h);

private:
    Tick m_deadline;
};

/// ctx.join(task): resumes with the joined task's id once it ended.
class JoinAwaiter : public CheckpointAwaiter
{
public:
    JoinAwaiter(Runtime *rt, TaskId task, TaskId target)
        : CheckpointAwaiter(rt, task, WaitReason::Join), m_target(target) {}
    bool await_ready() const;
    void await_suspend(std::coroutine_handle<> h);
    TaskId await_resume() const;

private:
    TaskId m_target;
};

/// ctx.waitChildren(scope): resumes once the scope has no live children.
class ChildrenAwaiter : public CheckpointAwaiter
{
public:
    ChildrenAwaiter(Runtime *rt, TaskId task, ScopeId scope, bool cancellable)
        : CheckpointAwaiter(rt, task, WaitReason::Children, cancellable), m_scope(scope) {}
    bool await_ready() const;
    void await_suspend(std::coroutine_handle<> h);

private:
    ScopeId m_scope;
};

} // namespace engine
