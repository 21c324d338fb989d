#include "taskrowdelegate.h"

#include <QFontMetrics>

#include <algorithm>

namespace widgets {

QSize TaskRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), minimumRowHeight(option.fontMetrics.height())));
    return size;
}

} // namespace widgets
