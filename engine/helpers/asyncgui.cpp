#include "asyncgui.h"

namespace engine::asyncgui {

namespace {

QCoro::Task<std::vector<TaskId>> waitXxx(Ctx ctx, std::vector<Child> children, WinRule win, QString name)
{
    NurseryOptions options;
    options.name = name;
    options.groupMessage = name;
    options.kind = ScopeKind::Helper;
    options.groups = GroupPolicy::Always;
    options.win = win;
    Nursery nursery(ctx, options);
    // asyncgui starts the children one after another, synchronously, inside the call.
    for (Child &child : children)
        nursery.start(child.name, std::move(child.body), StartPolicy::Eager);
    const Raised raised = co_await nursery.finish(nullptr);
    raised.rethrow();
    co_return nursery.children();
}

} // namespace

QCoro::Task<std::vector<TaskId>> waitAny(Ctx ctx, std::vector<Child> children)
{
    return waitXxx(ctx, std::move(children), WinRule::FirstFinish, QStringLiteral("wait_any()"));
}

QCoro::Task<std::vector<TaskId>> waitAll(Ctx ctx, std::vector<Child> children)
{
    return waitXxx(ctx, std::move(children), WinRule::None, QStringLiteral("wait_all()"));
}

QCoro::Task<Value> openNursery(Ctx ctx, NurseryBody body)
{
    NurseryOptions options;
    options.name = QStringLiteral("open_nursery()");
    options.groupMessage = QStringLiteral("Nursery");
    return withNursery(ctx, options, std::move(body));
}

} // namespace engine::asyncgui
