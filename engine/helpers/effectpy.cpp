#include "effectpy.h"

namespace engine::effectpy {

namespace {

std::vector<Child> children(const std::vector<Effect> &effects)
{
    std::vector<Child> out;
    for (const Effect &effect : effects)
        out.push_back(effect.child());
    return out;
}

SupervisorPolicy asyncioBase(const QString &name)
{
    SupervisorPolicy p;
    p.name = name;
    p.pull = Pull::EagerAll;
    p.start = StartPolicy::Deferred;   // asyncio.create_task
    p.errors = ErrorForm::Bare;        // effectpy never groups
    p.onCallerCancel = OnCallerCancel::CancelAndJoin;
    return p;
}

} // namespace

SupervisorPolicy raceFirstSuccessPolicy()
{
    SupervisorPolicy p = asyncioBase(QStringLiteral("race (first success)"));
    p.win = WinWhen::FirstSuccess;
    return p;
}

SupervisorPolicy zipParSymmetricPolicy()
{
    SupervisorPolicy p = asyncioBase(QStringLiteral("zip_par (symmetric)"));
    p.win = WinWhen::AllDone;
    p.onChildError = OnChildError::FailFast;
    return p;
}

QCoro::Task<Value> raceFirstSuccess(Ctx ctx, std::vector<Effect> effects)
{
    const SupervisorResult result = co_await supervise(ctx, raceFirstSuccessPolicy(), children(effects));
    for (const ChildOutcome &o : result.done)
        if (o.index == result.winner)
            co_return o.value;
    co_return Value();
}

QCoro::Task<QVariantList> zipParSymmetric(Ctx ctx, Effect first, Effect second)
{
    std::vector<Child> both{first.child(), second.child()};
    const SupervisorResult result = co_await supervise(ctx, zipParSymmetricPolicy(), std::move(both));
    QVariantList values;
    for (const ChildOutcome &o : result.done)
        values << o.value;
    co_return values;
}

} // namespace engine::effectpy
