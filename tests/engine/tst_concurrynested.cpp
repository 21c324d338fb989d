// Concurry's recurse=True (nested lists and dicts of futures), progress=… (a counter of completed
// items at each update, recorded in the trace and handed to a callback) and per-method retry
// options (helper-semantics §4.1, §4.2, §4.4), asserted event by event. Where concurry's code and
// its docstrings disagree (gather of a single nested list), the code is followed.

#include "tracematch.h"

#include "engine/helpers/concurry.h"
#include "engine/value.h"

#include <QTest>

using namespace engine;
using testing::failer;
using testing::lines;
using testing::runMain;
using testing::outcomes;
using testing::sleeper;

namespace {

using K = EventKind;
using concurry::Nested;

// A future from a spec: "A:3" returns 'A' at 3, "A:3!" raises ValueError('A') at 3.
Nested f(const QString &spec)
{
    return Nested::future(testing::children({spec}).front());
}

Nested list(std::vector<Nested> items)
{
    return Nested::list(std::move(items));
}

template<typename Options>
Options fixedPolling(Tick interval)
{
    Options options;
    options.polling = PollAlgorithm::Fixed;
    options.pollInterval = interval;
    return options;
}

QString mainOutcome(const Trace &trace)
{
    for (const QString &line : outcomes(trace))
        if (line.contains(QLatin1String(" main ")))
            return line;
    return QStringLiteral("main did not end");
}

QStringList progressLines(const Trace &trace)
{
    return lines(trace, {K::ValueEmitted}).filter(QStringLiteral("progress:"));
}

} // namespace

