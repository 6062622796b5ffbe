using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Search.Postgres;

public static class PostgresSearchServiceCollectionExtensions
{
    /// <summary>The PostgreSQL search engine: tsvector columns with the swedish configuration.</summary>
    public static IServiceCollection AddPostgresSearchEngine(this IServiceCollection services)
    {
        // TODO(pgsearch): PostgresSearchIndex, PostgresSearchIndexer (ISearchIndexer), PostgresEditorialSearch.
        return services;
    }
}
