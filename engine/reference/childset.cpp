#include "childset.h"

#include <algorithm>

namespace engine::reference {

std::shared_ptr<ChildSet> ChildSet::open(Ctx ctx, const QString &name, bool detached)
{
    std::shared_ptr<ChildSet> set(new ChildSet(ctx, name, detached));
    // The scope owns the set: it must survive the helper's frame while children still run.
    ctx.rt->keepObserverAlive(set->m_scope, set);
    return set;
}

ChildSet::ChildSet(Ctx ctx, const QString &name, bool detached)
    : m_rt(*ctx.rt)
    , m_owner(ctx.task)
    , m_changed(*ctx.rt)
{
    ScopeOptions options;
    options.name = name;
    options.kind = ScopeKind::Helper;
    // Detached: no scope around the caller reaches the children; they are only ever cancelled
    // task by task (task.cancel()), by the helper itself.
    options.detached = detached;
    m_scope = m_rt.openScope(m_owner, options);
    // The caller waits outside: cancelling the children must not cancel it.
    m_rt.leaveScope(m_owner, m_scope);
}

ChildSet::~ChildSet() = default;

TaskId ChildSet::start(Child child, StartPolicy policy)
{
    // Book-keeping first: an eager child may end inside spawn().
    const TaskId expected = TaskId(m_rt.taskCount());
    m_tasks.push_back(expected);
    m_observed.push_back(false);
    ++m_live;
    const TaskId id = m_rt.spawn(m_scope, child.name, std::move(child.body), policy);
    Q_ASSERT(id == expected);
    return id;
}

bool ChildSet::ended(int index) const
{
    return isFinal(m_rt.state(task(index)));
}

void ChildSet::childEnded(TaskId child)
{
    const auto it = std::lower_bound(m_tasks.begin(), m_tasks.end(), child);
    if (it == m_tasks.end() || *it != child)
        return;
    const int index = int(it - m_tasks.begin());
    m_observed[size_t(index)] = true;
    m_order.push_back(index);
    --m_live;
    if (m_onObserved)
        m_onObserved(index);
    if (m_left && m_live == 0)
        m_rt.closeScope(m_scope, nullptr, QStringLiteral("last leaked child ended"));
    m_changed.notify(m_rt.endEvent(child));
}

void ChildSet::cancelUnfinished(TaskId by, const QString &why)
{
    for (int i = 0; i < size(); ++i)
        if (!ended(i))
            m_rt.cancelTask(task(i), by, why);
}

void ChildSet::leave()
{
    if (m_left)
        return;
    m_left = true;
    m_onObserved = nullptr;   // its captures may belong to a frame that is going away
    if (m_live == 0)
        m_rt.closeScope(m_scope, nullptr);
}

} // namespace engine::reference
