using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Search.Postgres;

public static class PostgresSearchServiceCollectionExtensions
{
    /// <summary>The PostgreSQL search engine: tsvector columns with the swedish configuration.</summary>
    public static IServiceCollection AddPostgresSearchEngine(this IServiceCollection services)
    {
        services.AddScoped<TrigramSpelling>();
        services.AddScoped<PostgresSearchIndex>();
        services.AddScoped<ISearchIndex>(s => new CachedSearchIndex(s.GetRequiredService<PostgresSearchIndex>(), s.GetRequiredService<SearchResultCache>()));
        services.AddScoped<PostgresSearchIndexer>();
        services.AddScoped<ISearchIndexer>(s => s.GetRequiredService<PostgresSearchIndexer>());
        services.AddScoped<IEditorialSearch, PostgresEditorialSearch>();
        return services;
    }
}
