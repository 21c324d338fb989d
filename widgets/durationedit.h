#pragma once

#include "engine/types.h"

#include <QLineEdit>

#include <optional>

namespace widgets {

/// A small entry for a virtual duration or time, in the scenario files' own words: whole ticks
/// ("3"), "250ms", "2s", "1.5s" (1 tick = 1 ms). Enter emits the value; text that is not a
/// duration turns red and says why in the tooltip instead.
class DurationEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit DurationEdit(const QString &placeholder, QWidget *parent = nullptr);

    /// The entered duration, or nothing when the text is empty or not a duration.
    std::optional<engine::Tick> value() const;
    /// Shows `ticks` as text (as typed, in ticks).
    void setValue(engine::Tick ticks);
    /// Why the current text is not a duration (empty when it is one, or empty text).
    QString problem() const { return m_problem; }
    /// The tooltip shown while the text is valid (the problem replaces it otherwise).
    void setHelp(const QString &help);

signals:
    /// Enter was pressed on a valid duration.
    void durationEntered(engine::Tick ticks);

private:
    void revalidate();

    QString m_help;
    QString m_problem;
};

} // namespace widgets
