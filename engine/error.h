#pragma once

#include "types.h"

#include <QString>

#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace engine {

/// How an error is shaped (helper-semantics §8, error-type map).
enum class ErrorShape : quint8 { Plain, Group, Wrapped, Timeout };

/// An error raised by a task or a helper: a type name and message (as the Python libraries show
/// them), the task it came from, and for groups and wrappers the errors inside. Cheap to copy.
class Error : public std::exception
{
public:
    /// An empty error (needed to carry errors as values in QVariant).
    Error();
    /// A plain error such as ValueError('boom') raised by `origin`.
    static Error plain(const QString &type, const QString &message, TaskId origin = NoId);
    /// An exception group such as ExceptionGroup('wait_any()', [...]).
    static Error group(const QString &message, std::vector<Error> children, const QString &type = QStringLiteral("ExceptionGroup"));
    /// A wrapper such as ConcurrentExecutionError(inner) (aio.tasks).
    static Error wrapped(const QString &type, const Error &inner);
    /// A timeout error (TimeoutError, TooSlowError).
    static Error timeout(const QString &type, const QString &message = {});
    /// Any exception as an Error; unknown std::exceptions keep their what().
    static Error fromException(std::exception_ptr e);

    ErrorShape shape() const;
    QString type() const;
    QString message() const;
    TaskId origin() const;
    const std::vector<Error> &children() const;
    /// `Type('message')`, groups and wrappers nested: ExceptionGroup('Nursery', [ValueError('A')]).
    QString describe() const;
    const char *what() const noexcept override;

    bool operator==(const Error &other) const { return describe() == other.describe(); }

private:
    struct Data;
    explicit Error(std::shared_ptr<const Data> d);
    static Error finish(std::shared_ptr<Data> &&data);
    std::shared_ptr<const Data> d;
};

/// Thrown at a checkpoint when the task's cancel scope (or the task) is cancelled. Cleanup code in
/// the coroutine runs when it unwinds, at that virtual instant.
class Cancelled : public std::exception
{
public:
    const char *what() const noexcept override { return "Cancelled"; }
};

/// True if `e` holds engine::Cancelled.
bool isCancelled(const std::exception_ptr &e);

} // namespace engine

#include <QMetaType>
Q_DECLARE_METATYPE(engine::Error)
