using EHalsostodet.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>The portal's search as the search page calls it: parser, FTS5, facet counts, snippets and "menade du".</summary>
internal sealed class EngineSearch(int pageSize) : ISearchUnderTest
{
    public string Name => "FTS5 engine";

    public async Task<int> SearchAsync(IServiceProvider services, BenchmarkQuery query, CancellationToken cancellationToken)
    {
        var filters = query.Filter is var (facet, value)
            ? new Dictionary<string, IReadOnlyList<string>> { [facet] = [value] }
            : null;
        var results = await services.GetRequiredService<ISearchIndex>().SearchAsync(new SearchRequest(query.Text, 1, pageSize, Filters: filters), cancellationToken);
        return results.Total;
    }
}
