#include "nearestword.h"

#include <algorithm>
#include <vector>

namespace scenarios {

int editDistance(const QString &a, const QString &b)
{
    const QString s = a.toLower();
    const QString t = b.toLower();
    const qsizetype n = s.size();
    const qsizetype m = t.size();
    // Three rows are enough: the transposition case looks two rows back.
    std::vector<int> prev2(size_t(m + 1)), prev(size_t(m + 1)), row(size_t(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        prev[size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        row[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = s[i - 1] == t[j - 1] ? 0 : 1;
            int best = std::min({prev[size_t(j)] + 1, row[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1])
                best = std::min(best, prev2[size_t(j - 2)] + 1);
            row[size_t(j)] = best;
        }
        std::swap(prev2, prev);
        std::swap(prev, row);
    }
    return prev[size_t(m)];
}

QString nearestWord(const QString &word, const QStringList &candidates)
{
    // A one-letter task name is one edit away from every other one: suggesting would be noise.
    const int limit = std::max(1, int(word.size()) / 3);
    if (word.size() < 2)
        return {};
    QString best;
    int bestDistance = limit + 1;
    for (const QString &c : candidates) {
        const int d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

QString suggestionSuffix(const QString &word, const QStringList &candidates, const QString &listIntro)
{
    const QString near = nearestWord(word, candidates);
    if (!near.isEmpty())
        return QStringLiteral("; did you mean '%1'?").arg(near);
    return QStringLiteral("; %1: %2").arg(listIntro, candidates.join(QStringLiteral(", ")));
}

} // namespace scenarios
