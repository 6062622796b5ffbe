using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Search.Conformance;

/// <summary>
/// The search conformance suite on the Lucene engine, on the test run's database: SQLite, or
/// PostgreSQL in the PostgreSQL run.
/// </summary>
[TestClass]
public sealed class SearchConformanceTests : SearchIndexConformance
{
    private protected override PortalFactory Portal => SeededPortal.Factory;

    private protected override PortalFactory NewPortal() => new();

    [TestMethod]
    public async Task Every_published_item_is_in_the_index()
    {
        var count = await Portal.WithScopeAsync(s => s.GetRequiredService<ISearchIndexer>().CountAsync(CancellationToken.None));
        var published = await Portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.CountAsync());

        Assert.AreEqual(published, count);
    }
}