class TestConcurryNested : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // recurse ---------------------------------------------------------------------------------------

    void waitWalksANestedListOnlyWithRecurse_data()
    {
        QTest::addColumn<bool>("recurse");
        QTest::addColumn<QString>("expected");
        // TestRecurseMode: 2 × 3 futures -> 6 done; without recurse the two lists are the futures.
        QTest::newRow("recurse") << true << "t=4 main completed 'done={A, B, C, D, E, F}, not_done={}'";
        QTest::newRow("no recurse") << false
                                    << "t=0 main completed 'done={['<future A>', '<future B>', '<future C>'], "
                                       "['<future D>', '<future E>', '<future F>']}, not_done={}'";
    }

    void waitWalksANestedListOnlyWithRecurse()
    {
        QFETCH(bool, recurse);
        QFETCH(QString, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, [recurse](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{list({list({f("A:1"), f("B:2"), f("C:3")}), list({f("D:1"), f("E:2"), f("F:4")})})};
            auto options = fixedPolling<concurry::WaitOptions>(1);
            options.recurse = recurse;
            const concurry::DoneNotDone sets = co_await concurry::waitArgs(ctx, std::move(args), options);
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(mainOutcome(rt.trace()), expected);
        // Either way all six futures ran: unobserved ones in a scope of their own.
        QCOMPARE(outcomes(rt.trace()).filter(QRegularExpression(QStringLiteral("t=\\d [A-F] completed"))).size(), 6);
        if (!recurse)
            QCOMPARE(lines(rt.trace(), {K::ScopeExited}).last(), QStringLiteral("t=4 main exited wait(): unobserved futures (last leaked child ended)"));
    }

    void aDictsValuesAreNeverWalked()
    {
        // wait({'x': A, 'y': [B]}, recurse=True): the dict branch comes first, so [B] is a value.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{Nested::dict({QStringLiteral("x"), QStringLiteral("y")}, {f("A:1"), list({f("B:2")})})};
            auto options = fixedPolling<concurry::WaitOptions>(1);
            options.recurse = true;
            const concurry::DoneNotDone sets = co_await concurry::waitArgs(ctx, std::move(args), options);
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(mainOutcome(rt.trace()), QStringLiteral("t=1 main completed 'done={A, ['<future B>']}, not_done={}'"));
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=2 B completed 'B'"));
    }

    void gatherOverSeveralArgumentsKeepsTheirShape()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{f("A:1"), list({f("B:2"), f("C:3")}),
                                     Nested::dict({QStringLiteral("k"), QStringLiteral("v")}, {f("D:1"), Nested::value(5)})};
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.recurse = true;
            co_return co_await concurry::gatherArgs(ctx, std::move(args), options);
        });
        QCOMPARE(mainOutcome(rt.trace()), QStringLiteral("t=3 main completed ['A', ['B', 'C'], {'k': 'D', 'v': 5}]"));
        QCOMPARE(lines(rt.trace(), {K::ValueEmitted}).first(), QStringLiteral("t=0 main value emitted checked at call: 5 done, 1/5 done"));
    }

    void gatherOfOneNestedListIsNotWalkedEvenWithRecurse()
    {
        // concurry tests for a single list before it looks at recurse: the inner list comes back as
        // it is (futures, not results) and A and B are nobody's business.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{list({list({f("A:1"), f("B:2")}), f("C:1")})};
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.recurse = true;
            co_return co_await concurry::gatherArgs(ctx, std::move(args), options);
        });
        QCOMPARE(mainOutcome(rt.trace()), QStringLiteral("t=1 main completed [['<future A>', '<future B>'], 'C']"));
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=2 B completed 'B'"));
    }

    void gatherOfOneFutureWithRecurseNestsItsResult()
    {
        // `if len(fs) == 1: return [results]` with results the one-tuple (r,).
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{f("A:1")};
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.recurse = true;
            co_return co_await concurry::gatherArgs(ctx, std::move(args), options);
        });
        QCOMPARE(mainOutcome(rt.trace()), QStringLiteral("t=1 main completed [['A']]"));
    }

    void gatherWithRecurseRaisesTheFirstErrorInTraversalOrder()
    {
        // C fails first in time (2), A first in traversal order: A's error, after everything ended.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{f("B:1"), list({f("A:3!"), f("C:2!")})};
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.recurse = true;
            co_return co_await concurry::gatherArgs(ctx, std::move(args), options);
        });
        QCOMPARE(lines(rt.trace(), {K::ErrorsGrouped, K::Failed}),
                 QStringList({"t=2 C failed ValueError('C')", "t=3 A failed ValueError('A')", "t=3 gather() raises ValueError('A')",
                              "t=3 main failed ValueError('A')"}));
    }

    void aStructureFollowedByMoreArgumentsIsAValueError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{list({f("A:1")}), f("B:1")};
            co_return co_await concurry::gatherArgs(ctx, std::move(args));
        });
        QCOMPARE(mainOutcome(rt.trace()),
                 QStringLiteral("t=0 main failed ValueError('Cannot provide both a structure (list/tuple/set/dict) as first argument "
                                "and additional futures via *futs. Either pass a structure, or pass individual futures.')"));
        QCOMPARE(rt.taskCount(), 1);   // nothing was submitted
    }

    void gatherIterWithRecurseYieldsPaths()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> args{f("A:2"), list({f("B:1"), Nested::dict({QStringLiteral("k")}, {f("C:3")})})};
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.recurse = true;
            auto it = concurry::gatherArgsIter(ctx, std::move(args), options);
            QVariantList keys;
            while (true) {
                const auto item = co_await it->next(ctx);
                if (!item)
                    break;
                keys << item->key;
            }
            co_return keys;
        });
        QCOMPARE(lines(rt.trace(), {K::ValueEmitted}).filter(QStringLiteral("yields")),
                 QStringList({"t=1 main value emitted yields ([1, 0], 'B')", "t=2 main value emitted yields (0, 'A')",
                              "t=3 main value emitted yields ([1, 1, 'k'], 'C')"}));
    }

    void emptyArgumentsEndAtOnce()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Nested> emptyList{list({})};
            std::vector<Nested> emptyDict{Nested::dict({}, {})};
            std::vector<Nested> emptyIter{list({})};
            const Value fromList = co_await concurry::gatherArgs(ctx, std::move(emptyList));
            const Value fromDict = co_await concurry::gatherArgs(ctx, std::move(emptyDict));
            auto it = concurry::gatherArgsIter(ctx, std::move(emptyIter));
            const auto first = co_await it->next(ctx);
            co_return QStringLiteral("%1 %2 %3").arg(describeValue(fromList), describeValue(fromDict), first ? "item" : "StopIteration");
        });
        QCOMPARE(mainOutcome(rt.trace()), QStringLiteral("t=0 main completed '[] {} StopIteration'"));
    }

    // progress ------------------------------------------------------------------------------------

    void waitReportsProgressAtTheCallAndAtPollsThatSawCompletions()
    {
        Runtime rt(Profile::asyncio());
        QStringList calls;
        const concurry::ProgressFn callback = [&calls](int completed, int total, Tick elapsed) {
            calls << QStringLiteral("%1/%2@%3").arg(completed).arg(total).arg(elapsed);
        };
        runMain(rt, [&callback](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> fs = testing::children({"A:1", "B:1", "C:3"});
            auto options = fixedPolling<concurry::WaitOptions>(1);
            options.onProgress = &callback;
            co_await concurry::wait(ctx, std::move(fs), options);
            co_return {};
        });
        QCOMPARE(progressLines(rt.trace()), QStringList({"t=0 main value emitted progress: 0/3 done (elapsed 0)",
                                                         "t=1 main value emitted progress: 2/3 done (elapsed 1)",
                                                         "t=3 main value emitted progress: 3/3 done (elapsed 3)"}));
        QCOMPARE(calls, QStringList({"0/3@0", "2/3@1", "3/3@3"}));
    }

    void gatherIterReportsABatchOnlyWhenTheConsumerComesBack()
    {
        // The batch {A, B} is found at 1; the consumer takes A, sleeps 2, takes B, sleeps 2: the
        // generator resumes at 5 and only then reports 2/3 (with the poll's elapsed time, 1). It
        // polls again at 6 (C), and reports 3/3 when the consumer comes back at 8.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.progress = true;
            auto it = concurry::gatherIter(ctx, testing::children({"A:1", "B:1", "C:3"}), options);
            while (true) {
                const auto item = co_await it->next(ctx);
                if (!item)
                    break;
                co_await ctx.sleep(2);
            }
            co_return {};
        });
        QCOMPARE(progressLines(rt.trace()), QStringList({"t=5 main value emitted progress: 2/3 done (elapsed 1)",
                                                         "t=8 main value emitted progress: 3/3 done (elapsed 6)"}));
    }

    void asyncGatherReportsProgressEveryTickWithNews()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::GatherOptions options;
            options.progress = true;
            std::vector<Child> aws = testing::children({"A:1", "B:3"});
            co_return co_await concurry::asyncGather(ctx, std::move(aws), options);
        });
        QCOMPARE(progressLines(rt.trace()), QStringList({"t=0 main value emitted progress: 0/2 done (elapsed 0)",
                                                         "t=1 main value emitted progress: 1/2 done (elapsed 1)",
                                                         "t=3 main value emitted progress: 2/2 done (elapsed 3)"}));
    }

    // per-method retries ----------------------------------------------------------------------------

    void perMethodDictsAreCheckedAgainstTheWorkersMethods_data()
    {
        QTest::addColumn<int>("mistake");
        QTest::addColumn<QString>("error");
        QTest::newRow("no default") << 0 << "ValueError('num_retries dict must include '*' key for default value')";
        QTest::newRow("unknown method") << 1 << "ValueError('retry_wait dict contains unknown method names: ['nope', 'gone']')";
        QTest::newRow("fine") << 2 << "";
    }

    void perMethodDictsAreCheckedAgainstTheWorkersMethods()
    {
        QFETCH(int, mistake);
        QFETCH(QString, error);
        concurry::MethodRetries retries;
        if (mistake == 0)
            retries.numRetries({{QStringLiteral("fetch"), 3}});
        if (mistake == 1)
            retries.wait({{QStringLiteral("*"), 1}, {QStringLiteral("nope"), 2}, {QStringLiteral("fetch"), 2}, {QStringLiteral("gone"), 3}});
        if (mistake == 2)
            retries.numRetries({{QStringLiteral("*"), 0}, {QStringLiteral("fetch"), 3}});
        QString raised;
        try {
            retries.validate({QStringLiteral("fetch"), QStringLiteral("ping")});
        } catch (const Error &e) {
            raised = e.describe();
        }
        QCOMPARE(raised, error);
    }

    void eachMethodRetriesAsItsEntrySays()
    {
        // num_retries={"*": 0, "fetch": 2}, retry_wait={"*": 1, "fetch": 2}: fetch retries with
        // waits 2 and 4 (exponential), ping runs once and raises at once.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::RetryOptions base;
            base.jitter = 0;
            concurry::MethodRetries retries(base);
            retries.numRetries({{QStringLiteral("*"), 0}, {QStringLiteral("fetch"), 2}})
                .wait({{QStringLiteral("*"), 1}, {QStringLiteral("fetch"), 2}});
            retries.validate({QStringLiteral("fetch"), QStringLiteral("ping")});
            std::vector<Child> fs;
            fs.push_back(retries.call(QStringLiteral("fetch"), {QStringLiteral("fetch"), failer(1, "down")}));
            fs.push_back(retries.call(QStringLiteral("ping"), {QStringLiteral("ping"), failer(1, "no pong")}));
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.returnExceptions = true;
            co_return co_await concurry::gather(ctx, std::move(fs), options);
        });
        QCOMPARE(lines(rt.trace(), {K::ValueEmitted, K::Failed}).filter(QRegularExpression(QStringLiteral("^t=\\d+ (fetch|ping) "))),
                 QStringList({
                     "t=1 fetch value emitted attempt 1 failed: ValueError('down'); retry 1 in 2",
                     "t=1 ping failed ValueError('no pong')",
                     "t=4 fetch value emitted attempt 2 failed: ValueError('down'); retry 2 in 4",
                     "t=9 fetch value emitted attempt 3 failed: ValueError('down'); no retries left",
                     "t=9 fetch failed ValueError('down')",
                 }));
        QCOMPARE(mainOutcome(rt.trace()), QStringLiteral("t=9 main completed [ValueError('down'), ValueError('no pong')]"));
    }

    void retryOnAndRetryUntilPerMethod()
    {
        // retry_on={"*": ["Exception"], "fetch": ["ConnectionError"]}: fetch's ValueError is not
        // retried, load's is. retry_until={"*": None, "parse": [>= 2]} with num_retries 0 for parse:
        // one attempt, validated.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::RetryOptions base;
            base.jitter = 0;
            base.numRetries = 1;
            concurry::MethodRetries retries(base);
            retries.retryOn({{QStringLiteral("*"), {QStringLiteral("Exception")}}, {QStringLiteral("fetch"), {QStringLiteral("ConnectionError")}}})
                .numRetries({{QStringLiteral("*"), 1}, {QStringLiteral("parse"), 0}})
                .retryUntil({{QStringLiteral("*"), {}},
                             {QStringLiteral("parse"), {[](const Value &v, int) { return v.toInt() >= 2; }}}});
            retries.validate({QStringLiteral("fetch"), QStringLiteral("load"), QStringLiteral("parse")});
            std::vector<Child> fs;
            fs.push_back(retries.call(QStringLiteral("fetch"), {QStringLiteral("fetch"), failer(1, "fetch")}));
            fs.push_back(retries.call(QStringLiteral("load"), {QStringLiteral("load"), failer(1, "load")}));
            fs.push_back(retries.call(QStringLiteral("parse"), {QStringLiteral("parse"), sleeper(1, 1)}));
            auto options = fixedPolling<concurry::GatherOptions>(1);
            options.returnExceptions = true;
            co_return co_await concurry::gather(ctx, std::move(fs), options);
        });
        QCOMPARE(lines(rt.trace(), {K::ValueEmitted}).filter(QStringLiteral("attempt")),
                 QStringList({
                     "t=1 fetch value emitted attempt 1 failed: ValueError('fetch'), not retried",
                     "t=1 load value emitted attempt 1 failed: ValueError('load'); retry 1 in 1",
                     "t=1 parse value emitted attempt 1 returned 1, rejected by retry_until; no retries left",
                     "t=3 load value emitted attempt 2 failed: ValueError('load'); no retries left",
                 }));
        QCOMPARE(mainOutcome(rt.trace()),
                 QStringLiteral("t=3 main completed [ValueError('fetch'), ValueError('load'), "
                                "RetryValidationError('Validation failed after 1 attempts')]"));
    }
};

QTEST_GUILESS_MAIN(TestConcurryNested)
#include "tst_concurrynested.moc"
