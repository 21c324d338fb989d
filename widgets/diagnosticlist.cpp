#include "diagnosticlist.h"

#include <QApplication>
#include <QStyle>

namespace widgets {

namespace {

constexpr int LineRole = Qt::UserRole + 1;
constexpr int ColumnRole = Qt::UserRole + 2;
constexpr int VisibleRows = 4;

} // namespace

DiagnosticList::DiagnosticList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("diagnosticList"));
    setToolTip(tr("Problems in the scenario; click one to jump to it."));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setIconSize(QSize(16, 16));
    setWordWrap(false);
    auto jump = [this](QListWidgetItem *item) {
        emit diagnosticActivated(item->data(LineRole).toInt(), item->data(ColumnRole).toInt());
    };
    // Clicking is enough: the list is a row of links to places in the text.
    connect(this, &QListWidget::itemClicked, this, jump);
    connect(this, &QListWidget::itemActivated, this, jump);
    hide();
}

void DiagnosticList::setDiagnostics(const std::vector<scenarios::Diagnostic> &diagnostics)
{
    clear();
    const QIcon icon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    for (const scenarios::Diagnostic &d : diagnostics) {
        const QString place = d.where.line > 0 ? tr("line %1, column %2").arg(d.where.line).arg(std::max(1, d.where.column))
                                               : tr("file");
        auto *item = new QListWidgetItem(icon, QStringLiteral("%1: %2").arg(place, d.message), this);
        item->setData(LineRole, std::max(1, d.where.line));
        item->setData(ColumnRole, std::max(1, d.where.column));
        item->setToolTip(tr("%1\nClick to jump there.").arg(d.format()));
    }
    // Exactly as tall as its rows (up to a few): a scroll area's minimum would waste lines of text.
    setFixedHeight(sizeHint().height());
    setVisible(!diagnostics.empty());
}

QSize DiagnosticList::sizeHint() const
{
    // Room for a few problems; more scroll (a broken indentation can produce dozens).
    const int rows = std::clamp(count(), 1, VisibleRows);
    const int row = std::max(sizeHintForRow(0), fontMetrics().height() + 4);
    return {QListWidget::sizeHint().width(), rows * row + 2 * frameWidth()};
}

} // namespace widgets
