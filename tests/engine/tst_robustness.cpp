// 1000 seeded random task trees (nurseries, wait_any/wait_all, failing, stubborn and slow-cleanup
// leaves, outside cancellation) under every profile. For each: every task ends exactly once, no
// child ends after its scope exited, causes point backwards, time never goes back, and stepping
// event by event gives the same trace as running to the end. Run it under the asan preset.

#include "tracematch.h"

#include "engine/helpers/asyncgui.h"
#include "engine/nursery.h"

#include <QTest>

#include <memory>
#include <random>

using namespace engine;

namespace {

struct Spec
{
    enum Kind { Leaf, NurseryNode, WaitAny, WaitAll } kind = Leaf;
    enum LeafKind { Complete, Fail, Stubborn, SlowCleanup } leaf = Complete;
    Tick duration = 0;
    Tick bodySleep = 0;
    bool bodyFails = false;
    bool daemon = false;
    GroupPolicy groups = GroupPolicy::Always;
    WinRule win = WinRule::None;
    QString name;
    std::vector<std::shared_ptr<const Spec>> children;
};
using SpecPtr = std::shared_ptr<const Spec>;

SpecPtr generate(std::mt19937 &rng, int depth, int &counter)
{
    auto spec = std::make_shared<Spec>();
    spec->name = QStringLiteral("t%1").arg(counter++);
    const int roll = int(rng() % 100);
    if (depth >= 3 || (depth > 0 && roll < 55)) {
        spec->kind = Spec::Leaf;
        const int leafRoll = int(rng() % 100);
        spec->leaf = leafRoll < 60 ? Spec::Complete : leafRoll < 80 ? Spec::Fail : leafRoll < 90 ? Spec::Stubborn : Spec::SlowCleanup;
        spec->duration = Tick(rng() % 21);
        spec->daemon = rng() % 10 == 0;
        return spec;
    }
    spec->kind = roll < 75 ? Spec::NurseryNode : roll < 88 ? Spec::WaitAny : Spec::WaitAll;
    spec->groups = GroupPolicy(rng() % 3);
    spec->win = rng() % 4 == 0 ? WinRule::FirstFinish : WinRule::None;
    spec->bodySleep = Tick(rng() % 11);
    spec->bodyFails = rng() % 12 == 0;
    const int n = 1 + int(rng() % 4);
    for (int i = 0; i < n; ++i)
        spec->children.push_back(generate(rng, depth + 1, counter));
    return spec;
}

Body bodyFor(SpecPtr spec);

QCoro::Task<Value> runLeaf(Ctx ctx, SpecPtr spec)
{
    switch (spec->leaf) {
    case Spec::Complete:
        co_await ctx.sleep(spec->duration);
        co_return spec->name;
    case Spec::Fail:
        co_await ctx.sleep(spec->duration);
        throw Error::plain(QStringLiteral("ValueError"), spec->name, ctx.task);
    case Spec::Stubborn: {
        try {
            co_await ctx.sleep(spec->duration);
        } catch (const Cancelled &) {
        }
        co_await ctx.sleep(spec->duration);   // level-triggered: raises again if cancelled
        co_return spec->name;
    }
    case Spec::SlowCleanup: {
        bool cancelled = false;
        try {
            co_await ctx.sleep(spec->duration);
        } catch (const Cancelled &) {
            cancelled = true;
        }
        if (cancelled) {
            ScopeOptions shield;
            shield.shield = true;
            shield.name = QStringLiteral("cleanup");
            const ScopeId s = ctx.rt->openScope(ctx.task, shield);
            std::exception_ptr error;
            try {
                co_await ctx.sleep(3);
            } catch (...) {
                error = std::current_exception();
            }
            ctx.rt->closeScope(s, error);
            throw Cancelled();
        }
        co_return spec->name;
    }
    }
    co_return {};
}

QCoro::Task<Value> runNode(Ctx ctx, SpecPtr spec)
{
    if (spec->kind == Spec::WaitAny || spec->kind == Spec::WaitAll) {
        std::vector<asyncgui::Child> children;
        for (const SpecPtr &c : spec->children)
            children.push_back({c->name, bodyFor(c)});
        // Not `cond ? co_await a : co_await b`: g++ 12 destroys that temporary twice.
        std::vector<TaskId> ids;
        if (spec->kind == Spec::WaitAny)
            ids = co_await asyncgui::waitAny(ctx, std::move(children));
        else
            ids = co_await asyncgui::waitAll(ctx, std::move(children));
        co_return int(ids.size());
    }
    NurseryOptions options;
    options.name = spec->name + QStringLiteral(" nursery");
    options.groups = spec->groups;
    options.win = spec->win;
    const NurseryBody body = [spec](Ctx ctx, Nursery &n) -> QCoro::Task<Value> {
        for (const SpecPtr &c : spec->children)
            n.start(c->name, bodyFor(c), c->daemon);
        co_await ctx.sleep(spec->bodySleep);
        if (spec->bodyFails)
            throw Error::plain(QStringLiteral("KeyError"), spec->name, ctx.task);
        co_return spec->name;
    };
    co_return co_await withNursery(ctx, options, body);
}

Body bodyFor(SpecPtr spec)
{
    if (spec->kind == Spec::Leaf)
        return [spec](Ctx ctx) { return runLeaf(ctx, spec); };
    return [spec](Ctx ctx) { return runNode(ctx, spec); };
}

struct Plan
{
    Profile profile;
    SpecPtr root;
    Tick cancelAt = -1;
};

Plan makePlan(quint32 seed)
{
    std::mt19937 rng(seed);
    int counter = 0;
    Plan plan;
    const int p = int(rng() % 3);
    plan.profile = p == 0 ? Profile::asyncgui() : p == 1 ? Profile::trio() : Profile::asyncio();
    plan.root = generate(rng, 0, counter);
    if (rng() % 4 == 0)
        plan.cancelAt = Tick(rng() % 15);
    return plan;
}

// Runs the plan either by whole verbs or one step at a time; returns the formatted trace.
QStringList run(const Plan &plan, bool stepwise, Runtime &rt)
{
    rt.spawn(NoId, QStringLiteral("root"), bodyFor(plan.root));
    if (plan.cancelAt >= 0) {
        if (stepwise) {
            while (!rt.scheduler().idle() && (rt.scheduler().hasReady() || rt.scheduler().nextDeadline() <= plan.cancelAt))
                rt.scheduler().step();
            rt.scheduler().advanceTo(plan.cancelAt);   // only moves the clock: nothing is due
        } else {
            rt.scheduler().advanceTo(plan.cancelAt);
        }
        rt.cancelTask(0, NoId, QStringLiteral("outside"));
    }
    if (stepwise)
        while (rt.scheduler().step()) {
        }
    else
        rt.scheduler().runUntilIdle();
    return rt.trace().formatAll();
}

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT

private slots:
    void thousandRandomTreesKeepTheStructuredInvariants()
    {
        int totalTasks = 0;
        int totalCancelled = 0;
        int totalFailed = 0;
        for (quint32 seed = 1; seed <= 1000; ++seed) {
            const Plan plan = makePlan(seed);
            Runtime rt(plan.profile);
            const QStringList whole = run(plan, false, rt);
            const Trace &trace = rt.trace();
            const QByteArray where = "seed " + QByteArray::number(seed);

            QVERIFY2(rt.allTasksDone(), where);
            std::vector<int> ends(size_t(rt.taskCount()), 0);
            std::vector<EventId> endAt(size_t(rt.taskCount()), NoId);
            Tick last = 0;
            for (EventId i = 0; i < trace.size(); ++i) {
                const TraceEvent &e = trace.at(i);
                QVERIFY2(e.time >= last, where);
                last = e.time;
                QVERIFY2(e.cause < i, where);
                totalCancelled += e.kind == EventKind::Cancelled;
                totalFailed += e.kind == EventKind::Failed;
                if (e.kind == EventKind::Completed || e.kind == EventKind::Failed || e.kind == EventKind::Cancelled) {
                    ++ends[size_t(e.task)];
                    endAt[size_t(e.task)] = i;
                }
            }
            for (int n : ends)
                QVERIFY2(n == 1, where);
            for (EventId i = 0; i < trace.size(); ++i) {
                const TraceEvent &e = trace.at(i);
                if (e.kind != EventKind::ScopeExited)
                    continue;
                for (TaskId t = 0; t < rt.taskCount(); ++t)
                    if (trace.tasks()[size_t(t)].scope == e.scope)
                        QVERIFY2(endAt[size_t(t)] < i, where + " task " + QByteArray::number(t));
            }

            totalTasks += rt.taskCount();
            Runtime stepped(plan.profile);
            QCOMPARE(run(plan, true, stepped), whole);
        }
        // The generator must really exercise cancellation and failure, not only happy paths.
        qInfo("%d tasks, %d cancelled, %d failed", totalTasks, totalCancelled, totalFailed);
        QVERIFY(totalTasks > 5000);
        QVERIFY(totalCancelled > 1000);
        QVERIFY(totalFailed > 500);
    }
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
