#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;
class QWidget;

namespace widgets {

/// Lets widgets take scenario files dropped from a file manager: watch() a widget and it accepts
/// drags carrying local .yaml/.yml files or recorded runs (.json, Taskscope traces), and only
/// those, then reports them with filesDropped().
/// The browser uses one; the main window can watch itself and the editor with another.
class ScenarioDropHandler : public QObject
{
    Q_OBJECT

public:
    explicit ScenarioDropHandler(QObject *parent = nullptr);

    /// Starts accepting drops on `widget` (its drops of other data are left to it).
    void watch(QWidget *widget);
    /// The local scenario files in `mime`, in the order given.
    static QStringList scenarioFiles(const QMimeData *mime);

signals:
    void filesDropped(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace widgets
