using EHalsostodet.Core.Events;
using EHalsostodet.Core.Publishing;

namespace EHalsostodet.Core.Operations;

/// <summary>Counts publishing and unpublishing in <see cref="PortalMetrics"/>, once it has committed.</summary>
public sealed class PublishingMetricsHandler(PortalMetrics metrics) :
    IAfterCommitHandler<ContentPublished>, IAfterCommitHandler<ContentUnpublished>
{
    public Task HandleAsync(IReadOnlyList<ContentPublished> events, CancellationToken cancellationToken)
    {
        foreach (var published in events)
        {
            metrics.Published(published.Item.Type, published.IsFirstPublish);
        }
        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<ContentUnpublished> events, CancellationToken cancellationToken)
    {
        foreach (var unpublished in events)
        {
            metrics.Unpublished(unpublished.Item.Type);
        }
        return Task.CompletedTask;
    }
}
