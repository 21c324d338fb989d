// The Chrome/Perfetto trace export: well-formed for every built-in (tracks named, slices nested
// per track, every flow has both ends inside slices), and the arrows say who cancelled whom.

#include "scenarios/atomicfile.h"
#include "scenarios/chrometrace.h"
#include "scenarios/scenariorun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

namespace {

struct Slice
{
    qint64 ts = 0;
    qint64 dur = 0;
    QString name;
    QJsonObject args;
};

// Runs a built-in to the end and exports it.
QJsonArray exportBuiltin(const QString &id)
{
    const auto builtin = scenarios::findBuiltin(id);
    if (!builtin)
        return {};
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(builtin->path);
    if (!loaded.ok())
        return {};
    scenarios::ScenarioRun run(*loaded.scenario);
    run.scheduler().runUntilIdle(1'000'000);
    return scenarios::chromeTraceJson(run.trace(), run.runtime().now(), loaded.scenario->title())
        .object().value(QStringLiteral("traceEvents")).toArray();
}

std::map<int, std::vector<Slice>> slicesByTrack(const QJsonArray &events)
{
    std::map<int, std::vector<Slice>> tracks;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("ph")).toString() == QLatin1String("X"))
            tracks[e.value(QStringLiteral("tid")).toInt()].push_back(
                {e.value(QStringLiteral("ts")).toInteger(), e.value(QStringLiteral("dur")).toInteger(),
                 e.value(QStringLiteral("name")).toString(), e.value(QStringLiteral("args")).toObject()});
    }
    return tracks;
}

std::map<int, QString> trackNames(const QJsonArray &events)
{
    std::map<int, QString> names;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("ph")).toString() == QLatin1String("M")
            && e.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
            names[e.value(QStringLiteral("tid")).toInt()] = e.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
    }
    return names;
}

bool inSomeSlice(const std::vector<Slice> &slices, qint64 ts)
{
    return std::any_of(slices.begin(), slices.end(), [ts](const Slice &s) { return s.ts <= ts && ts <= s.ts + s.dur; });
}

int tidNamed(const std::map<int, QString> &names, const QString &suffix)
{
    for (const auto &[tid, name] : names)
        if (name == suffix || name.endsWith(QStringLiteral(" › ") + suffix))
            return tid;
    return -1;
}

struct Flow
{
    int fromTid = -1, toTid = -1;
    QString name;
};

std::map<int, Flow> flowsOf(const QJsonArray &events)
{
    std::map<int, Flow> flows;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString ph = e.value(QStringLiteral("ph")).toString();
        Flow &f = flows[e.value(QStringLiteral("id")).toInt()];
        if (ph == QLatin1String("s"))
            f.fromTid = e.value(QStringLiteral("tid")).toInt();
        else if (ph == QLatin1String("f"))
            f.toTid = e.value(QStringLiteral("tid")).toInt();
        else
            continue;
        f.name = e.value(QStringLiteral("name")).toString();
    }
    flows.erase(0);   // events without an id
    return flows;
}

} // namespace

class TestChromeTrace : public QObject
{
    Q_OBJECT

private slots:
    void everyBuiltinExportsAWellFormedTrace_data()
    {
        QTest::addColumn<QString>("id");
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
            QTest::newRow(qPrintable(b.id)) << b.id;
    }

