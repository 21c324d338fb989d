// `taskscope export --format png|svg|pdf`: each format's structure (PNG size and resolution and
// pixels, SVG text, PDF page), what --at and --range change, and failures that leave no file.

#include "../scenarios/clitesting.h"

#include "figureexport.h"

#include "widgets/timelinestyle.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using clitesting::runCommand;

namespace {

// Three sleepers long enough for a ruler in seconds: A ends at 500 ms, B at 1.2 s, C at 2.5 s.
const QByteArray Sleepers = R"(version: 1
title: Three sleepers
concept: gather and wait
profile: asyncgui
run:
  wait_all:
    - task: A
      steps: [{sleep: 500}, {return: A}]
    - task: B
      steps: [{sleep: 1200}, {return: B}]
    - task: C
      steps: [{sleep: 2500}, {return: C}]
)";

QString writeSleepers(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("sleepers.yaml"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(Sleepers);
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

clitesting::Result exportTo(const QString &input, const QString &format, const QString &out, const QStringList &more = {})
{
    return runCommand(QStringList{QStringLiteral("export"), input, QStringLiteral("--format"), format} + more
                      + QStringList{QStringLiteral("-o"), out});
}

// Every <text> of an SVG (whitespace trimmed); fails the parse check on malformed XML.
QStringList svgTexts(const QByteArray &svg, QString *xmlError)
{
    QStringList texts;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
    }
    if (xml.hasError())
        *xmlError = xml.errorString();
    return texts;
}

// The times of the ruler's labels ("0", "250 ms", "1.5 s") among `texts`, in ms.
QList<double> rulerTimes(const QStringList &texts)
{
    static const QRegularExpression time(QStringLiteral("^(\\d+(?:\\.\\d+)?) (ms|s)$"));
    QList<double> times;
    for (const QString &t : texts) {
        if (t == QLatin1String("0"))
            times << 0;
        else if (const auto m = time.match(t); m.hasMatch())
            times << m.captured(1).toDouble() * (m.captured(2) == QLatin1String("s") ? 1000 : 1);
    }
    return times;
}

int pixelsOf(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += QColor(image.pixel(x, y)) == colour;
    return n;
}

} // namespace

class TestFigureExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        FigureExport::registerFormats();
    }

    void theFigureFormatsAreListed()
    {
        const auto r = runCommand({QStringLiteral("--help")});
        for (const char *f : {"png", "svg", "pdf", "perfetto", "trace"})
            QVERIFY2(r.out.contains(QStringLiteral("\n    %1 ").arg(QLatin1String(f))), f);
    }

    void aPngHasTheSizeAndResolutionAskedFor()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("race.png"));
        const auto r = exportTo(QStringLiteral("race-first-finisher"), QStringLiteral("png"), out,
                                {QStringLiteral("--size"), QStringLiteral("1200x700"), QStringLiteral("--dpi"), QStringLiteral("192")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(QImageReader(out).format(), QByteArray("png"));
        const QImage image(out);
        QCOMPARE(image.size(), QSize(1200, 700));
        QCOMPARE(image.dotsPerMeterX(), qRound(192 / 0.0254));
        QCOMPARE(image.dotsPerMeterY(), qRound(192 / 0.0254));
        QCOMPARE(image.text(QStringLiteral("Title")), QStringLiteral("First finisher wins"));
        // Lanes and legend are drawn: the states' colours are there, on white.
        QCOMPARE(QColor(image.pixel(1, 1)), QColor(Qt::white));
        for (const QColor &c : {widgets::TimelineStyle::running(), widgets::TimelineStyle::completed(),
                                widgets::TimelineStyle::cancelled(), widgets::TimelineStyle::failed()})
            QVERIFY2(pixelsOf(image, c) > 10, qPrintable(c.name()));
    }

    void withoutASizeAPngIs1600WideAndAsTallAsItsLanes()
    {
        QTemporaryDir dir;
        const QString sleepers = writeSleepers(dir);
        const QString three = dir.filePath(QStringLiteral("three.png"));
        const QString race = dir.filePath(QStringLiteral("race.png"));
        QCOMPARE(exportTo(sleepers, QStringLiteral("png"), three).code, 0);
        QCOMPARE(exportTo(QStringLiteral("race-first-finisher"), QStringLiteral("png"), race).code, 0);
        const QImage a(three);
        const QImage b(race);
        QCOMPARE(a.width(), 1600);
        QCOMPARE(b.width(), 1600);
        // main and three children against main and two: one lane taller.
        QVERIFY(a.height() > b.height());
        QVERIFY(a.height() - b.height() < 60);
        QCOMPARE(a.dotsPerMeterX(), qRound(96 / 0.0254));
        // A width alone keeps the natural height; twice the dpi, twice the pixels each way.
        const QString wide = dir.filePath(QStringLiteral("wide.png"));
        QCOMPARE(exportTo(sleepers, QStringLiteral("png"), wide, {QStringLiteral("--size=3200"), QStringLiteral("--dpi=192")}).code, 0);
        const QImage c(wide);
        QCOMPARE(c.width(), 3200);
        QVERIFY(std::abs(c.height() - 2 * a.height()) <= 2);
    }

    void anSvgIsXmlWithTheLaneNamesRulerAndLegendAsText()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("s.svg"));
        const auto r = exportTo(writeSleepers(dir), QStringLiteral("svg"), out, {QStringLiteral("--size"), QStringLiteral("1400x600")});
        QCOMPARE(r.code, 0);
        const QByteArray svg = readAll(out);
        QString xmlError;
        const QStringList texts = svgTexts(svg, &xmlError);
        QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
        QVERIFY(svg.contains(R"(viewBox="0 0 1400 600")"));
        for (const char *name : {"Three sleepers", "main", "A", "B", "C", "Task", "running", "suspended", "completed",
                                 "cancel requested", "now 2500 ms"})
            QVERIFY2(texts.contains(QLatin1String(name)), name);
        const QList<double> ticks = rulerTimes(texts);
        QVERIFY2(ticks.size() >= 4, qPrintable(texts.join(QLatin1Char('|'))));
        QCOMPARE(ticks.first(), 0.0);
        QVERIFY(*std::max_element(ticks.begin(), ticks.end()) >= 2000);
    }

    void aRangeRulesTheRulerAndAnEarlierTimeEndsFewerTasks()
    {
        QTemporaryDir dir;
        const QString sleepers = writeSleepers(dir);
        const QString whole = dir.filePath(QStringLiteral("whole.svg"));
        const QString part = dir.filePath(QStringLiteral("part.svg"));
        const QString early = dir.filePath(QStringLiteral("early.svg"));
        QCOMPARE(exportTo(sleepers, QStringLiteral("svg"), whole).code, 0);
        QCOMPARE(exportTo(sleepers, QStringLiteral("svg"), part, {QStringLiteral("--range"), QStringLiteral("0..100")}).code, 0);
        QCOMPARE(exportTo(sleepers, QStringLiteral("svg"), early, {QStringLiteral("--at"), QStringLiteral("600ms")}).code, 0);
        QString xmlError;
        const QList<double> partTicks = rulerTimes(svgTexts(readAll(part), &xmlError));
        QVERIFY(partTicks.size() >= 4);
        QVERIFY(*std::max_element(partTicks.begin(), partTicks.end()) <= 110);
        QVERIFY(svgTexts(readAll(part), &xmlError).contains(QStringLiteral("4 tasks · 0 – 100 ms · state at t = 2.5 s")));
        QVERIFY(svgTexts(readAll(early), &xmlError).contains(QStringLiteral("now 600 ms")));
        // The completed discs (names column and lanes, plus the legend's): A's only at 600 ms,
        // all four tasks' at the end.
        const QByteArray done = QByteArrayLiteral("fill=\"") + widgets::TimelineStyle::completed().name().toLatin1() + '"';
        const qsizetype atEnd = readAll(whole).count(done);
        const qsizetype at600 = readAll(early).count(done);
        QVERIFY2(at600 > 1 && atEnd > at600, qPrintable(QStringLiteral("%1 then %2").arg(at600).arg(atEnd)));
    }

    void aPdfIsOnePageOfThePrintedSize()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("race.pdf"));
        const auto r = exportTo(QStringLiteral("race-first-finisher"), QStringLiteral("pdf"), out,
                                {QStringLiteral("--size"), QStringLiteral("1500x600"), QStringLiteral("--dpi"), QStringLiteral("150")});
        QCOMPARE(r.code, 0);
        const QByteArray pdf = readAll(out);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QVERIFY(pdf.size() > 2000);
        QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);
        // 1500×600 pixels at 150 dpi: 10 × 4 inches, 720 × 288 points.
        static const QRegularExpression box(QStringLiteral("/MediaBox \\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]"));
        const auto m = box.match(QString::fromLatin1(pdf));
        QVERIFY(m.hasMatch());
        QVERIFY(std::abs(m.captured(1).toDouble() - 720) < 1);
        QVERIFY(std::abs(m.captured(2).toDouble() - 288) < 1);
    }

    void aBadPathSaysWhyAndLeavesNoFile_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("svg") << QStringLiteral("svg");
        QTest::newRow("pdf") << QStringLiteral("pdf");
    }

    void aBadPathSaysWhyAndLeavesNoFile()
    {
        QFETCH(QString, format);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("no/such/folder/x.") + format);
        const auto r = exportTo(QStringLiteral("race-first-finisher"), format, out);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("taskscope: cannot write '%1': ").arg(out)), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());

        // A folder where the file should go: refused the same way.
        const auto folder = exportTo(QStringLiteral("race-first-finisher"), format, dir.path());
        QCOMPARE(folder.code, 2);
        QVERIFY2(folder.err.startsWith(QStringLiteral("taskscope: cannot write '%1': ").arg(dir.path())), qPrintable(folder.err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());

        // A place where nobody may create files (not even root): refused, nothing left there.
        const QString proc = QStringLiteral("/proc/taskscope-figure.") + format;
        const auto denied = exportTo(QStringLiteral("race-first-finisher"), format, proc);
        QCOMPARE(denied.code, 2);
        QVERIFY2(denied.err.startsWith(QStringLiteral("taskscope: cannot write '%1': ").arg(proc)), qPrintable(denied.err));
        QVERIFY(!QFile::exists(proc));
    }

    void aFigureThatCannotBeDrawnLeavesTheOldFileAlone_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("too narrow") << QStringList{QStringLiteral("--size"), QStringLiteral("100x600")}
                                    << QStringLiteral("a figure 100 pixels wide at 96 dpi is too narrow for a timeline: it needs at least 320 pixels");
        QTest::newRow("too narrow for its dpi") << QStringList{QStringLiteral("--size=600"), QStringLiteral("--dpi=300")}
                                                << QStringLiteral("a figure 600 pixels wide at 300 dpi is too narrow for a timeline: it needs at least 1000 pixels");
        QTest::newRow("too short") << QStringList{QStringLiteral("--size"), QStringLiteral("800x40")}
                                   << QStringLiteral("a figure 40 pixels high at 96 dpi is too short for a timeline: it needs at least ");
        QTest::newRow("too large") << QStringList{QStringLiteral("--size"), QStringLiteral("40000x900")}
                                   << QStringLiteral("a figure of 40000×900 pixels is too large: at most 32767 pixels each way");
    }

    void aFigureThatCannotBeDrawnLeavesTheOldFileAlone()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("old.png"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the previous figure");
        old.close();
        const auto r = exportTo(QStringLiteral("race-first-finisher"), QStringLiteral("png"), out, options);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("taskscope: ") + message), qPrintable(r.err));
        QCOMPARE(readAll(out), QByteArray("the previous figure"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{QStringLiteral("old.png")});
    }

    void theExecutableDrawsWithoutADisplay()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("race.svg"));
        QProcess exe;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QLatin1String(name));
        exe.setProcessEnvironment(env);
        exe.start(QStringLiteral(TASKSCOPE_EXE), {QStringLiteral("export"), QStringLiteral("race-first-finisher"),
                                                  QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), out});
        QVERIFY(exe.waitForFinished(60000));
        const QString err = QString::fromLocal8Bit(exe.readAllStandardError());
        QCOMPARE(exe.exitStatus(), QProcess::NormalExit);
        QVERIFY2(exe.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.isEmpty(), qPrintable(err));
        QVERIFY(QString::fromLocal8Bit(exe.readAllStandardOutput()).startsWith(QStringLiteral("svg: 19 events at t=1 written to ")));
        QString xmlError;
        QVERIFY(svgTexts(readAll(out), &xmlError).contains(QStringLiteral("First finisher wins")));
        QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
    }
};

QTEST_MAIN(TestFigureExport)
#include "tst_figureexport.moc"
