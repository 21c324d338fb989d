#pragma once

#include "polling.h"
#include "source.h"

#include <memory>
#include <optional>
#include <vector>

namespace engine {

/// How a fan-out pulls its input (helper-semantics §7.3).
enum class Pull : quint8 {
    EagerAll,       ///< materialise the whole input, start one task per item (effectpy, asyncio, asyncgui)
    LazyAfterSlot,  ///< pull the next item only once a slot is free (haiway)
    PrefetchOne,    ///< pull one item ahead of the free slots (aio.tasks)
};
/// What ends the wait before every child is done (§7.1).
enum class WinWhen : quint8 {
    AllDone,         ///< wait for all
    FirstCompleted,  ///< the first success ends it; errors go by OnChildError (asyncgui wait_any)
    FirstSettled,    ///< the first success or failure ends it; a failure is the result (effectpy race)
    FirstSuccess,    ///< the first success ends it; failures are ignored unless all fail (Effect-TS race)
};
/// What a child's failure does (§7.2).
enum class OnChildError : quint8 {
    FailFast,                 ///< stop: cancel the others (if cancelOnStop) and raise
    Continue,                 ///< keep going; the error becomes that child's outcome
    WaitAllThenFirstByInput,  ///< wait for everyone, then raise the first error in input order (concurry)
};
/// How the raised error is shaped (§7.5).
enum class ErrorForm : quint8 { Bare, Group, Wrapped };
/// What happens to the children when the caller is cancelled.
enum class OnCallerCancel : quint8 { CancelAndJoin, Leak };
/// What a timeout does.
enum class OnTimeout : quint8 {
    Raise,            ///< raise TimeoutError, leave the children running (concurry wait/gather)
    ReturnPartial,    ///< return what is done, the rest pending (asyncio.wait)
    CancelThenRaise,  ///< cancel and join the unfinished, then raise (concurry async_gather)
};
/// Which of several children settling at the same instant wins a race.
enum class TieBreak : quint8 { Fifo, SetOrder };

/// The knobs of the generic supervisor (§9.5). Every fan-out, race and gather helper of every
/// library is a preset of these, so two libraries can run the same children side by side.
struct SupervisorPolicy
{
    QString name = QStringLiteral("supervisor");   ///< scope name in the trace
    int limit = 0;                                 ///< children running at once; 0 = unlimited
    Pull pull = Pull::EagerAll;
    bool completionOrder = false;                  ///< results in completion order instead of input order
    WinWhen win = WinWhen::AllDone;
    OnChildError onChildError = OnChildError::FailFast;
    ErrorForm errors = ErrorForm::Bare;
    QString groupMessage;                          ///< ErrorForm::Group message
    QString wrapType;                              ///< ErrorForm::Wrapped type (ConcurrentExecutionError)
    QString sourceWrapType;                        ///< wrapper of an input error (ConcurrentIteratorError); empty: bare
    bool cancelOnStop = true;                      ///< cancel the others when the wait ends early
    bool raiseChildErrors = true;                  ///< false: failures stay outcomes (concurry/asyncio wait)
    bool joinCancelled = true;                     ///< wait for cancelled children before returning
    OnCallerCancel onCallerCancel = OnCallerCancel::CancelAndJoin;
    bool errorWinsOverCancel = false;              ///< caller cancelled but a child already failed: raise that (haiway)
    bool cancelOnSourceError = true;               ///< an input error cancels the running children (not effectpy merge_all)
    std::optional<StartPolicy> start;              ///< default: the profile's
    bool detached = false;                         ///< children outside the caller's cancel chain
    bool dropNoneResults = false;                  ///< effectpy for_each_par drops None results
    bool cancelledChildRaises = false;             ///< haiway: collecting a cancelled child raises CancelledError
    TieBreak tieBreak = TieBreak::Fifo;
    PollAlgorithm poll = PollAlgorithm::None;      ///< concurry: notice ends only at poll instants
    Tick pollInterval = 10;                        ///< for PollAlgorithm::Fixed
    Tick timeout = Never;                          ///< relative to the call
    OnTimeout onTimeout = OnTimeout::Raise;
    QString timeoutType = QStringLiteral("TimeoutError");
};

/// One child as the supervisor saw it end (or still running).
struct ChildOutcome
{
    int index = -1;          ///< position in the input
    TaskId task = NoId;
    TaskState state = TaskState::Created;
    Value value;
    std::optional<Error> error;
    Tick end = -1;
};

/// What a supervised run returns when it does not raise.
struct SupervisorResult
{
    std::vector<ChildOutcome> done;      ///< ended children in the policy's order
    std::vector<ChildOutcome> pending;   ///< still running (timeouts, helpers that never cancel)
    int winner = -1;                     ///< input index of the race winner, if any
    bool timedOut = false;
};

/// Runs children pulled from `source` under `policy`, in the calling task, and returns or raises
/// as the policy says. Records pulls, slots, cancel requests with their cause, and grouped or
/// wrapped errors in the trace.
QCoro::Task<SupervisorResult> supervise(Ctx ctx, SupervisorPolicy policy, std::shared_ptr<Source> source);

/// supervise() over a plain list of children.
QCoro::Task<SupervisorResult> supervise(Ctx ctx, SupervisorPolicy policy, std::vector<Child> children);

} // namespace engine
