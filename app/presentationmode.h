#pragma once

#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QPointer>

#include <vector>

class QMainWindow;
class QWidget;

/// Presentation mode for teaching: large type and only what the class should look at (the
/// timeline, the clock controls and the narrative). Entering remembers the window's layout and
/// font; leaving puts both back exactly, so a lesson never costs the teacher their dock layout.
class PresentationMode : public QObject
{
    Q_OBJECT

public:
    /// Type is this much larger while presenting.
    static constexpr double FontScale = 1.6;

    explicit PresentationMode(QMainWindow *window);

    /// Docks and tool bars that stay visible while presenting (all others are hidden).
    void keepVisible(QWidget *widget);
    bool isActive() const { return m_active; }

public slots:
    void setActive(bool active);
    void toggle() { setActive(!m_active); }

signals:
    void activeChanged(bool active);

private:
    void enter();
    void leave();
    bool kept(const QWidget *widget) const;

    QMainWindow *m_window;
    std::vector<QPointer<QWidget>> m_kept;
    QByteArray m_savedState;
    QFont m_savedFont;
    bool m_wasMaximized = false;
    bool m_active = false;
};
