#pragma once

#include "childset.h"

#include <deque>
#include <memory>
#include <optional>

namespace engine::asyncio {

/// for aw in asyncio.as_completed(aws, timeout=…): result = await aw. The tasks are created when
/// as_completed is called (3.13: the iterator's constructor); each next() hands out the next one
/// to finish (completion order, as their done callbacks run) and raises its error if it failed.
/// Once the timeout passes, every next() still owed raises TimeoutError; results arriving after
/// that are dropped. Nothing is ever cancelled: not on timeout, not when the consumer is cancelled
/// or stops early.
class AsCompleted : public std::enable_shared_from_this<AsCompleted>
{
public:
    /// Creates the tasks (deferred starts) and the timeout timer.
    static std::shared_ptr<AsCompleted> start(Ctx ctx, std::vector<Child> aws, Tick timeout);
    ~AsCompleted();
    AsCompleted(const AsCompleted &) = delete;
    AsCompleted &operator=(const AsCompleted &) = delete;

    /// The next result; nullopt once len(aws) results were handed out (the loop ends).
    QCoro::Task<std::optional<Value>> next(Ctx ctx);
    /// How many next() calls are still owed.
    int remaining() const { return m_left; }

private:
    explicit AsCompleted(Ctx ctx);
    void completed(int index);
    void timedOut();
    static void timeoutJob(void *self, qint64, qint64);

    Runtime &m_rt;
    std::shared_ptr<reference::ChildSet> m_set;
    reference::Signal m_ready;
    std::deque<int> m_done;   // child indices; -1 is a timeout marker (the None put on timeout)
    Scheduler::TimerId m_timer = Scheduler::NoTimer;
    int m_todo = 0;           // not yet queued and not given up on
    int m_left = 0;           // next() calls still owed
};

} // namespace engine::asyncio
