// The engine benchmark: `taskscope_bench N [W1 … W5] [--check]`. Each workload runs in its own
// process (fork) so that its peak RSS is its own. Prints, tab-separated, as the peers do:
//   impl workload N tasks wall_s tasks_per_s peak_rss_MiB checksum
// --check compares the checksums with the peers' for N = 1000, 10000 and 100000 and fails on a
// difference. On stderr: the ratio to the best peer (at N = 100000), and two costs measured on
// this machine that set a floor under the times: the memory's first touch (page faults) and the
// C++ throw that every delivered cancellation is.

#include "workloads.h"

#include <QMap>
#include <QStringList>

#include <chrono>
#include <cstdio>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

const QMap<QString, QString> Expected = {
    {"W1/1000", "h=b31bc3f5:t=8287"}, {"W1/10000", "h=a324bc69:t=78743"}, {"W1/100000", "h=d7cfe204:t=780584"},
    {"W2/1000", "w=3:c=999:t=3"}, {"W2/10000", "w=1:c=9999:t=1"}, {"W2/100000", "w=1:c=99999:t=1"},
    {"W3/1000", "c=999:t=500:err=1"}, {"W3/10000", "c=9999:t=500:err=1"}, {"W3/100000", "c=99999:t=500:err=1"},
    {"W4/1000", "L=512:T=1024:c=511:t=500:err=1"}, {"W4/10000", "L=5184:T=7935:c=5183:t=500:err=1"},
    {"W4/100000", "L=59049:T=88573:c=59048:t=500:err=1"},
    {"W5/1000", "n=1000:s=975d6660:t=255881"}, {"W5/10000", "n=10000:s=95725dd1:t=2510105"},
    {"W5/100000", "n=100000:s=e2617125:t=25046452"},
};

// The best of trio, asyncio and Effect-TS at N = 100 000 (benchmarks.md), wall seconds.
const QMap<QString, double> BestPeer = {{"W1", 0.46}, {"W2", 1.59}, {"W3", 1.75}, {"W4", 1.81}, {"W5", 0.92}};

bench::Outcome runWorkload(const QString &w, int n)
{
    if (w == QLatin1String("W1"))
        return bench::fanOut(n);
    if (w == QLatin1String("W2"))
        return bench::race(n);
    if (w == QLatin1String("W3"))
        return bench::failure(n);
    if (w == QLatin1String("W4"))
        return bench::nested(n);
    return bench::merge(n);
}

// Runs one workload in a child process; returns its exit status (1 on a checksum mismatch).
int runIsolated(const QString &w, int n, bool check, double throwCost, double pageCost)
{
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) {
        const auto start = std::chrono::steady_clock::now();
        const bench::Outcome out = runWorkload(w, n);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("taskscope\t%s\t%d\t%lld\t%.3f\t%.0f\t%.1f\t%s\n", qPrintable(w), n, out.tasks, wall,
                    double(out.tasks) / wall, double(usage.ru_maxrss) / 1024.0, qPrintable(out.checksum));
        std::fflush(stdout);
        // Commentary on stderr, so that stdout keeps the peers' line format.
        if (n == 100000)
            std::fprintf(stderr, "# %s: %.1fx the best peer's speed (%.2f s); target 10x\n", qPrintable(w), BestPeer.value(w) / wall, BestPeer.value(w));
        const double pages = double(usage.ru_maxrss) * 1024.0 / 4096.0;
        std::fprintf(stderr, "# %s: peak RSS %.0f MiB, about %.0f pages touched; at %.2f us per fresh page that alone is %.3f s\n",
                     qPrintable(w), double(usage.ru_maxrss) / 1024.0, pages, pageCost * 1e6, pages * pageCost);
        if (out.throws > 0)
            std::fprintf(stderr, "# %s: %lld cancellations delivered, each a C++ throw; at %.2f us per throw that alone is %.3f s\n",
                         qPrintable(w), out.throws, throwCost * 1e6, double(out.throws) * throwCost);
        const QString expected = Expected.value(QStringLiteral("%1/%2").arg(w).arg(n));
        if (check && !expected.isEmpty() && expected != out.checksum) {
            std::fprintf(stderr, "%s N=%d: checksum %s, the peers have %s\n", qPrintable(w), n, qPrintable(out.checksum), qPrintable(expected));
            _exit(1);
        }
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}

} // namespace

int main(int argc, char **argv)
{
    int n = 100000;
    bool check = false;
    QStringList workloads;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--check"))
            check = true;
        else if (arg.startsWith(QLatin1Char('W')))
            workloads << arg;
        else if (arg.toInt() > 0)
            n = arg.toInt();
        else {
            std::fprintf(stderr, "usage: taskscope_bench N [W1 … W5] [--check]\n");
            return 2;
        }
    }
    if (workloads.isEmpty())
        workloads = {"W1", "W2", "W3", "W4", "W5"};
    const double throwCost = bench::throwCost();
    const double pageCost = bench::pageCost();
    int failures = 0;
    for (const QString &w : workloads)
        failures += runIsolated(w, n, check, throwCost, pageCost) != 0;
    return failures == 0 ? 0 : 1;
}
