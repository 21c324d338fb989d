#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace engine {

/// An append-only sequence whose elements never move: storage comes in chunks of 2^ChunkBits
/// elements, so references stay valid while it grows (the runtime hands out references to task
/// records across calls that spawn more tasks). std::deque has the same guarantee but allocates a
/// block per two or three records when they are as large as a task record: a malloc every few
/// spawns.
template<typename T, std::size_t ChunkBits = 10>
class StableVector
{
public:
    static constexpr std::size_t ChunkSize = std::size_t(1) << ChunkBits;

    StableVector() = default;
    StableVector(const StableVector &) = delete;
    StableVector &operator=(const StableVector &) = delete;
    ~StableVector() { clear(); }

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    T &operator[](std::size_t i) { return slot(i); }
    const T &operator[](std::size_t i) const { return const_cast<StableVector *>(this)->slot(i); }
    T &back() { return slot(m_size - 1); }

    template<typename... Args>
    T &emplace_back(Args &&...args)
    {
        if ((m_size >> ChunkBits) == m_chunks.size())
            m_chunks.push_back(std::unique_ptr<Chunk>(new Chunk));   // uninitialised: no memset
        T *p = ::new (static_cast<void *>(&slot(m_size))) T(std::forward<Args>(args)...);
        ++m_size;
        return *p;
    }

    void clear()
    {
        for (std::size_t i = m_size; i > 0; --i)
            slot(i - 1).~T();
        m_size = 0;
        m_chunks.clear();
    }

private:
    struct Chunk
    {
        alignas(T) std::byte bytes[sizeof(T) * ChunkSize];
    };
    T &slot(std::size_t i)
    {
        std::byte *raw = m_chunks[i >> ChunkBits]->bytes + sizeof(T) * (i & (ChunkSize - 1));
        return *std::launder(reinterpret_cast<T *>(raw));
    }

    std::vector<std::unique_ptr<Chunk>> m_chunks;
    std::size_t m_size = 0;
};

} // namespace engine
