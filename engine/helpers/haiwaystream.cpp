#include "haiwaystream.h"

namespace engine::haiway {

MergedStream::MergedStream(Ctx ctx, StreamOptions options)
    : m_rt(*ctx.rt)
    , m_stream(*ctx.rt, QStringLiteral("stream_concurrently"))
    , m_options(options)
{
    ScopeOptions scope;
    scope.name = QStringLiteral("stream_concurrently()");
    scope.kind = ScopeKind::Helper;
    m_scope = m_rt.openScope(ctx.task, scope);
    m_rt.leaveScope(ctx.task, m_scope);
}

std::shared_ptr<MergedStream> MergedStream::start(Ctx ctx, StreamSource a, StreamSource b, StreamOptions options)
{
    std::shared_ptr<MergedStream> self(new MergedStream(ctx, options));
    for (StreamSource *source : {&a, &b}) {
        const QString name = source->name;
        ctx.rt->spawn(self->m_scope, name, [self, s = std::move(*source)](Ctx c) { return produce(c, self, s); },
                      StartPolicy::Deferred);
    }
    return self;
}

QCoro::Task<Value> MergedStream::produce(Ctx ctx, std::shared_ptr<MergedStream> self, StreamSource source)
{
    // The producer finishes the stream itself, at the instant its source ends or raises (not
    // through a done-callback): a sibling woken at that instant then finds the stream finished.
    std::exception_ptr failure;
    try {
        for (int i = 0; i < source.values.size(); ++i) {
            co_await ctx.sleep(size_t(i) < source.delays.size() ? source.delays[size_t(i)] : 0);
            co_await self->m_stream.send(ctx, source.values.at(i));
        }
        if (source.error) {
            co_await ctx.sleep(source.errorDelay);
            throw *source.error;
        }
    } catch (...) {
        failure = std::current_exception();
    }
    if (failure) {
        if (!isCancelled(failure))
            self->m_stream.finish(Error::fromException(failure));
        std::rethrow_exception(failure);
    }
    if (!self->m_options.exhaustive || --self->m_producing == 0)
        self->m_stream.finish();
    co_return {};
}

QCoro::Task<void> MergedStream::close(Ctx ctx)
{
    if (m_closed)
        co_return;
    m_closed = true;
    m_rt.cancelScope(m_scope, ctx.task, QStringLiteral("the consumer left the stream"));
    co_await ctx.waitChildren(m_scope, false);
    m_rt.closeScope(m_scope, nullptr);
}

QCoro::Task<std::optional<Value>> MergedStream::next(Ctx ctx)
{
    std::exception_ptr failure;
    std::optional<QVariant> item;
    try {
        item = co_await m_stream.next(ctx);
    } catch (...) {
        failure = std::current_exception();
    }
    if (failure || !item) {
        co_await close(ctx);   // finally: cancel both producers and join them
        if (failure)
            std::rethrow_exception(failure);
    }
    co_return item;
}

QCoro::Task<QVariantList> streamConcurrently(Ctx ctx, StreamSource a, StreamSource b, StreamOptions options, int take)
{
    const auto merged = MergedStream::start(ctx, std::move(a), std::move(b), options);
    QVariantList received;
    while (take < 0 || received.size() < take) {
        const std::optional<Value> item = co_await merged->next(ctx);
        if (!item)
            co_return received;
        received << *item;
    }
    co_await merged->close(ctx);
    co_return received;
}

} // namespace engine::haiway
