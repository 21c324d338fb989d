#include "schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace engine::effectpy {

namespace {

quint64 splitmix64(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// base · 2^k without overflowing the tick type.
Tick doubled(Tick base, int k)
{
    if (base <= 0)
        return 0;
    const Tick limit = std::numeric_limits<Tick>::max() / 2;
    Tick delay = base;
    for (int i = 0; i < k && delay < limit; ++i)
        delay *= 2;
    return delay;
}

} // namespace

Schedule Schedule::recurs(int n)
{
    Schedule s;
    s.kind = Kind::Recurs;
    s.count = s.initialCount = n;
    return s;
}

Schedule Schedule::spaced(Tick interval)
{
    Schedule s;
    s.kind = Kind::Spaced;
    s.interval = std::max<Tick>(interval, 0);
    return s;
}

Schedule Schedule::exponential(Tick base, Tick maxDelay)
{
    Schedule s;
    s.kind = Kind::Exponential;
    s.interval = base;
    s.maxDelay = maxDelay;
    return s;
}

Schedule Schedule::jittered(double minFactor, double maxFactor, quint64 salt) const
{
    Schedule s = *this;
    s.jitter = true;
    s.minFactor = minFactor;
    s.maxFactor = maxFactor;
    s.salt = salt;
    return s;
}

void Schedule::reset(quint64 seed)
{
    count = initialCount;
    steps = 0;
    rng = seed ^ (salt * 0xD1B54A32D192ED03ull);
}

Schedule::Step Schedule::step()
{
    Step out;
    switch (kind) {
    case Kind::Recurs:
        out.again = count > 0;
        if (out.again)
            --count;
        break;
    case Kind::Spaced:
        out.again = true;
        out.delay = interval;
        break;
    case Kind::Exponential:
        out.again = true;
        out.delay = doubled(interval, steps);
        if (maxDelay >= 0)
            out.delay = std::min(out.delay, maxDelay);
        break;
    }
    ++steps;
    if (jitter) {
        // random.uniform(min, max), from the seeded stream instead of Python's global RNG.
        const double unit = double(splitmix64(rng) >> 11) / double(1ull << 53);
        const double factor = minFactor + (maxFactor - minFactor) * unit;
        out.delay = std::max<Tick>(0, Tick(std::llround(double(out.delay) * factor)));
    }
    return out;
}

QString Schedule::describe() const
{
    QString text;
    switch (kind) {
    case Kind::Recurs:
        text = QStringLiteral("recurs(%1)").arg(initialCount);
        break;
    case Kind::Spaced:
        text = QStringLiteral("spaced(%1)").arg(interval);
        break;
    case Kind::Exponential:
        text = maxDelay >= 0 ? QStringLiteral("exponential(%1, %2)").arg(interval).arg(maxDelay)
                             : QStringLiteral("exponential(%1)").arg(interval);
        break;
    }
    if (jitter)
        text += QStringLiteral(".jittered(%1, %2)").arg(minFactor).arg(maxFactor);
    return text;
}

} // namespace engine::effectpy
