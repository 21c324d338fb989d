#include "shortcutsdialog.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

QStringList ShortcutsDialog::rows(const QMenuBar *bar)
{
    QStringList rows;
    const auto menus = bar->findChildren<QMenu *>();
    for (const QMenu *menu : menus)
        for (const QAction *action : menu->actions()) {
            if (action->isSeparator() || action->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &k : action->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            rows << QStringLiteral("%1\t%2").arg(action->text().remove(QLatin1Char('&')), keys.join(QStringLiteral(", ")));
        }
    rows.removeDuplicates();
    return rows;
}

void ShortcutsDialog::show(QWidget *parent, const QMenuBar *bar)
{
    QString table;
    for (const QString &row : rows(bar)) {
        const QString action = row.section(QLatin1Char('\t'), 0, 0);
        const QString keys = row.section(QLatin1Char('\t'), 1);
        table += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>").arg(action.toHtmlEscaped(), keys.toHtmlEscaped());
    }
    QMessageBox box(QMessageBox::NoIcon, QObject::tr("Keyboard shortcuts"),
                    QStringLiteral("<table cellspacing=6>%1</table>").arg(table), QMessageBox::Close, parent);
    box.exec();
}
