#include "presentationmode.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QToolBar>

#include <algorithm>

PresentationMode::PresentationMode(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
}

void PresentationMode::keepVisible(QWidget *widget)
{
    m_kept.emplace_back(widget);
}

bool PresentationMode::kept(const QWidget *widget) const
{
    return std::any_of(m_kept.begin(), m_kept.end(), [widget](const QPointer<QWidget> &k) { return k == widget; });
}

void PresentationMode::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active)
        enter();
    else
        leave();
    emit activeChanged(active);
}

void PresentationMode::enter()
{
    // saveState() covers docks and tool bars, including the ones we are about to hide.
    m_savedState = m_window->saveState();
    m_savedFont = QApplication::font();
    m_wasMaximized = m_window->isMaximized();

    const auto docks = m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
    for (QDockWidget *dock : docks)
        dock->setVisible(kept(dock));
    const auto bars = m_window->findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly);
    for (QToolBar *bar : bars)
        bar->setVisible(kept(bar));

    QFont big = m_savedFont;
    if (big.pointSizeF() > 0)
        big.setPointSizeF(big.pointSizeF() * FontScale);
    else
        big.setPixelSize(qRound(big.pixelSize() * FontScale));
    QApplication::setFont(big);
    if (!m_wasMaximized)
        m_window->showMaximized();
}

void PresentationMode::leave()
{
    QApplication::setFont(m_savedFont);
    m_window->restoreState(m_savedState);
    if (!m_wasMaximized)
        m_window->showNormal();
}
