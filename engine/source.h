#pragma once

#include "child.h"

#include <optional>
#include <vector>

namespace engine {

/// Where a fan-out helper's children come from, pulled one at a time: a list, a generator that
/// raises part-way, or an async source that takes virtual time between items.
class Source
{
public:
    virtual ~Source() = default;
    /// The next child, or nullopt when exhausted. May suspend (async source) or throw (the
    /// iterable itself raises).
    virtual QCoro::Task<std::optional<Child>> next(Ctx ctx) = 0;
    /// A generator cannot be materialised or have its unstarted items closed (aio.tasks).
    virtual bool isGenerator() const { return false; }
    /// How many items are left if known, else -1 (lets a fan-out size its book-keeping once).
    virtual int remaining() const { return -1; }
};

/// A fixed list of children, optionally raising `error` on the pull after `raiseAfter` items and
/// waiting `delay` ticks before each item (an async source).
class ListSource : public Source
{
public:
    explicit ListSource(std::vector<Child> children) : m_children(std::move(children)) {}
    /// The pull after `count` items raises `error` (its origin is the puller).
    void raiseAfter(int count, Error error);
    /// Every pull waits `delay` first (an async source that is slow between items).
    void setDelay(Tick delay) { m_delay = delay; }
    /// Only pull number `pull` (0-based, the raising pull included) waits `delay` first.
    void setDelayBefore(int pull, Tick delay);
    void setGenerator(bool generator) { m_generator = generator; }
    bool isGenerator() const override { return m_generator; }
    int pulled() const { return m_next; }
    int remaining() const override { return int(m_children.size()) - m_next; }

    QCoro::Task<std::optional<Child>> next(Ctx ctx) override;

private:
    std::vector<Child> m_children;
    std::optional<Error> m_error;
    int m_raiseAfter = -1;
    int m_next = 0;
    Tick m_delay = 0;
    std::vector<Tick> m_delays;
    bool m_generator = false;
};

} // namespace engine
