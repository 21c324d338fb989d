#pragma once

#include "../primitives/stream.h"

#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

/// Haiway's stream_concurrently (helper-semantics §1.4): two producers push into one AsyncStream
/// with one item of back-pressure each; the consumer gets items in arrival order.
namespace engine::haiway {

/// One async source: item k is produced `delays[k]` ticks after the previous one; after the last
/// item it optionally raises `error` (after `errorDelay`).
struct StreamSource
{
    QString name;
    std::vector<Tick> delays;
    QVariantList values;
    std::optional<Error> error;
    Tick errorDelay = 0;
};

/// exhaustive=false (default): the merged stream ends when either source ends.
struct StreamOptions
{
    bool exhaustive = false;
};

/// The merged stream a consumer iterates. Leaving it (end, error, close, cancellation) cancels
/// both producers and waits for them.
class MergedStream
{
public:
    static std::shared_ptr<MergedStream> start(Ctx ctx, StreamSource a, StreamSource b, StreamOptions options = {});
    /// The next item, nullopt at the end; raises a source's error (bare).
    QCoro::Task<std::optional<Value>> next(Ctx ctx);
    /// The consumer stops iterating: producers cancelled and joined.
    QCoro::Task<void> close(Ctx ctx);
    ScopeId scope() const { return m_scope; }

private:
    MergedStream(Ctx ctx, StreamOptions options);
    static QCoro::Task<Value> produce(Ctx ctx, std::shared_ptr<MergedStream> self, StreamSource source);

    Runtime &m_rt;
    Stream m_stream;
    StreamOptions m_options;
    ScopeId m_scope = NoId;
    int m_producing = 2;
    bool m_closed = false;
};

/// stream_concurrently(a, b, exhaustive) consumed by a loop that takes at most `take` items
/// (-1: all); returns what the consumer received.
QCoro::Task<QVariantList> streamConcurrently(Ctx ctx, StreamSource a, StreamSource b, StreamOptions options = {}, int take = -1);

} // namespace engine::haiway
