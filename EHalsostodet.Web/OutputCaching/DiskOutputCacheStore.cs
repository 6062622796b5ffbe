using EHalsostodet.Core.Instances;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>
/// The output cache's store when there is no Redis: rendered pages kept as files on this instance's
/// own disk (<see cref="KeptFiles{TKey, TInfo}"/>), so that thousands of pages cost the process only
/// their keys and tags, while the operating system's page cache keeps the files that are read often.
/// At most <see cref="PublicPageCacheOptions.DiskMegabytes"/>, the least recently read pages going first.
/// </summary>
public sealed class DiskOutputCacheStore(IOptions<PublicPageCacheOptions> options, TimeProvider clock) : IOutputCacheStore, IDisposable
{
    private sealed record KeptPage(string[] Tags, DateTimeOffset Expires);

    private readonly KeptFiles<string, KeptPage> pages = new(
        options.Value.Folder, "pages", () => Math.Max(0, options.Value.DiskMegabytes) * 1024L * 1024L);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(pages.Read(key, page => page.Expires > clock.GetUtcNow()));

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        pages.Store(key, new KeptPage(tags ?? [], clock.GetUtcNow() + validFor), value);
        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        pages.RemoveWhere((_, page) => page.Tags.Contains(tag, StringComparer.Ordinal));
        return ValueTask.CompletedTask;
    }

    public void Dispose() => pages.Dispose();
}
