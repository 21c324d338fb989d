#pragma once

#include <QString>
#include <QStringList>

namespace scenarios {

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive,
/// so that "titel" is one edit from "title".
int editDistance(const QString &a, const QString &b);

/// The candidate closest to `word` if it is close enough to be a plausible typo (at most a third
/// of the word's length, at least one edit, and never for one-letter words); empty otherwise.
QString nearestWord(const QString &word, const QStringList &candidates);

/// "; did you mean 'x'?" when there is a near candidate, else "; expected one of: a, b, c".
QString suggestionSuffix(const QString &word, const QStringList &candidates,
                         const QString &listIntro = QStringLiteral("expected one of"));

} // namespace scenarios
