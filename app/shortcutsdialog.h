#pragma once

#include <QStringList>

class QMenuBar;
class QWidget;

/// Help ▸ Keyboard shortcuts: every menu action that has a key, read from the live menus so that
/// the list can never disagree with what the keys do.
class ShortcutsDialog
{
public:
    /// The rows "action — keys" of `bar`'s menus (tests read them).
    static QStringList rows(const QMenuBar *bar);
    static void show(QWidget *parent, const QMenuBar *bar);
};
