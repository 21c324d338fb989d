// The desktop app under Xvfb: it opens a built-in scenario, steps it, and its screenshot shows the
// timeline that stepping produced (the outcome marks' colours appear where they should).

#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

// TimelineStyle's Okabe–Ito colours (widgets/timelinestyle.h).
const QRgb Completed = qRgb(0x00, 0x9E, 0x73);

int countColour(const QImage &image, QRgb colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += (image.pixel(x, y) & 0xFFFFFF) == (colour & 0xFFFFFF);
    return n;
}

// Pixels of a warm amber hue, light or saturated: the cancel request triangle and the hatched
// latency band drawn in its colour over the lane.
int countAmber(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgb(image.pixel(x, y));
            n += c.hsvHue() >= 30 && c.hsvHue() <= 60 && c.hsvSaturation() >= 40;
        }
    return n;
}

// The longest vertical run of near-black pixels: the playhead is the only tall dark line.
int tallestDarkColumn(const QImage &image)
{
    int best = 0;
    for (int x = 0; x < image.width(); ++x) {
        int run = 0;
        for (int y = 0; y < image.height(); ++y) {
            run = qGray(image.pixel(x, y)) < 40 ? run + 1 : 0;
            best = std::max(best, run);
        }
    }
    return best;
}

} // namespace

class TestXvfbSmoke : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Runs the app on `scenario`, stepping `steps` times, and returns its screenshot.
    QImage screenshot(const QString &scenario, int steps)
    {
        const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
        if (xvfb.isEmpty())
            return {};
        const QString out = m_dir.filePath(QStringLiteral("shot-%1.png").arg(steps));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("TASKSCOPE_SCREENSHOT"), out);
        env.insert(QStringLiteral("TASKSCOPE_SCREENSHOT_STEPS"), QString::number(steps));
        // Fresh settings: the user's last scenario or window layout must not leak in.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(xvfb, {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1600x1000x24"),
                         QStringLiteral(TASKSCOPE_EXE), scenario});
        if (!app.waitForFinished(240'000))
            app.kill();
        return QImage(out);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("xvfb-run")).isEmpty())
            QSKIP("xvfb-run is not installed (Debian package xvfb)");
    }

    void steppingAProtectedRaceDrawsTheWinnerAndTheCancelLatency()
    {
        const QImage before = screenshot(QStringLiteral("asyncgui-protected-loser"), 0);
        const QImage after = screenshot(QStringLiteral("asyncgui-protected-loser"), 3);
        QVERIFY2(!before.isNull() && !after.isNull(), "the app wrote no screenshot");
        QCOMPARE(after.size(), before.size());
        QVERIFY(after.width() >= 1000 && after.height() >= 600);

        // Stepping to t=3 completes A (a green check on its lane) and shows B's cancel request
        // with its latency band; at t=0 only the legend carries those colours.
        QVERIFY2(countColour(after, Completed) > countColour(before, Completed) + 40,
                 "no completion mark appeared after stepping");
        const int amberBefore = countAmber(before);
        const int amberAfter = countAmber(after);
        QVERIFY2(amberAfter > 2 * amberBefore + 200,
                 qPrintable(QStringLiteral("amber pixels: %1 at t=0, %2 after stepping").arg(amberBefore).arg(amberAfter)));
        // The playhead moved from t=0 to t=3: a tall dark line spans the lanes.
        QVERIFY(tallestDarkColumn(after) > after.height() / 3);
    }
};

QTEST_GUILESS_MAIN(TestXvfbSmoke)
#include "tst_xvfbsmoke.moc"
