#pragma once

#include "../child.h"
#include "signal.h"

#include <functional>
#include <memory>
#include <vector>

namespace engine::reference {

/// Tasks that a helper starts and watches without owning their fate: asyncio tasks behind gather,
/// wait, as_completed, shield and wait_for; concurry futures. They live in the helper's own scope
/// (detached by default: no cancellation from outside reaches them unless the helper passes it on).
/// The set outlives the helper's frame while any child still runs, so a helper may return or raise
/// and leave its children running (a leak the trace shows: the scope stays open until they end).
class ChildSet final : public ScopeObserver
{
public:
    /// Opens the scope `name` in the calling task, which waits outside it. `detached`: scopes
    /// around the caller do not reach the children (their cancellation is the helper's business).
    static std::shared_ptr<ChildSet> open(Ctx ctx, const QString &name, bool detached = true);
    ~ChildSet() override;

    /// Spawns `child` in the set's scope.
    TaskId start(Child child, StartPolicy policy);

    int size() const { return int(m_tasks.size()); }
    TaskId task(int index) const { return m_tasks[size_t(index)]; }
    const std::vector<TaskId> &tasks() const { return m_tasks; }
    ScopeId scope() const { return m_scope; }
    Runtime &runtime() const { return m_rt; }

    /// The child has ended, as the runtime says now.
    bool ended(int index) const;
    /// The set was told about the child's end (at the child's end under Immediate propagation, one
    /// turn later under Batch: asyncio's done callbacks).
    bool observed(int index) const { return m_observed[size_t(index)]; }
    /// Indices in the order their ends were observed.
    const std::vector<int> &observedOrder() const { return m_order; }
    bool allObserved() const { return m_order.size() == m_tasks.size(); }
    int live() const { return m_live; }

    /// Notified each time a child's end is observed: the helper's loop waits on it.
    Signal &changed() { return m_changed; }
    /// Called with the child's index each time an end is observed (before `changed` is set).
    void setOnObserved(std::function<void(int)> callback) { m_onObserved = std::move(callback); }

    /// task.cancel() on every child still running, each recorded with `why` (a task-level cancel:
    /// edge-triggered under Profile::asyncio()).
    void cancelUnfinished(TaskId by, const QString &why);
    /// The helper stops watching: the scope closes now, or when its last child ends.
    void leave();

    void childEnded(TaskId child) override;

private:
    ChildSet(Ctx ctx, const QString &name, bool detached);

    Runtime &m_rt;
    TaskId m_owner;
    ScopeId m_scope = NoId;
    std::vector<TaskId> m_tasks;      // ascending: ids grow monotonically
    std::vector<bool> m_observed;
    std::vector<int> m_order;
    Signal m_changed;
    std::function<void(int)> m_onObserved;
    int m_live = 0;
    bool m_left = false;
};

} // namespace engine::reference
