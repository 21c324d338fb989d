#include "../helpers/concurry.h"

#include "submit.h"

#include <QVariantList>

// concurry's calls on arguments as Python passes them (helpers/concurry.h: waitArgs, gatherArgs,
// gatherArgsIter): single dicts and lists, several positional futures, recurse=True.
namespace engine::concurry {

using reference::ChildSet;

namespace {

enum class Shape : quint8 {
    DictTop,    // one dict: its values, keyed
    ListTop,    // one list: its elements, wrapped one by one
    Recursive,  // map_collection(…, recurse=True): every future and plain value inside, by path
    PerArg,     // several arguments (or one that is no structure): each wrapped
};

// The futures a call waits for, with their keys, and the ones it leaves unobserved.
struct Flat
{
    Shape shape = Shape::PerArg;
    std::vector<Child> waited;
    std::vector<QVariant> keys;      // the dict key, the index, or the path of each waited future
    std::vector<Child> bystanders;   // futures inside structures that wrap_future() took as values
};

void futuresInside(const Nested &n, std::vector<Child> &out)
{
    if (n.kind() == Nested::Kind::Future)
        out.push_back(n.child());
    for (const Nested &item : n.items())
        futuresInside(item, out);
}

// wrap_future(arg): a future as it is, anything else as a future already done with itself.
Child wrap(const Nested &arg, std::vector<Child> &bystanders)
{
    if (arg.kind() == Nested::Kind::Future)
        return arg.child();
    if (arg.isStructure())
        futuresInside(arg, bystanders);
    return ready(arg.name(), arg.wrappedValue());
}

// The walk of map_collection(obj, wrap_future, recurse=True): lists by index, dicts by key.
void walk(const Nested &n, const QVariantList &path, Flat &flat)
{
    if (!n.isStructure()) {
        flat.waited.push_back(wrap(n, flat.bystanders));
        flat.keys.push_back(path.size() == 1 ? path.front() : QVariant(path));   // a one-step path is that step
        return;
    }
    for (int i = 0; i < int(n.items().size()); ++i) {
        QVariantList deeper = path;
        deeper << (n.kind() == Nested::Kind::Dict ? QVariant(n.keys().at(i)) : QVariant(i));
        walk(n.items()[size_t(i)], deeper, flat);
    }
}

void wrapEach(const std::vector<Nested> &items, Flat &flat)
{
    for (int i = 0; i < int(items.size()); ++i) {
        flat.waited.push_back(wrap(items[size_t(i)], flat.bystanders));
        flat.keys.push_back(i);
    }
}

// How wait() (forWait) or gather() reads its positional arguments.
Flat flatten(const std::vector<Nested> &args, bool recurse, bool forWait)
{
    if (args.size() > 1 && args.front().isStructure())
        throw Error::plain(QStringLiteral("ValueError"),
                           QStringLiteral("Cannot provide both a structure (list/tuple/set/dict) as first argument and additional "
                                          "futures via *futs. Either pass a structure, or pass individual futures."));
    Flat flat;
    if (args.size() == 1 && args.front().kind() == Nested::Kind::Dict) {
        // Keys are kept (gather) or dropped (wait); the values are never walked.
        flat.shape = Shape::DictTop;
        const Nested &dict = args.front();
        for (int i = 0; i < int(dict.items().size()); ++i) {
            flat.waited.push_back(wrap(dict.items()[size_t(i)], flat.bystanders));
            flat.keys.push_back(dict.keys().at(i));
        }
        return flat;
    }
    if (args.size() == 1 && args.front().kind() == Nested::Kind::List) {
        // wait() walks a single list when asked to; gather() takes its elements as they are: its
        // structure branch comes before its recurse branch.
        if (forWait && recurse) {
            flat.shape = Shape::Recursive;
            walk(args.front(), {}, flat);
            return flat;
        }
        flat.shape = Shape::ListTop;
        wrapEach(args.front().items(), flat);
        return flat;
    }
    if (recurse && !forWait) {
        flat.shape = Shape::Recursive;
        for (int i = 0; i < int(args.size()); ++i)
            walk(args[size_t(i)], QVariantList{i}, flat);
        return flat;
    }
    flat.shape = Shape::PerArg;
    wrapEach(args, flat);
    return flat;
}

// The futures of a call: the waited ones in the call's scope, the unobserved ones in a scope of
// their own that the call leaves at once (they run on, nobody looks).
std::shared_ptr<ChildSet> submitFlat(Ctx ctx, const QString &scopeName, Flat &flat)
{
    auto set = detail::submit(ctx, scopeName, std::move(flat.waited));
    if (!flat.bystanders.empty()) {
        auto others = ChildSet::open(ctx, QStringLiteral("%1: unobserved futures").arg(scopeName), /*detached*/ true);
        for (Child &future : flat.bystanders)
            others->start(std::move(future), StartPolicy::Eager);
        others->leave();
    }
    return set;
}

// map_collection(wrapped, get_result, recurse=True): the structure with results in place.
Value rebuild(const Nested &n, const std::vector<Value> &values, size_t &next)
{
    if (!n.isStructure())
        return values[next++];
    if (n.kind() == Nested::Kind::List) {
        QVariantList out;
        for (const Nested &item : n.items())
            out << rebuild(item, values, next);
        return out;
    }
    Dict out;
    for (int i = 0; i < n.keys().size(); ++i)
        out.insert(n.keys().at(i), rebuild(n.items()[size_t(i)], values, next));
    return out.toVariant();
}

Value shaped(const std::vector<Nested> &args, const Flat &flat, const std::vector<Value> &values)
{
    switch (flat.shape) {
    case Shape::DictTop: {
        Dict out;
        for (size_t i = 0; i < values.size(); ++i)
            out.insert(flat.keys[i].toString(), values[i]);
        return out.toVariant();
    }
    case Shape::Recursive: {
        size_t next = 0;
        QVariantList out;
        for (const Nested &arg : args)
            out << rebuild(arg, values, next);
        // `if len(fs) == 1: return [results]`: the one-tuple of results inside a list ([(r,)]).
        return args.size() == 1 ? Value(QVariantList{Value(out)}) : Value(out);
    }
    case Shape::ListTop:
    case Shape::PerArg:
        break;
    }
    return QVariantList(values.begin(), values.end());
}

} // namespace

QCoro::Task<DoneNotDone> waitArgs(Ctx ctx, std::vector<Nested> args, WaitOptions options)
{
    Flat flat = flatten(args, options.recurse, true);
    if (flat.waited.empty())
        co_return DoneNotDone{};
    auto set = submitFlat(ctx, QStringLiteral("wait()"), flat);
    const PollPlan plan = detail::waitPlan("wait()", options.returnWhen, options.timeout, options.polling, options.pollInterval,
                                           false, detail::trackerOf(options));
    co_return co_await detail::watch(ctx, set, plan);
}

QCoro::Task<Value> gatherArgs(Ctx ctx, std::vector<Nested> args, GatherOptions options)
{
    Flat flat = flatten(args, options.recurse, false);
    if (flat.waited.empty()) {
        // gather([]) -> [], gather({}) -> {}.
        const std::vector<Value> none;
        co_return shaped(args, flat, none);
    }
    auto set = submitFlat(ctx, QStringLiteral("gather()"), flat);
    // Blocking gather is wait(ALL_COMPLETED) followed by collecting: its TimeoutError is wait()'s.
    const PollPlan plan = detail::waitPlan("wait()", ReturnWhen::AllCompleted, options.timeout, options.polling,
                                           options.pollInterval, false, detail::trackerOf(options));
    co_await detail::watch(ctx, set, plan);
    const std::vector<Value> values = detail::collect(ctx, *set, options.returnExceptions);
    co_return shaped(args, flat, values);
}

std::shared_ptr<GatherIterator> gatherArgsIter(Ctx ctx, std::vector<Nested> args, GatherOptions options)
{
    Flat flat = flatten(args, options.recurse, false);
    std::vector<QVariant> keys = flat.keys;
    auto set = submitFlat(ctx, QStringLiteral("gather(iter=True)"), flat);
    return std::make_shared<GatherIterator>(set, std::move(keys), options);
}

} // namespace engine::concurry
