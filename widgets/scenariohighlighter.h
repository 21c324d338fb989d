#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace widgets {

/// Colours a scenario file (scenarios/README.md): keys, helper nodes (`asyncgui.wait_any`), step
/// names (`sleep`, `return` …), durations with a unit (`250ms`), strings, comments, numbers and
/// YAML constants. Line by line, like the YAML itself; a block scalar (`description: |`) is carried
/// over lines in the block state so that its prose is not coloured as keys.
class ScenarioHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Kind { Key, Helper, Step, Duration, String, Comment, Number, Constant, Prose, Count };

    explicit ScenarioHighlighter(QTextDocument *document);

    /// The format used for `kind` (tests and the legend read it).
    QTextCharFormat format(Kind kind) const { return m_formats[std::size_t(kind)]; }
    /// Helper node keys and aliases, from the scenarios library's helper table.
    static bool isHelperName(QStringView word);
    static bool isStepName(QStringView word);

protected:
    void highlightBlock(const QString &text) override;

private:
    void setKind(int start, int length, Kind kind) { setFormat(start, length, format(kind)); }
    /// Colours a plain scalar in value position (a duration, number, constant or step name).
    void highlightScalar(const QString &text, int start, int end, bool sleepValue);

    std::array<QTextCharFormat, std::size_t(Kind::Count)> m_formats;
};

} // namespace widgets
