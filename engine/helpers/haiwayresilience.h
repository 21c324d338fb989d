#pragma once

#include "../primitives/semaphore.h"

#include <QStringList>

#include <deque>

/// Haiway's resilience and time helpers (helper-semantics §1.6), on the virtual clock.
namespace engine::haiway {

/// @retry(limit=1, delay=None, catching=Exception). Trivially destructible.
struct RetryOptions
{
    int limit = 1;       ///< retries after the first call (limit + 1 calls at most)
    Tick delay = 0;      ///< fixed delay between attempts (0: immediately)
};
/// A computed delay: fn(attempt, error) (attempt counts from 1).
using RetryDelay = std::function<Tick(int attempt, const Error &error)>;

/// Calls `body` again (in the same task) while it raises an error whose type is in `catching`
/// (empty: any error), at most `limit` more times; re-raises the last error. Cancellation is never
/// retried. Each retry is recorded in the trace.
QCoro::Task<Value> retry(Ctx ctx, Body body, RetryOptions options, RetryDelay delay = {}, QStringList catching = {});

/// @timeout(seconds): runs `body` as a separate task; at the deadline the caller gets
/// TimeoutError at once and the inner task is cancelled but not awaited (it may keep running its
/// clean-up). A cancelled caller cancels the inner task too.
QCoro::Task<Value> timeout(Ctx ctx, Tick seconds, Body body, QString name = QStringLiteral("timed"));

/// @throttle(limit=1, period): a sliding window of call starts, serialised by a lock; a caller
/// that would exceed `limit` starts within `period` sleeps until the oldest start leaves it.
class Throttle
{
public:
    Throttle(Runtime &rt, int limit, Tick period, QString name = QStringLiteral("throttle"));
    /// Runs `body` in the calling task once the window allows it.
    QCoro::Task<Value> call(Ctx ctx, Body body);

private:
    Runtime &m_rt;
    int m_limit;
    Tick m_period;
    QString m_name;
    Semaphore m_lock;
    std::deque<Tick> m_starts;
};

} // namespace engine::haiway
