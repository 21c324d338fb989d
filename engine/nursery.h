#pragma once

#include "runtime.h"

#include <vector>

namespace engine {

/// How a supervisor reports the errors it collected (helper-semantics §7.5).
enum class GroupPolicy : quint8 {
    Always,     ///< always an exception group, even for one error (trio ≥ 0.25, asyncgui, TaskGroup)
    WhenMany,   ///< the bare error when there is one, a group for several
    FirstOnly,  ///< the first error, bare; later ones are dropped (haiway, effectpy)
};

/// What ends the wait early besides an error.
enum class WinRule : quint8 {
    None,         ///< wait for every child (nursery, wait_all)
    FirstFinish,  ///< a child that completes cancels the others (asyncgui wait_any)
};

struct NurseryOptions
{
    QString name = QStringLiteral("nursery");   ///< scope name in the trace
    QString groupMessage = QStringLiteral("Nursery");
    ScopeKind kind = ScopeKind::Nursery;
    GroupPolicy groups = GroupPolicy::Always;
    WinRule win = WinRule::None;
};

/// What a nursery raises as it closes (null: nothing). A struct because QCoro's promise cannot
/// hold an exception_ptr as its value.
struct Raised
{
    std::exception_ptr error;
    /// Throws the error, if any.
    void rethrow() const
    {
        if (error)
            std::rethrow_exception(error);
    }
};

/// A structured task group in the calling task: children live in its scope; the first error (of a
/// child or of the body) cancels the scope, which cancels the children and the body; finish() leaves
/// the scope, joins every child, then raises the errors (as the policy shapes them) or returns.
/// Daemon children are cancelled once the body and all other children are done.
class Nursery : public ScopeObserver
{
public:
    Nursery(Ctx ctx, NurseryOptions options);
    ~Nursery() override;
    Nursery(const Nursery &) = delete;
    Nursery &operator=(const Nursery &) = delete;

    /// Starts a child in the nursery (profile start policy unless given).
    TaskId start(const QString &name, Body body, bool daemon = false);
    /// `closeOnFinish`: when this child completes, the nursery closes (asyncgui 0.11).
    TaskId start(const QString &name, Body body, StartPolicy policy, bool daemon = false, bool closeOnFinish = false);
    /// Takes `child`, a live task living in another scope, in as a non-daemon child: it is moved
    /// into this nursery's scope (Runtime::moveTask; trio's task_status.started()).
    void adopt(TaskId child);
    /// Cancels everything in the nursery (asyncgui Nursery.close()).
    void cancel(const QString &why, EventId cause = NoId);

    ScopeId scope() const { return m_scope; }
    const std::vector<TaskId> &children() const { return m_children; }
    const std::vector<Error> &errors() const { return m_errors; }

    /// The body has ended (with `bodyError`, possibly null): joins the children and returns what
    /// the nursery raises (null: nothing). The caller throws it: returning it instead of throwing
    /// saves one full unwind per cancelled nursery (a C++ throw costs microseconds).
    QCoro::Task<Raised> finish(std::exception_ptr bodyError);

    void childEnded(TaskId child) override;

private:
    void cancelDaemonsIfIdle();
    std::exception_ptr errorToRaise();

    Ctx m_ctx;
    NurseryOptions m_options;
    ScopeId m_scope = NoId;
    std::vector<TaskId> m_children;
    std::vector<bool> m_daemon;   // by position in m_children
    std::vector<bool> m_closer;   // close_on_finish, by position
    std::vector<Error> m_errors;
    int m_liveNonDaemons = 0;
    int m_liveDaemons = 0;
    bool m_bodyDone = false;
};

using NurseryBody = std::function<QCoro::Task<Value>(Ctx, Nursery &)>;

/// Runs `body` with a nursery open in the calling task; returns the body's value once every child
/// ended, or raises.
QCoro::Task<Value> withNursery(Ctx ctx, NurseryOptions options, NurseryBody body);

} // namespace engine
