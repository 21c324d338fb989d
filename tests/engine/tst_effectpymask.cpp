// effectpy's uninterruptibleMask (helper-semantics §5.7, catalogue row 43) event by event: the
// code's `uninterruptible(f(restore))` with restore making a fresh task, against the masking
// Effect-TS means. Region: a masked setup S:2, the restored work W:4, a masked release R:2; the
// caller is cancelled at 1 (during S) or at 3 (during W).

#include "effectpyleaves.h"

#include <QTest>

using namespace engine;
using namespace testing::effectpy;
using testing::lines;

namespace {

using K = EventKind;

Call maskCall(bool shielded)
{
    return [shielded](Ctx ctx) -> QCoro::Task<Value> {
        std::vector<ep::MaskStep> region{{leaf(QStringLiteral("S:2")), false},
                                         {leaf(QStringLiteral("W:4")), true},
                                         {leaf(QStringLiteral("R:2")), false}};
        if (shielded) {
            QCoro::Task<Value> intended = ep::uninterruptibleMaskShielded(ctx, std::move(region));
            co_return co_await intended;
        }
        QCoro::Task<Value> code = ep::uninterruptibleMask(ctx, std::move(region));
        co_return co_await code;
    };
}

} // namespace

class TestEffectpyMask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutCancellationTheRegionRunsInOrder_data()
    {
        QTest::addColumn<bool>("shielded");
        QTest::addColumn<QStringList>("expected");
        // The code: the region is a task, the restored effect a task of its own inside it.
        QTest::newRow("code") << false << QStringList({
            "t=0 main spawned in -",
            "t=0 uninterruptibleMask spawned in uninterruptible",
            "t=2 W spawned in restore",
            "t=6 W completed 'W'",
            "t=8 uninterruptibleMask completed 'R'",
            "t=8 main completed 'R'",
        });
        // As meant: everything runs in the caller.
        QTest::newRow("shielded") << true << QStringList({"t=0 main spawned in -", "t=8 main completed 'R'"});
    }

    void withoutCancellationTheRegionRunsInOrder()
    {
        QFETCH(bool, shielded);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, maskCall(shielded));
        dumpIfAsked(rt.trace());
        QCOMPARE(lines(rt.trace(), {K::Spawned, K::CancelRequested, K::CancelDelivered, K::ValueEmitted, K::Completed, K::Cancelled}), expected);
    }

    void theCodeMasksNothing_data()
    {
        QTest::addColumn<Tick>("cancelAt");
        QTest::addColumn<QStringList>("expected");
        // During the masked setup: forwarded into the region's task, S is cut short; W never runs.
        QTest::newRow("during the masked setup") << Tick(1) << QStringList({
            "t=0 main spawned in -",
            "t=0 uninterruptibleMask spawned in uninterruptible",
            "t=1 cancel main by -: caller cancelled",
            "t=1 main cancel delivered at join",
            "t=1 cancel uninterruptibleMask by main: forwarded: the caller was cancelled",
            "t=1 uninterruptibleMask cancel delivered at sleep",
            "t=1 uninterruptibleMask cancelled",
            "t=1 main cancelled",
        });
        // During the restored work: forwarded twice (caller -> region -> W); R never runs.
        QTest::newRow("during the restored work") << Tick(3) << QStringList({
            "t=0 main spawned in -",
            "t=0 uninterruptibleMask spawned in uninterruptible",
            "t=2 W spawned in restore",
            "t=3 cancel main by -: caller cancelled",
            "t=3 main cancel delivered at join",
            "t=3 cancel uninterruptibleMask by main: forwarded: the caller was cancelled",
            "t=3 uninterruptibleMask cancel delivered at join",
            "t=3 cancel W by uninterruptibleMask: forwarded: the caller was cancelled",
            "t=3 W cancel delivered at sleep",
            "t=3 W cancelled",
            "t=3 uninterruptibleMask cancelled",
            "t=3 main cancelled",
        });
    }

    void theCodeMasksNothing()
    {
        QFETCH(Tick, cancelAt);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, maskCall(false), cancelAt);
        dumpIfAsked(rt.trace());
        QCOMPARE(lines(rt.trace(), {K::Spawned, K::CancelRequested, K::CancelDelivered, K::ValueEmitted, K::Completed, K::Cancelled}), expected);
    }

    void asMeantTheMaskedPartsFinishAndRestoreIsInterruptible_data()
    {
        QTest::addColumn<Tick>("cancelAt");
        QTest::addColumn<QStringList>("expected");
        // Held back during S (masked); met at W's first await, which ends the region: R is skipped.
        QTest::newRow("during the masked setup") << Tick(1) << QStringList({
            "t=0 main spawned in -",
            "t=1 cancel main by -: caller cancelled",
            "t=2 main cancel delivered at sleep",
            "t=2 main cancelled",
        });
        // W is interruptible: cut short at once.
        QTest::newRow("during the restored work") << Tick(3) << QStringList({
            "t=0 main spawned in -",
            "t=3 cancel main by -: caller cancelled",
            "t=3 main cancel delivered at sleep",
            "t=3 main cancelled",
        });
    }

    void asMeantTheMaskedPartsFinishAndRestoreIsInterruptible()
    {
        QFETCH(Tick, cancelAt);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, maskCall(true), cancelAt);
        dumpIfAsked(rt.trace());
        QCOMPARE(lines(rt.trace(), {K::Spawned, K::CancelRequested, K::CancelDelivered, K::ValueEmitted, K::Completed, K::Cancelled}), expected);
    }

    void asMeantACancellationDuringTheLastMaskedPartComesAtTheEnd()
    {
        // R runs from 6 to 8: a cancellation at 7 is held back and delivered after the region.
        Runtime rt(Profile::asyncio());
        runMain(rt, maskCall(true), 7);
        dumpIfAsked(rt.trace());
        QCOMPARE(lines(rt.trace(), {K::Spawned, K::CancelRequested, K::CancelDelivered, K::ValueEmitted, K::Completed, K::Cancelled}), QStringList({
                                               "t=0 main spawned in -",
                                               "t=7 cancel main by -: caller cancelled",
                                               "t=8 main value emitted uninterruptibleMask region over: the deferred cancellation is delivered",
                                               "t=8 main cancel delivered at yield",
                                               "t=8 main cancelled",
                                           }));
    }
};

QTEST_GUILESS_MAIN(TestEffectpyMask)
#include "tst_effectpymask.moc"
