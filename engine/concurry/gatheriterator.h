#pragma once

#include "options.h"
#include "poller.h"

#include "../reference/childset.h"

#include <deque>
#include <memory>
#include <optional>

namespace engine::concurry {

/// gather(fs, iter=True): a generator of (index or key, result) in completion order, one poll batch
/// at a time. The consumer pulls with next(ctx) over virtual time; like the Python generator it
/// only polls while the consumer is inside next(), so a slow consumer delays the next poll. The
/// clock for the timeout starts at the first next() (a generator's body starts on first use).
/// Nothing is ever cancelled: a failure raised to the consumer (return_exceptions=False) or a
/// TimeoutError leaves the other futures running. Within one batch the order is input order
/// (Python: set order, unspecified). With progress=…, the update for a batch comes when the
/// consumer asks for the item after it (the generator resumes after its last yield), with the
/// elapsed time of the poll that found the batch.
class GatherIterator
{
public:
    /// One yielded pair: the key is the input index (int) or the dict key (QString).
    struct Item
    {
        QVariant key;
        Value value;                 ///< the result, or the Error as a value with return_exceptions
        TaskId task = NoId;
    };

    GatherIterator(std::shared_ptr<reference::ChildSet> set, std::vector<QVariant> keys, GatherOptions options);
    ~GatherIterator();
    GatherIterator(const GatherIterator &) = delete;
    GatherIterator &operator=(const GatherIterator &) = delete;

    /// The next pair; nullopt once every future was yielded (StopIteration). Raises the future's
    /// error (return_exceptions=False), CancelledError for a cancelled future, or TimeoutError;
    /// after raising, the generator is finished.
    QCoro::Task<std::optional<Item>> next(Ctx ctx);

    int yielded() const { return m_yielded; }
    bool finished() const { return m_finished; }

private:
    Item take(Ctx ctx);
    void finish();

    std::shared_ptr<reference::ChildSet> m_set;
    std::vector<QVariant> m_keys;
    GatherOptions m_options;
    PollSchedule m_schedule;
    std::vector<bool> m_pending;
    std::deque<int> m_batch;
    ProgressTracker m_progress;
    Tick m_batchElapsed = 0;
    bool m_progressDue = false;
    Tick m_start = 0;
    int m_pendingCount = 0;
    int m_yielded = 0;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace engine::concurry
