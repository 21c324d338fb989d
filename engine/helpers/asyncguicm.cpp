#include "asyncguicm.h"

namespace engine::asyncgui {

namespace {

const char *nameOf(PairKind kind)
{
    switch (kind) {
    case PairKind::WaitAnyCm: return "wait_any_cm()";
    case PairKind::WaitAllCm: return "wait_all_cm()";
    case PairKind::RunAsDaemon: return "run_as_daemon()";
    case PairKind::RunAsMain: return "run_as_main()";
    }
    return "?";
}

// Watches the background child: its failure cancels the with-block; its completion does too for
// wait_any_cm and run_as_main.
class PairState : public ScopeObserver
{
public:
    PairState(Ctx ctx, PairKind kind) : m_ctx(ctx), m_kind(kind)
    {
        ScopeOptions options;
        options.name = QLatin1String(nameOf(kind));
        options.kind = ScopeKind::Helper;
        options.observer = this;
        scope = ctx.rt->openScope(ctx.task, options);
    }
    ~PairState() override { m_ctx.rt->setObserver(scope, nullptr); }

    void childEnded(TaskId child) override
    {
        Runtime &rt = *m_ctx.rt;
        const QString name = rt.trace().taskName(child);
        if (rt.state(child) == TaskState::Failed) {
            errors.push_back(Error::fromException(rt.error(child)));
            const EventId e = rt.record(EventKind::ErrorPropagated, child, scope, rt.endEvent(child), m_ctx.task);
            rt.cancelScope(scope, child, QStringLiteral("%1 failed").arg(name), e);
        } else if (rt.state(child) == TaskState::Completed && !blockDone
                   && (m_kind == PairKind::WaitAnyCm || m_kind == PairKind::RunAsMain)) {
            rt.cancelScope(scope, child, QStringLiteral("%1 finished").arg(name), rt.endEvent(child));
        }
    }

    ScopeId scope = NoId;
    std::vector<Error> errors;
    bool blockDone = false;

private:
    Ctx m_ctx;
    PairKind m_kind;
};

} // namespace

QCoro::Task<PairOutcome> pair(Ctx ctx, PairKind kind, Child background, Body block)
{
    Runtime &rt = *ctx.rt;
    PairState state(ctx, kind);
    PairOutcome outcome;
    outcome.background = rt.spawn(state.scope, background.name, std::move(background.body), StartPolicy::Eager);
    std::exception_ptr error;
    try {
        outcome.blockValue = co_await block(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    rt.leaveScope(ctx.task, state.scope);
    state.blockDone = true;
    bool outerCancelled = false;
    if (error && !isCancelled(error)) {
        state.errors.push_back(Error::fromException(error));
        rt.cancelScope(state.scope, ctx.task, QStringLiteral("the with-block raised"));
    } else if (error) {
        outcome.blockCancelled = rt.scopeCancelCalled(state.scope) && !rt.cancelPending(ctx.task);
        outerCancelled = !outcome.blockCancelled;
        if (outerCancelled)
            rt.cancelScope(state.scope, ctx.task, QStringLiteral("the caller was cancelled"));
    } else if (kind == PairKind::WaitAnyCm || kind == PairKind::RunAsDaemon) {
        rt.cancelScope(state.scope, ctx.task, QStringLiteral("the with-block ended"));
    }
    outerCancelled = co_await joinScope(ctx, state.scope, outerCancelled);
    if (!state.errors.empty()) {
        const Error raised = Error::group(QLatin1String(nameOf(kind)), state.errors);
        rt.record(EventKind::ErrorsGrouped, ctx.task, state.scope, NoId, NoId, raised.describe());
        rt.closeScope(state.scope, std::make_exception_ptr(raised), QStringLiteral("raised"));
        throw raised;
    }
    rt.closeScope(state.scope, outcome.blockCancelled ? error : nullptr);
    if (outerCancelled)
        std::rethrow_exception(error ? error : std::make_exception_ptr(Cancelled()));
    co_return outcome;
}

QCoro::Task<PairOutcome> moveOnWhen(Ctx ctx, Child background, Body block)
{
    return pair(ctx, PairKind::WaitAnyCm, std::move(background), std::move(block));
}

QCoro::Task<PairOutcome> moveOnAfter(Ctx ctx, Tick duration, Body block)
{
    Child timer{QStringLiteral("sleep(%1)").arg(duration), [duration](Ctx c) -> QCoro::Task<Value> {
                    co_await c.sleep(duration);
                    co_return {};
                }};
    return pair(ctx, PairKind::WaitAnyCm, std::move(timer), std::move(block));
}

QCoro::Task<Value> disableCancellation(Ctx ctx, Body block)
{
    ScopeOptions options;
    options.name = QStringLiteral("disable_cancellation()");
    options.shield = true;
    const ScopeOutcome outcome = co_await runInScope(ctx, options, std::move(block));
    co_return outcome.value;
}

QCoro::Task<ScopeOutcome> openCancelScope(Ctx ctx, Body block)
{
    ScopeOptions options;
    options.name = QStringLiteral("open_cancel_scope()");
    return runInScope(ctx, options, std::move(block));
}

} // namespace engine::asyncgui
