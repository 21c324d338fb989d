#pragma once

#include "../primitives/queue.h"
#include "../primitives/semaphore.h"
#include "../source.h"

#include <QVariantList>

#include <memory>

/// aio.tasks (helper-semantics §2): `concurrent` runs awaitables with at most `limit` in flight and
/// yields results in completion order. A submitter pulls one item ahead of the free slots; errors
/// are wrapped (ConcurrentExecutionError, ConcurrentError for a bad element, ConcurrentIteratorError
/// when the input raises); a consumer that walks away leaks the submitter and the running tasks.
namespace engine::aiotasks {

/// Options of `concurrent` (trivially destructible: safe inside co_await on g++ 12).
struct ConcurrentOptions
{
    int limit = 0;             ///< 0 (or None): the default min(32, cpuCount + 4); -1: unlimited
    bool yieldExceptions = false;
    int cpuCount = 4;          ///< what os.cpu_count() would say; fixed so that runs are reproducible
};

/// The default limit: min(32, cpuCount + 4).
int defaultLimit(int cpuCount);

/// The async iterator returned by `concurrent(...)`. A child whose body is empty stands for an
/// element that is not a coroutine (ConcurrentError).
class Concurrent : public std::enable_shared_from_this<Concurrent>
{
public:
    /// Starts the submitter (a detached task) over `source`.
    static std::shared_ptr<Concurrent> start(Ctx ctx, std::shared_ptr<Source> source, ConcurrentOptions options = {});

    /// The next result in completion order, or nullopt once the input is exhausted and every task
    /// ended. Raises the wrapped error (after cancelling and joining everything) unless
    /// yieldExceptions, in which case errors arrive as Error values; an input error always raises.
    QCoro::Task<std::optional<Value>> next(Ctx ctx);

    TaskId submitter() const { return m_submitter; }
    ScopeId scope() const { return m_scope; }

    struct Item;   ///< what travels through the output queue (defined in the .cpp)

private:
    Concurrent(Ctx ctx, ConcurrentOptions options);
    static QCoro::Task<Value> submit(Ctx ctx, std::shared_ptr<Concurrent> self, std::shared_ptr<Source> source);
    static QCoro::Task<Value> runChild(Ctx ctx, std::shared_ptr<Concurrent> self, Body body);
    void deliver(const QVariant &item);
    void taskEnded();
    QCoro::Task<void> shutdown(Ctx ctx);

    Runtime &m_rt;
    ConcurrentOptions m_options;
    ScopeId m_scope = NoId;
    TaskId m_submitter = NoId;
    std::unique_ptr<Queue> m_out;
    std::unique_ptr<Semaphore> m_slots;
    int m_running = 0;
    bool m_submitted = false;
    bool m_closed = false;
    bool m_finished = false;
};

/// aio.core's awaitable form: every result (completion order) as a list.
QCoro::Task<QVariantList> concurrentList(Ctx ctx, std::shared_ptr<Source> source, ConcurrentOptions options = {});

/// One input object of `inflate` and the awaitables its callback makes for it.
struct Inflatable
{
    QString object;
    std::vector<Child> awaitables;
};

/// inflate(iterable, cb): for each object runs its awaitables concurrently (through `concurrent`)
/// and yields the object once they are all done; if one raised, that error is raised.
QCoro::Task<QVariantList> inflate(Ctx ctx, std::vector<Inflatable> objects, ConcurrentOptions options = {});

} // namespace engine::aiotasks
