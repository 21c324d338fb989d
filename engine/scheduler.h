#pragma once

#include "types.h"

#include <deque>
#include <random>
#include <vector>

namespace engine {

/// A unit of work for the scheduler: a plain function pointer with two arguments, so that queueing
/// never allocates. `task` and `label` only describe the job (scheduler panel, "what runs next").
struct Job
{
    using Fn = void (*)(void *target, qint64 a, qint64 b);
    Fn fn = nullptr;
    void *target = nullptr;
    qint64 a = 0;
    qint64 b = 0;
    TaskId task = NoId;
    quint8 label = 0;   ///< JobLabel
};

/// What a job does, for people (the scheduler panel).
enum class JobLabel : quint8 { Other, Resume, Start, Wake, Cancel, Deadline, Notify, Interrupt };
const char *toString(JobLabel l);

/// A pending timer as shown to people.
struct PendingTimer
{
    Tick deadline;
    quint64 sequence;
    Job job;
};

/// The virtual clock and run queue. Timers are ordered by (deadline, registration sequence); work
/// for the current instant sits in a FIFO ready queue. It never reads wall time: time moves only
/// when a stepping verb runs out of work at the current instant and jumps to the next deadline.
class Scheduler
{
public:
    using TimerId = quint64;
    static constexpr TimerId NoTimer = 0;

    Tick now() const { return m_now; }

    /// Queues `job` to run at the current instant, after everything already queued.
    void post(const Job &job);
    /// Runs `job` when the clock reaches `deadline`. Timer jobs must not resume coroutines
    /// themselves (they post), so a whole batch of equal deadlines fires before anything runs.
    TimerId addTimer(Tick deadline, const Job &job);
    /// Forgets a timer that has not fired yet (no-op otherwise).
    void cancelTimer(TimerId id);

    /// Order of equal-deadline timers within one batch.
    void setTieOrder(TieOrder order, quint64 seed = 0);

    /// Called after every step (and every tick), between two jobs: where the owner of the loop
    /// acts on what the step changed without driving the scheduler itself (asyncio.Runner starts
    /// its next run() call once the last one ended). A hook may post, add timers, spawn tasks and
    /// halt; it must not step. A plain function pointer, like a job.
    using StepHook = void (*)(void *target);
    void addStepHook(StepHook hook, void *target);
    /// Forgets every hook of `target` (its owner is going away).
    void removeStepHooks(const void *target);

    /// loop.close(): nothing runs any more. The ready queue and the timers look empty (idle() is
    /// true, the stepping verbs do nothing) but keep their jobs, so that the runtime's teardown,
    /// which un-halts, can still unwind every suspended frame (design.md §2).
    void setHalted(bool halted) { m_halted = halted; }
    bool halted() const { return m_halted; }

    // Stepping verbs -------------------------------------------------------------------------
    /// One event: the next ready job, or (when none is ready) the next batch of equal-deadline
    /// timers, jumping the clock to their deadline. Returns false when there is nothing to do.
    bool step();
    /// Everything left at the current instant; time does not move.
    void runInstant();
    /// Everything up to and including `t`, then the clock reads `t` (never moves backwards).
    void advanceTo(Tick t);
    /// advanceTo(now() + d).
    void advanceBy(Tick d);
    /// A coarse host tick (asyncgui-ext-clock's Clock.advance): the clock jumps by `d` first, then
    /// every timer already due fires once, late, in registration order; timers set during this
    /// pass wait for the next tick even if due. Then the ready queue runs.
    void tick(Tick d);
    /// Auto-jump: runs until nothing is left or `maxSteps` steps ran. Returns the steps taken.
    quint64 runUntilIdle(quint64 maxSteps = std::numeric_limits<quint64>::max());

    // Inspection ----------------------------------------------------------------------------
    bool idle() const { return !hasReady() && nextDeadline() == Never; }
    bool hasReady() const { return !m_halted && !m_ready.empty(); }
    /// The earliest pending deadline, or Never (also when halted).
    Tick nextDeadline() const { return m_halted ? Never : earliestDeadline(); }
    /// The jobs ready at this instant (none when halted).
    const std::deque<Job> &readyQueue() const;
    /// Pending timers in firing order (for the scheduler panel).
    std::vector<PendingTimer> pendingTimers() const;
    /// Steps taken so far (a run position that can be replayed).
    quint64 steps() const { return m_steps; }

private:
    struct Slot
    {
        Job job;
        Tick deadline = 0;
        quint64 sequence = 0;
        quint32 generation = 0;
        bool alive = false;
    };
    struct HeapEntry
    {
        Tick deadline;
        quint64 sequence;
        qint32 slot;
        quint32 generation;
        bool operator>(const HeapEntry &o) const
        {
            return deadline != o.deadline ? deadline > o.deadline : sequence > o.sequence;
        }
    };

    void dropDeadEntries() const;
    Tick earliestDeadline() const;
    void fire(const HeapEntry &entry);
    void fireDueTimers();
    void afterStep();

    struct Hook
    {
        StepHook fn;
        void *target;
    };

    Tick m_now = 0;
    quint64 m_steps = 0;
    quint64 m_sequence = 0;
    std::deque<Job> m_ready;
    std::vector<Slot> m_slots;
    std::vector<qint32> m_freeSlots;
    mutable std::vector<HeapEntry> m_heap;   // mutable: dead entries are dropped lazily on read
    mutable size_t m_deadInHeap = 0;         // cancelled entries still in m_heap (an upper bound)
    std::vector<HeapEntry> m_batch;
    TieOrder m_tieOrder = TieOrder::Fifo;
    std::mt19937_64 m_rng;
    std::vector<Hook> m_hooks;
    bool m_halted = false;
};

} // namespace engine
