#pragma once

// Shared by the engine tests: scripted leaf bodies and a filtered, formatted view of the trace so
// that a test can assert a run event by event.

#include "engine/child.h"
#include "engine/runtime.h"

#include <QStringList>

#include <initializer_list>

namespace testing {

/// A leaf that sleeps `duration` and returns `value`.
inline engine::Body sleeper(engine::Tick duration, QVariant value)
{
    return [duration, value](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        co_await ctx.sleep(duration);
        co_return value;
    };
}

/// A leaf that sleeps `duration` and raises ValueError(message).
inline engine::Body failer(engine::Tick duration, QString message)
{
    return [duration, message](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        co_await ctx.sleep(duration);
        throw engine::Error::plain(QStringLiteral("ValueError"), message, ctx.task);
    };
}

/// A leaf that sleeps `duration` and returns `value`; once cancelled it spends `cleanup` ticks
/// cleaning up before it ends cancelled. Under asyncio (edge) the cleanup sleep runs; under trio
/// (level) it is cancelled again at once.
inline engine::Body slowToCancel(engine::Tick duration, engine::Tick cleanup, QVariant value = {})
{
    return [duration, cleanup, value](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        bool cancelled = false;
        try {
            co_await ctx.sleep(duration);
        } catch (const engine::Cancelled &) {
            cancelled = true;   // no co_await inside a handler (design.md §2)
        }
        if (cancelled) {
            co_await ctx.sleep(cleanup);
            throw engine::Cancelled();
        }
        co_return value;
    };
}

/// Children from specs: "A:3" completes with 'A' at 3, "B:1!" raises ValueError('B') at 1, a
/// bare "42" is not a coroutine at all (an empty body). Durations are multiplied by `scale`.
inline std::vector<engine::Child> children(const QStringList &specs, engine::Tick scale = 1)
{
    std::vector<engine::Child> out;
    for (const QString &spec : specs) {
        const QString name = spec.section(QLatin1Char(':'), 0, 0);
        QString rest = spec.section(QLatin1Char(':'), 1);
        if (rest.isEmpty()) {
            out.push_back({name, engine::Body()});
            continue;
        }
        const bool fails = rest.endsWith(QLatin1Char('!'));
        rest.remove(QLatin1Char('!'));
        const engine::Tick d = rest.toLongLong() * scale;
        out.push_back({name, fails ? failer(d, name) : sleeper(d, name)});
    }
    return out;
}

/// Spawns a root task "canceller" that cancels `target` at virtual time `at`. Its timer is set
/// now, so at `at` it fires before timers set later for the same instant.
inline void cancelAt(engine::Runtime &rt, engine::TaskId target, engine::Tick at)
{
    rt.spawn(engine::NoId, QStringLiteral("canceller"), [target, at](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        co_await ctx.sleepUntil(at);
        ctx.rt->cancelTask(target, ctx.task, QStringLiteral("cancelled from outside"));
        co_return {};
    }, engine::StartPolicy::Eager);
}

/// The formatted events whose kind is one of `kinds`.
inline QStringList lines(const engine::Trace &trace, std::initializer_list<engine::EventKind> kinds)
{
    QStringList out;
    for (const engine::TraceEvent &e : trace.events())
        for (engine::EventKind k : kinds)
            if (e.kind == k) {
                out << trace.format(e);
                break;
            }
    return out;
}

/// Prints the whole trace when TRACE_DUMP is set (diagnosing a failing comparison).
inline void dumpTrace(const engine::Trace &trace)
{
    if (qEnvironmentVariableIsSet("TRACE_DUMP"))
        for (const QString &line : trace.formatAll())
            qDebug().noquote() << line;
}

/// Spawns `main` as the root task, cancels it from outside at `cancelAt` if given, runs until
/// nothing is left, and dumps the trace when TRACE_DUMP is set.
inline void runMain(engine::Runtime &rt, engine::Body main, engine::Tick cancelAt = -1)
{
    rt.spawn(engine::NoId, QStringLiteral("main"), std::move(main));
    if (cancelAt >= 0)
        rt.scheduleCancel(0, cancelAt, QStringLiteral("cancelled from outside"));
    rt.scheduler().runUntilIdle();
    dumpTrace(rt.trace());
}

/// Task outcomes only: completed / failed / cancelled.
inline QStringList outcomes(const engine::Trace &trace)
{
    using K = engine::EventKind;
    return lines(trace, {K::Completed, K::Failed, K::Cancelled});
}

} // namespace testing
