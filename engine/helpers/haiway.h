#pragma once

#include "../source.h"
#include "../supervisor.h"

#include <QVariantList>

/// Haiway (helper-semantics §1): fan-out on asyncio task groups. Children start on a later turn,
/// at most `concurrentTasks` run (default 2), the input is pulled lazily one item per freed slot,
/// the first error is raised bare after the others were cancelled and joined.
namespace engine::haiway {

/// Options shared by the fan-out helpers (trivially destructible: safe inside co_await on g++ 12).
struct FanOutOptions
{
    int concurrentTasks = 2;
    bool returnExceptions = false;   ///< execute_concurrently / concurrently
    bool ignoreExceptions = false;   ///< process_concurrently
};

/// A handler applied to each element: the body of one child.
using Handler = std::function<Body(const QVariant &element)>;

/// process_concurrently(source, handler, concurrent_tasks=2, ignore_exceptions=False) -> None.
QCoro::Task<void> processConcurrently(Ctx ctx, std::shared_ptr<Source> source, FanOutOptions options = {});
/// execute_concurrently(handler, elements, …) -> results in input order (errors in place with
/// return_exceptions). A child that ends cancelled makes it raise CancelledError.
QCoro::Task<QVariantList> executeConcurrently(Ctx ctx, Handler handler, QVariantList elements, FanOutOptions options = {});
QCoro::Task<QVariantList> executeConcurrently(Ctx ctx, std::shared_ptr<Source> source, FanOutOptions options = {});
/// concurrently(coroutines, …): as execute_concurrently for ready-made children.
QCoro::Task<QVariantList> concurrently(Ctx ctx, std::shared_ptr<Source> source, FanOutOptions options = {});

/// The supervisor preset behind the three helpers (so other code can compare it).
SupervisorPolicy fanOutPolicy(const QString &name, FanOutOptions options);

} // namespace engine::haiway
