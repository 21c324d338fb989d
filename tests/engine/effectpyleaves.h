#pragma once

// Shared by the effectpy tests: scripted leaf effects and a root task running a helper call.

#include "tracematch.h"

#include "engine/helpers/effectpy.h"

namespace testing::effectpy {

namespace ep = engine::effectpy;

/// Runs one leaf: sleeps `duration` (no checkpoint at all when 0), then by `mode`: none returns the
/// name, '!' raises Failure(name), 'x' raises ValueError(name) (a defect), '?' returns None,
/// '~' swallows a cancellation of its sleep and returns "<name> (swallowed)", 'c' cleans up for 2
/// when cancelled (a sleep) and then lets the cancellation go on.
inline QCoro::Task<engine::Value> runLeaf(engine::Ctx ctx, QString name, engine::Tick duration, QChar mode)
{
    if (mode == QLatin1Char('~')) {
        bool cancelled = false;
        try {
            co_await ctx.sleep(duration);
        } catch (const engine::Cancelled &) {
            cancelled = true;
        }
        co_return cancelled ? name + QStringLiteral(" (swallowed)") : name;
    }
    if (mode == QLatin1Char('c')) {
        bool cancelled = false;
        try {
            co_await ctx.sleep(duration);
        } catch (const engine::Cancelled &) {
            cancelled = true;
        }
        if (cancelled) {
            co_await ctx.sleep(2);
            throw engine::Cancelled();
        }
        co_return name;
    }
    if (duration > 0)
        co_await ctx.sleep(duration);
    if (mode == QLatin1Char('!'))
        throw ep::failure(name, ctx.task);
    if (mode == QLatin1Char('x'))
        throw engine::Error::plain(QStringLiteral("ValueError"), name, ctx.task);
    if (mode == QLatin1Char('?'))
        co_return engine::Value();
    co_return name;
}

/// A leaf effect from a spec "A:3" (helper-semantics §0.4), with runLeaf's mode as a suffix: "A:3!".
inline ep::Effect leaf(const QString &spec)
{
    const QString name = spec.section(QLatin1Char(':'), 0, 0);
    QString rest = spec.section(QLatin1Char(':'), 1);
    QChar mode;
    if (!rest.isEmpty() && !rest.back().isDigit()) {
        mode = rest.back();
        rest.chop(1);
    }
    const engine::Tick duration = rest.toLongLong();
    return ep::Effect(name, [name, duration, mode](engine::Ctx ctx) { return runLeaf(ctx, name, duration, mode); });
}

inline std::vector<ep::Effect> leaves(const QStringList &specs)
{
    std::vector<ep::Effect> out;
    for (const QString &spec : specs)
        out.push_back(leaf(spec));
    return out;
}

/// The leaves as a pull source (a Source that can be told to raise part-way).
inline std::shared_ptr<engine::ListSource> source(const QStringList &specs)
{
    std::vector<engine::Child> children;
    for (const QString &spec : specs)
        children.push_back(leaf(spec).child());
    return std::make_shared<engine::ListSource>(std::move(children));
}

using Call = std::function<QCoro::Task<engine::Value>(engine::Ctx)>;

/// Spawns the root task "main" running `call` (asyncio profile: it starts on the first turn).
inline engine::TaskId spawnMain(engine::Runtime &rt, Call call)
{
    return rt.spawn(engine::NoId, QStringLiteral("main"), [call](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        co_return co_await call(ctx);
    });
}

/// spawnMain, cancelling main at `cancelAt` (>= 0) like loop.call_at(t, main.cancel), then runs
/// until idle.
inline void runMain(engine::Runtime &rt, Call call, engine::Tick cancelAt = -1)
{
    const engine::TaskId main = spawnMain(rt, std::move(call));
    if (cancelAt >= 0)
        rt.scheduleCancel(main, cancelAt, QStringLiteral("caller cancelled"));
    rt.scheduler().runUntilIdle();
}

/// Task starts other than main's.
inline QStringList starts(const engine::Trace &trace)
{
    QStringList out = lines(trace, {engine::EventKind::Started});
    out.removeAll(QStringLiteral("t=0 main started"));
    return out;
}

/// The whole trace, for a failing comparison's diagnosis (printed with qDebug on request).
inline void dumpIfAsked(const engine::Trace &trace)
{
    if (qEnvironmentVariableIsSet("EFFECTPY_DUMP"))
        for (const QString &line : trace.formatAll())
            qDebug().noquote() << line;
}

} // namespace testing::effectpy
