#include "scenariohighlighter.h"

#include "scenarios/helperspec.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>
#include <QSet>

namespace widgets {

namespace {

// The step table of scenarios/README.md; the parser keeps its own copy private.
const QSet<QString> &stepNames()
{
    static const QSet<QString> names{
        QStringLiteral("sleep"),  QStringLiteral("checkpoint"), QStringLiteral("return"),  QStringLiteral("fail"),
        QStringLiteral("emit"),   QStringLiteral("spawn"),      QStringLiteral("cancel"),  QStringLiteral("acquire"),
        QStringLiteral("release"), QStringLiteral("put"),       QStringLiteral("get"),     QStringLiteral("close"),
        QStringLiteral("set"),    QStringLiteral("wait"),       QStringLiteral("repeat"),  QStringLiteral("protect"),
        QStringLiteral("started")};
    return names;
}

// Keys whose plain number is a duration in ticks: `sleep`, `at`, and every helper option typed
// Duration in the helper table (so a new helper's option is coloured without touching this file).
const QSet<QString> &durationKeys()
{
    static const QSet<QString> keys = [] {
        QSet<QString> k{QStringLiteral("sleep"), QStringLiteral("at")};
        for (const scenarios::HelperSpec &spec : scenarios::helperSpecs())
            for (const scenarios::OptionSpec &option : spec.options)
                if (option.type == scenarios::OptionType::Duration)
                    k.insert(option.key);
        return k;
    }();
    return keys;
}

QTextCharFormat makeFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(colour);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

bool isSpace(const QString &text, int i) { return i >= text.size() || text.at(i).isSpace(); }

} // namespace

ScenarioHighlighter::ScenarioHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Two sets of colours: the editor follows the application palette, and a dark base needs
    // lighter inks to stay readable.
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    auto pick = [dark](const char *light, const char *darkInk) { return QColor(QLatin1String(dark ? darkInk : light)); };
    m_formats[std::size_t(Kind::Key)] = makeFormat(pick("#1f4e99", "#8cb4ff"));
    m_formats[std::size_t(Kind::Helper)] = makeFormat(pick("#8e24aa", "#e29bff"), true);
    m_formats[std::size_t(Kind::Step)] = makeFormat(pick("#00796b", "#5fd3c3"), true);
    m_formats[std::size_t(Kind::Duration)] = makeFormat(pick("#c05600", "#ffb35c"));
    m_formats[std::size_t(Kind::String)] = makeFormat(pick("#2e7d32", "#9ad88f"));
    m_formats[std::size_t(Kind::Comment)] = makeFormat(pick("#7a7a7a", "#9a9a9a"), false, true);
    m_formats[std::size_t(Kind::Number)] = makeFormat(pick("#b71c1c", "#ff8a80"));
    m_formats[std::size_t(Kind::Constant)] = makeFormat(pick("#6a1b9a", "#ce93d8"), false, true);
    m_formats[std::size_t(Kind::Prose)] = makeFormat(pick("#3d3d3d", "#d0d0d0"));
}

bool ScenarioHighlighter::isHelperName(QStringView word)
{
    return scenarios::findHelper(word.toString()) != nullptr;
}

bool ScenarioHighlighter::isStepName(QStringView word)
{
    return stepNames().contains(word.toString());
}

void ScenarioHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int indent = 0;
    while (indent < n && text.at(indent) == QLatin1Char(' '))
        ++indent;
    // Inside a block scalar (`description: |`): the state is the column of its key; lines indented
    // deeper (and blank lines) are its text.
    const int blockKey = previousBlockState();
    if (blockKey >= 0 && (indent == n || indent > blockKey)) {
        setKind(0, n, Kind::Prose);
        setCurrentBlockState(blockKey);
        return;
    }
    setCurrentBlockState(-1);

    int flow = 0;   // depth of [ ] and { }: there , ] } end a plain scalar
    QString lastKey;
    int lastKeyColumn = indent;
    int i = indent;
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) {
            setKind(i, n - i, Kind::Comment);
            return;
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            int j = i + 1;
            while (j < n && text.at(j) != c)
                j += (c == QLatin1Char('"') && text.at(j) == QLatin1Char('\\')) ? 2 : 1;
            j = std::min(j + 1, n);
            setKind(i, j - i, Kind::String);
            i = j;
        } else if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++flow;
            ++i;
        } else if (c == QLatin1Char(']') || c == QLatin1Char('}')) {
            flow = std::max(0, flow - 1);
            ++i;
        } else if (c == QLatin1Char(',') || (c == QLatin1Char('-') && isSpace(text, i + 1))) {
            ++i;
        } else if ((c == QLatin1Char('|') || c == QLatin1Char('>')) && !lastKey.isNull()) {
            // A block scalar indicator (with optional chomping/indent marks): the lines below
            // belong to the key that started it.
            setCurrentBlockState(lastKeyColumn);
            return;
        } else {
            // A plain scalar: up to ": ", " #", or a flow delimiter inside [ ] / { }.
            int j = i;
            while (j < n) {
                const QChar d = text.at(j);
                if (d == QLatin1Char(':') && (isSpace(text, j + 1) || (flow > 0 && QStringView(u",]}").contains(text.at(j + 1)))))
                    break;
                if (d == QLatin1Char('#') && text.at(j - 1).isSpace())
                    break;
                if (flow > 0 && (d == QLatin1Char(',') || d == QLatin1Char(']') || d == QLatin1Char('}')))
                    break;
                ++j;
            }
            int end = j;
            while (end > i && text.at(end - 1).isSpace())
                --end;
            const QStringView word = QStringView(text).mid(i, end - i);
            if (j < n && text.at(j) == QLatin1Char(':')) {
                setKind(i, end - i, isHelperName(word) ? Kind::Helper : isStepName(word) ? Kind::Step : Kind::Key);
                lastKey = word.toString();
                lastKeyColumn = i;
                i = j + 1;
            } else {
                highlightScalar(text, i, end, durationKeys().contains(lastKey));
                i = j;
            }
        }
    }
}

void ScenarioHighlighter::highlightScalar(const QString &text, int start, int end, bool durationValue)
{
    static const QRegularExpression duration(QStringLiteral("^\\d+(\\.\\d+)?(ms|s)$"));
    static const QRegularExpression number(QStringLiteral("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$"));
    static const QSet<QString> constants{QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
                                         QStringLiteral("~"), QStringLiteral("True"), QStringLiteral("False"),
                                         QStringLiteral("None")};
    const QString word = text.mid(start, end - start);
    if (word.isEmpty())
        return;
    Kind kind = Kind::Count;
    if (duration.match(word).hasMatch())
        kind = Kind::Duration;
    else if (number.match(word).hasMatch())
        kind = durationValue ? Kind::Duration : Kind::Number;
    else if (constants.contains(word))
        kind = Kind::Constant;
    else if (isStepName(word))   // `- checkpoint`
        kind = Kind::Step;
    else if (isHelperName(word))
        kind = Kind::Helper;
    if (kind != Kind::Count)
        setKind(start, end - start, kind);
}

} // namespace widgets
