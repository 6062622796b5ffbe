using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Export;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Members.Privacy;
using EHalsostodet.Core.Members.Notifying;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Members.Profiles;
using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Sqlite;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Core.Sync;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core;

public static class CoreServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/ehalsostodet.db";

    /// <summary>Everything of the portal that is not HTTP, wired explicitly.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<SyncOptions>(configuration.GetSection(SyncOptions.Section));
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var provider = configuration[$"{DatabaseOptions.Section}:Provider"] ?? "Sqlite";
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Databasleverantören \"{provider}\" stöds inte. Använd Sqlite.");
        }
        var connectionString = SqliteConnectionString(configuration.GetConnectionString("Sqlite") ?? DefaultSqliteConnectionString, contentRootPath);
        services.AddDbContext<PortalDbContext>(options => options
            .UseSqlite(connectionString)
            // Migrations are written by hand and checked against the model by a test.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

        services.AddScoped<INotificationPublisher, NotificationPublisher>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentRules>();
        services.AddScoped<ContentStore>();
        services.AddScoped<TagDirectory>();
        services.AddScoped<TagManager>();
        services.AddScoped<PublishedProjector>();
        services.AddScoped<ContentPublisher>();
        services.AddScoped<PublishedQueries>();
        services.AddScoped<StoryViewBuilder>();
        services.AddScoped<ISearchIndex, SqliteSearchIndex>();
        services.AddScoped<SearchVocabulary>();
        services.AddScoped<SearchMissCounter>();
        services.AddScoped<UsageCounter>();
        services.AddScoped<PopularTags>();
        services.AddScoped<InsightsQueries>();
        services.AddScoped<MemberProfileStore>();
        services.AddMemberProfileServices();
        services.AddMemberPrivacyServices();
        services.AddMemberSavingServices();
        services.AddActionPlanServices();
        services.AddSharingServices();
        services.AddScoped<SqliteSearchIndexer>();
        services.AddScoped<IEditorialSearch, SqliteEditorialSearch>();
        services.AddScoped<INotificationHandler<ContentPublishedNotification>>(s => s.GetRequiredService<SqliteSearchIndexer>());
        services.AddScoped<INotificationHandler<ContentUnpublishedNotification>>(s => s.GetRequiredService<SqliteSearchIndexer>());
        services.AddScoped<SyncImporter>();
        services.AddScoped<SyncExporter>();
        services.AddScoped<SyncCommand>();
        services.AddScoped(provider => new SyncArchive(
            provider.GetRequiredService<SyncExporter>(), provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyncOptions>>(),
            provider.GetRequiredService<TimeProvider>(), contentRootPath));
        services.AddScoped<DatabaseInitializer>();

        services.AddScoped<AuditLog>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<EditorialQueries>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailDispatcher>();
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddScoped<INotificationHandler<ContentSubmittedNotification>, ReviewerAlertHandler>();
        services.AddScoped<INotificationHandler<ContentRejectedNotification>, RejectionMailHandler>();
        services.AddScoped<AccountBootstrapper>();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddHostedService<EmailDispatchService>();
        services.AddMemberNotifyingServices(configuration);
        services.AddExportServices(configuration);
        services.AddMediaServices(configuration, contentRootPath);
        return services;
    }

    /// <summary>A relative SQLite file is placed under the content root, not the working folder.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRootPath, builder.DataSource);
        }
        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
