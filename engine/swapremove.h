#pragma once

#include <QtGlobal>

#include <vector>

namespace engine::detail {

// Removes position `index` of `list` in O(1) by moving the last element there; `moved` updates
// the moved element's back-reference.
template<typename Moved>
void swapRemove(std::vector<qint32> &list, qint32 index, Moved moved)
{
    const qint32 last = list.back();
    list[size_t(index)] = last;
    list.pop_back();
    if (size_t(index) < list.size())
        moved(last, index);
}

} // namespace engine::detail
