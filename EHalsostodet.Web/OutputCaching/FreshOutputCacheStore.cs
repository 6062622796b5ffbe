using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>
/// Wraps the output cache's store (memory or Redis) so that a page rendered from content read
/// before an eviction is never stored after it: a request that began rendering before one of its
/// tags was evicted answers as it is, but is not kept.
/// </summary>
public sealed class FreshOutputCacheStore(IOutputCacheStore inner, IHttpContextAccessor accessor) : IOutputCacheStore
{
    private readonly ConcurrentDictionary<string, long> evictedAt = new();

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        evictedAt[tag] = Stopwatch.GetTimestamp();
        return inner.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Items[PublicPageCachePolicy.RenderStartedKey] is long started &&
            tags is not null && tags.Any(tag => evictedAt.TryGetValue(tag, out var at) && at >= started))
        {
            return ValueTask.CompletedTask;
        }
        return inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}
