#pragma once

#include <QStyledItemDelegate>

namespace widgets {

/// Gives the task tree's rows a comfortable minimum height: the rows set the timeline's lane
/// height, and lanes need room for a bar, its label and the end marks.
class TaskRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The minimum row height for a font of height `fontHeight`.
    static int minimumRowHeight(int fontHeight) { return fontHeight + 12; }
};

} // namespace widgets
