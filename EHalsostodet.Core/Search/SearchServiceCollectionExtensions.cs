using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Search.Postgres;
using EHalsostodet.Core.Search.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The search engine of the database provider: FTS5 on SQLite, tsvector on PostgreSQL.</summary>
    public static IServiceCollection AddSearchServices(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<SearchResultCache>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<SearchResultCache>());
        services.AddSingleton<SearchVocabularyCache>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<SearchVocabularyCache>());
        services.AddScoped<SearchVocabulary>();
        services.AddScoped<SearchMissCounter>();
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddPostgresSearchEngine();
        }
        else
        {
            services.AddScoped<SqliteSearchIndex>();
            services.AddScoped<ISearchIndex>(s => new CachedSearchIndex(s.GetRequiredService<SqliteSearchIndex>(), s.GetRequiredService<SearchResultCache>()));
            services.AddScoped<SqliteSearchIndexer>();
            services.AddScoped<ISearchIndexer>(s => s.GetRequiredService<SqliteSearchIndexer>());
            services.AddScoped<IEditorialSearch, SqliteEditorialSearch>();
        }
        services.AddScoped<INotificationHandler<ContentPublishedNotification>>(s => s.GetRequiredService<ISearchIndexer>());
        services.AddScoped<INotificationHandler<ContentUnpublishedNotification>>(s => s.GetRequiredService<ISearchIndexer>());
        return services;
    }
}
