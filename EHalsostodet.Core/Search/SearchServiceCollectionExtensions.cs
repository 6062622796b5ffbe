using EHalsostodet.Core.Events;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Search.Tuning;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EHalsostodet.Core.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Search on Lucene.Net, the same on both database providers: this instance's index files,
    /// kept in step with publishing, following other instances' changes, and tuned by editors.
    /// </summary>
    public static IServiceCollection AddSearchServices(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string contentRootPath)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton(new SearchIndexFolder(IndexFolder(configuration, provider, contentRootPath)));
        services.AddSingleton<SearchIndexes>();
        services.AddSingleton<SearchIndexSync>();
        services.AddSingleton<SearchIndexFollower>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<SearchIndexFollower>());
        services.AddSingleton<IHostedService>(s => s.GetRequiredService<SearchIndexFollower>());
        services.AddSingleton<SearchTuningCache>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<SearchTuningCache>());

        services.AddSingleton<SearchResultCache>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<SearchResultCache>());
        services.AddSingleton<SearchVocabularyCache>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<SearchVocabularyCache>());
        services.AddScoped<SearchVocabulary>();
        services.AddScoped<SearchHitCards>();
        services.AddScoped<SearchMissCounter>();
        services.AddScoped<LuceneSearchIndex>();
        services.AddScoped<ISearchIndex>(s => new CachedSearchIndex(s.GetRequiredService<LuceneSearchIndex>(), s.GetRequiredService<SearchResultCache>()));
        services.AddScoped<IEditorialSearch, LuceneEditorialSearch>();
        services.AddScoped<LuceneSearchIndexer>();
        services.AddScoped<ISearchIndexer>(s => s.GetRequiredService<LuceneSearchIndexer>());
        services.AddAfterCommitHandler<ContentPublished, LuceneSearchIndexer>();
        services.AddAfterCommitHandler<ContentUnpublished, LuceneSearchIndexer>();
        return services;
    }

    private static string IndexFolder(IConfiguration configuration, DatabaseProvider provider, string contentRootPath)
    {
        if (configuration[$"{SearchOptions.Section}:{nameof(SearchOptions.IndexFolder)}"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(Path.Combine(contentRootPath, configured));
        }
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(DatabaseServiceCollectionExtensions.SqliteConnectionString(
                configuration.GetConnectionString("Sqlite") ?? DatabaseServiceCollectionExtensions.DefaultSqliteConnectionString, contentRootPath)).DataSource;
            if (file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                return Path.Combine(folder, "search");
            }
        }
        return Path.Combine(contentRootPath, "App_Data", "search");
    }
}