    void everyBuiltinExportsAWellFormedTrace()
    {
        QFETCH(QString, id);
        const QJsonArray events = exportBuiltin(id);
        QVERIFY(!events.isEmpty());
        const std::map<int, QString> names = trackNames(events);
        const auto tracks = slicesByTrack(events);

        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e.value(QStringLiteral("ph")).toString();
            QVERIFY2(QStringList({"X", "i", "s", "f", "M"}).contains(ph), qPrintable(ph));
            if (ph == QLatin1String("M"))
                continue;
            const int tid = e.value(QStringLiteral("tid")).toInt();
            QVERIFY2(names.count(tid) && !names.at(tid).isEmpty(), "an event on an unnamed track");
            QVERIFY(e.value(QStringLiteral("ts")).toInteger() >= 0);
        }
        // Slices on one track nest: each lies inside the one it starts in, or after it.
        for (auto [tid, slices] : tracks) {
            std::sort(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) {
                return a.ts != b.ts ? a.ts < b.ts : a.dur > b.dur;
            });
            std::vector<qint64> openEnds;
            for (const Slice &s : slices) {
                QVERIFY(s.dur >= 0);
                while (!openEnds.empty() && openEnds.back() <= s.ts && !(openEnds.back() == s.ts && s.dur == 0))
                    openEnds.pop_back();
                QVERIFY2(openEnds.empty() || s.ts + s.dur <= openEnds.back(),
                         qPrintable(QStringLiteral("slice '%1' on track %2 overlaps its parent").arg(s.name, names.at(tid))));
                openEnds.push_back(s.ts + s.dur);
            }
        }
        // Each flow has a start and an end, both inside a slice of their track.
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e.value(QStringLiteral("ph")).toString();
            if (ph != QLatin1String("s") && ph != QLatin1String("f"))
                continue;
            const int tid = e.value(QStringLiteral("tid")).toInt();
            QVERIFY2(tracks.count(tid) && inSomeSlice(tracks.at(tid), e.value(QStringLiteral("ts")).toInteger()),
                     "a flow end outside every slice of its track");
        }
        for (const auto &[flowId, f] : flowsOf(events))
            QVERIFY2(f.fromTid > 0 && f.toTid > 0, qPrintable(QStringLiteral("flow %1 has only one end").arg(flowId)));
    }

    void aRaceDrawsTheCancelArrowFromTheWinnerToTheLoser()
    {
        const QJsonArray events = exportBuiltin(QStringLiteral("race-first-finisher"));
        const auto names = trackNames(events);
        const int a = tidNamed(names, QStringLiteral("A"));
        const int b = tidNamed(names, QStringLiteral("B"));
        QVERIFY(a > 0 && b > 0);
        QVERIFY(names.at(b).startsWith(QStringLiteral("main › ")));
        const auto flows = flowsOf(events);
        QVERIFY(std::any_of(flows.begin(), flows.end(), [&](const auto &kv) {
            return kv.second.name == QLatin1String("cancel") && kv.second.fromTid == a && kv.second.toTid == b;
        }));
        const auto tracks = slicesByTrack(events);
        const auto life = [&](int tid, const QString &name) {
            for (const Slice &s : tracks.at(tid))
                if (s.name == name)
                    return s;
            return Slice{};
        };
        QCOMPARE(life(b, QStringLiteral("B")).args.value(QStringLiteral("outcome")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(life(a, QStringLiteral("A")).args.value(QStringLiteral("result")).toString(), QStringLiteral("'A'"));
        QCOMPARE(life(a, QStringLiteral("A")).dur, qint64(1000 + 1));   // t=0..1, 1 tick = 1000 µs
    }

    void aFailureDrawsTheErrorArrowToTheScopeOwner()
    {
        const QJsonArray events = exportBuiltin(QStringLiteral("asyncgui-failure-reaches-line-first"));
        const auto names = trackNames(events);
        const auto flows = flowsOf(events);
        const int main = tidNamed(names, QStringLiteral("main"));
        QVERIFY(main > 0);
        QVERIFY(std::any_of(flows.begin(), flows.end(), [&](const auto &kv) {
            return kv.second.name == QLatin1String("error") && kv.second.toTid == main && kv.second.fromTid != main;
        }));
    }

    void aFailedWriteLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("missing-folder/trace.json"));
        QString problem;
        QVERIFY(!scenarios::writeFileAtomically(target, "{}", &problem));
        QVERIFY(problem.contains(target));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
        const QString ok = dir.filePath(QStringLiteral("trace.json"));
        QVERIFY(scenarios::writeFileAtomically(ok, "{}", &problem));
        QFile written(ok);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QByteArray("{}"));
    }
};

QTEST_GUILESS_MAIN(TestChromeTrace)
#include "tst_chrometrace.moc"
