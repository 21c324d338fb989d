#include "durationedit.h"

#include "scenarios/scenario.h"

namespace widgets {

DurationEdit::DurationEdit(const QString &placeholder, QWidget *parent)
    : QLineEdit(parent)
{
    setPlaceholderText(placeholder);
    setClearButtonEnabled(false);
    // Wide enough for "1500ms" and the placeholder; a tool bar gives widgets no more than asked.
    setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000ms")) + 16);
    connect(this, &QLineEdit::textChanged, this, &DurationEdit::revalidate);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        if (const auto ticks = value())
            emit durationEntered(*ticks);
    });
}

std::optional<engine::Tick> DurationEdit::value() const
{
    if (text().trimmed().isEmpty())
        return std::nullopt;
    QString error;
    // The file format's own reader: the entry accepts exactly what a scenario's `sleep:` does.
    return scenarios::parseDurationText(text(), &error);
}

void DurationEdit::setValue(engine::Tick ticks)
{
    setText(QString::number(ticks));
}

void DurationEdit::setHelp(const QString &help)
{
    if (help == m_help)
        return;
    m_help = help;
    revalidate();
}

void DurationEdit::revalidate()
{
    QString error;
    if (!text().trimmed().isEmpty())
        scenarios::parseDurationText(text(), &error);
    m_problem = error;
    setToolTip(m_problem.isEmpty() ? m_help : m_problem);
    QPalette pal = palette();
    // Colour and the tooltip both say it (the tooltip also for people who do not see the red).
    pal.setColor(QPalette::Text, m_problem.isEmpty() ? QPalette().color(QPalette::Text) : QColor(0xc0, 0x39, 0x2b));
    setPalette(pal);
}

} // namespace widgets
