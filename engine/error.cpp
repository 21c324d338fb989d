#include "error.h"

#include <QStringList>

#include <typeinfo>

namespace engine {

struct Error::Data
{
    ErrorShape shape = ErrorShape::Plain;
    QString type;
    QString message;
    TaskId origin = NoId;
    std::vector<Error> children;
    std::string whatText;
};

Error::Error()
    : Error(plain(QStringLiteral("Error"), {}))
{
}

Error::Error(std::shared_ptr<const Data> data)
    : d(std::move(data))
{
}

Error Error::plain(const QString &type, const QString &message, TaskId origin)
{
    auto data = std::make_shared<Data>();
    data->type = type;
    data->message = message;
    data->origin = origin;
    return Error::finish(std::move(data));
}

Error Error::group(const QString &message, std::vector<Error> children, const QString &type)
{
    auto data = std::make_shared<Data>();
    data->shape = ErrorShape::Group;
    data->type = type;
    data->message = message;
    data->children = std::move(children);
    return Error::finish(std::move(data));
}

Error Error::wrapped(const QString &type, const Error &inner)
{
    auto data = std::make_shared<Data>();
    data->shape = ErrorShape::Wrapped;
    data->type = type;
    data->origin = inner.origin();
    data->children = {inner};
    return Error::finish(std::move(data));
}

Error Error::timeout(const QString &type, const QString &message)
{
    auto data = std::make_shared<Data>();
    data->shape = ErrorShape::Timeout;
    data->type = type;
    data->message = message;
    return Error::finish(std::move(data));
}

Error Error::fromException(std::exception_ptr e)
{
    try {
        std::rethrow_exception(e);
    } catch (const Error &err) {
        return err;
    } catch (const Cancelled &) {
        return plain(QStringLiteral("Cancelled"), {});
    } catch (const std::exception &other) {
        return plain(QStringLiteral("std::exception"), QString::fromUtf8(other.what()));
    } catch (...) {
        return plain(QStringLiteral("UnknownError"), {});
    }
}

ErrorShape Error::shape() const { return d->shape; }
QString Error::type() const { return d->type; }
QString Error::message() const { return d->message; }
TaskId Error::origin() const { return d->origin; }
const std::vector<Error> &Error::children() const { return d->children; }
const char *Error::what() const noexcept { return d->whatText.c_str(); }

QString Error::describe() const
{
    switch (d->shape) {
    case ErrorShape::Group: {
        QStringList parts;
        for (const Error &c : d->children)
            parts << c.describe();
        return QStringLiteral("%1('%2', [%3])").arg(d->type, d->message, parts.join(QStringLiteral(", ")));
    }
    case ErrorShape::Wrapped:
        return QStringLiteral("%1(%2)").arg(d->type, d->children.front().describe());
    case ErrorShape::Plain:
    case ErrorShape::Timeout:
        break;
    }
    if (d->message.isEmpty())
        return d->type + QStringLiteral("()");
    return QStringLiteral("%1('%2')").arg(d->type, d->message);
}

Error Error::finish(std::shared_ptr<Data> &&data)
{
    Error e{std::shared_ptr<const Data>(data)};
    data->whatText = e.describe().toStdString();
    return e;
}

bool isCancelled(const std::exception_ptr &e)
{
    if (!e)
        return false;
#if defined(__GLIBCXX__)
    // Rethrowing only to learn the type costs a full unwind; every cancelled task's end asks this,
    // so read the type straight from the exception object (libstdc++ extension).
    if (const std::type_info *type = e.__cxa_exception_type())
        return *type == typeid(Cancelled);
#endif
    try {
        std::rethrow_exception(e);
    } catch (const Cancelled &) {
        return true;
    } catch (...) {
        return false;
    }
}

} // namespace engine
