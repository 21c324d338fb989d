#include "scheduler.h"

#include <algorithm>
#include <functional>

namespace engine {

const char *toString(JobLabel l)
{
    switch (l) {
    case JobLabel::Other: return "run";
    case JobLabel::Resume: return "resume";
    case JobLabel::Start: return "start";
    case JobLabel::Wake: return "wake";
    case JobLabel::Cancel: return "deliver cancellation to";
    case JobLabel::Deadline: return "deadline of";
    case JobLabel::Notify: return "notify supervisor of";
    case JobLabel::Interrupt: return "Ctrl-C (SIGINT)";
    }
    return "?";
}

void Scheduler::post(const Job &job)
{
    m_ready.push_back(job);
}

Scheduler::TimerId Scheduler::addTimer(Tick deadline, const Job &job)
{
    qint32 slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        slot = qint32(m_slots.size());
        m_slots.emplace_back();
    }
    Slot &s = m_slots[size_t(slot)];
    s.job = job;
    s.deadline = std::max(deadline, m_now);
    s.sequence = ++m_sequence;
    ++s.generation;
    s.alive = true;
    m_heap.push_back({s.deadline, s.sequence, slot, s.generation});
    std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    return (TimerId(s.generation) << 32) | TimerId(quint32(slot) + 1);
}

void Scheduler::cancelTimer(TimerId id)
{
    if (id == NoTimer)
        return;
    const qint32 slot = qint32(quint32(id & 0xffffffffu) - 1);
    const quint32 generation = quint32(id >> 32);
    if (slot < 0 || size_t(slot) >= m_slots.size())
        return;
    Slot &s = m_slots[size_t(slot)];
    if (!s.alive || s.generation != generation)
        return;
    s.alive = false;
    m_freeSlots.push_back(slot);
    // Lazy deletion leaves the entry in the heap. When most of the heap is dead (a race cancelling
    // 100 000 sleepers), dropping them one pop at a time costs O(n log n); one filtering pass and
    // make_heap cost O(n). The order is unchanged: (deadline, sequence) is a total order.
    if (++m_deadInHeap > 64 && m_deadInHeap > m_heap.size() / 2) {
        std::erase_if(m_heap, [this](const HeapEntry &e) {
            const Slot &live = m_slots[size_t(e.slot)];
            return !live.alive || live.generation != e.generation;
        });
        std::make_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        m_deadInHeap = 0;
    }
}

void Scheduler::setTieOrder(TieOrder order, quint64 seed)
{
    m_tieOrder = order;
    m_rng.seed(seed);
}

void Scheduler::addStepHook(StepHook hook, void *target)
{
    m_hooks.push_back({hook, target});
}

void Scheduler::removeStepHooks(const void *target)
{
    std::erase_if(m_hooks, [target](const Hook &h) { return h.target == target; });
}

void Scheduler::afterStep()
{
    // By index: a hook may add another (it must not remove one while the others run).
    for (size_t i = 0; i < m_hooks.size(); ++i)
        m_hooks[i].fn(m_hooks[i].target);
}

const std::deque<Job> &Scheduler::readyQueue() const
{
    static const std::deque<Job> none;
    return m_halted ? none : m_ready;
}

void Scheduler::dropDeadEntries() const
{
    while (!m_heap.empty()) {
        const HeapEntry &top = m_heap.front();
        const Slot &s = m_slots[size_t(top.slot)];
        if (s.alive && s.generation == top.generation)
            return;
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        m_heap.pop_back();
        if (m_deadInHeap > 0)
            --m_deadInHeap;
    }
}

Tick Scheduler::earliestDeadline() const
{
    dropDeadEntries();
    return m_heap.empty() ? Never : m_heap.front().deadline;
}

void Scheduler::fireDueTimers()
{
    // The whole batch of one deadline fires before any ready job runs (a failure at t must not
    // cancel a sibling whose timer also expired at t before that sibling's wake is queued: batch
    // propagation depends on it). A job may cancel a later timer of the same batch (a deadline
    // aborting a sleep), so liveness is checked again just before each one runs.
    const Tick deadline = earliestDeadline();
    m_now = std::max(m_now, deadline);
    m_batch.clear();
    while (earliestDeadline() == deadline) {
        m_batch.push_back(m_heap.front());
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        m_heap.pop_back();
    }
    if (m_tieOrder == TieOrder::SeededShuffle && m_batch.size() > 1)
        std::shuffle(m_batch.begin(), m_batch.end(), m_rng);
    const std::vector<HeapEntry> batch = std::move(m_batch);
    m_batch.clear();
    for (const HeapEntry &entry : batch)
        fire(entry);
}

void Scheduler::fire(const HeapEntry &entry)
{
    Slot &s = m_slots[size_t(entry.slot)];
    if (!s.alive || s.generation != entry.generation)
        return;   // cancelled by an earlier job of the same batch
    s.alive = false;
    m_freeSlots.push_back(entry.slot);
    const Job job = s.job;
    job.fn(job.target, job.a, job.b);
}

bool Scheduler::step()
{
    if (m_halted)
        return false;
    if (!m_ready.empty()) {
        const Job job = m_ready.front();
        m_ready.pop_front();
        ++m_steps;
        job.fn(job.target, job.a, job.b);
        afterStep();
        return true;
    }
    if (earliestDeadline() == Never)
        return false;
    ++m_steps;
    fireDueTimers();
    afterStep();
    return true;
}

// The verbs below loop on the public view (hasReady, nextDeadline): a hook that halts the loop
// ends them, where the raw queues would keep them spinning.
void Scheduler::runInstant()
{
    while (hasReady() || nextDeadline() <= m_now)
        step();
}

void Scheduler::advanceTo(Tick t)
{
    while (hasReady() || nextDeadline() <= t)
        step();
    m_now = std::max(m_now, t);
}

void Scheduler::advanceBy(Tick d)
{
    advanceTo(m_now + std::max<Tick>(d, 0));
}

void Scheduler::tick(Tick d)
{
    while (hasReady())
        step();
    if (m_halted)
        return;
    m_now += std::max<Tick>(d, 0);
    std::vector<HeapEntry> due;
    while (earliestDeadline() <= m_now) {
        due.push_back(m_heap.front());
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        m_heap.pop_back();
    }
    std::sort(due.begin(), due.end(), [](const HeapEntry &a, const HeapEntry &b) { return a.sequence < b.sequence; });
    ++m_steps;
    for (const HeapEntry &entry : due)
        fire(entry);
    afterStep();
    while (hasReady())
        step();
}

quint64 Scheduler::runUntilIdle(quint64 maxSteps)
{
    quint64 taken = 0;
    while (taken < maxSteps && step())
        ++taken;
    return taken;
}

std::vector<PendingTimer> Scheduler::pendingTimers() const
{
    std::vector<PendingTimer> out;
    if (m_halted)
        return out;
    for (const Slot &s : m_slots)
        if (s.alive)
            out.push_back({s.deadline, s.sequence, s.job});
    std::sort(out.begin(), out.end(), [](const PendingTimer &a, const PendingTimer &b) {
        return a.deadline != b.deadline ? a.deadline < b.deadline : a.sequence < b.sequence;
    });
    return out;
}

} // namespace engine
