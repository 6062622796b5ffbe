using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Search.Postgres;

public static class PostgresSearchServiceCollectionExtensions
{
    /// <summary>The PostgreSQL search engine: tsvector columns with the swedish configuration.</summary>
    public static IServiceCollection AddPostgresSearchEngine(this IServiceCollection services)
    {
        services.AddScoped<ISearchIndex, PostgresSearchIndex>();
        services.AddScoped<PostgresSearchIndexer>();
        services.AddScoped<ISearchIndexer>(s => s.GetRequiredService<PostgresSearchIndexer>());
        services.AddScoped<IEditorialSearch, PostgresEditorialSearch>();
        return services;
    }
}
