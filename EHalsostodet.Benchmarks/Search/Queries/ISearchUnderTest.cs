namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>A way of answering the query mix: the real engine or the naive baseline.</summary>
internal interface ISearchUnderTest
{
    string Name { get; }

    /// <summary>Runs one query in the given request scope.</summary>
    /// <returns>The total number of hits.</returns>
    Task<int> SearchAsync(IServiceProvider services, BenchmarkQuery query, CancellationToken cancellationToken);
}
