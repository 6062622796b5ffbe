using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.ContactMessages;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Export;
using EHalsostodet.Core.ExternalLinks;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Members.Inactivity;
using EHalsostodet.Core.Members.Notices;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Members.Privacy;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Core.Sync;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EHalsostodet.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Everything of the portal that is not HTTP, wired explicitly.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.Configure<SyncOptions>(configuration.GetSection(SyncOptions.Section));
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.Section));
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || PublicUrls.IsValidBase(o.PublicBaseUrl),
                "Email:PublicBaseUrl måste vara en absolut http- eller https-adress, t.ex. https://ehalsostodet.example.se.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        var provider = services.AddPortalDatabase(configuration, contentRootPath);

        services.AddEvents();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentRules>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentQueries>();
        services.AddScoped<EditableContentLoader>();
        services.AddScoped<EditorLookupsQuery>();
        services.AddScoped<EditorDraftStore>();
        services.AddScoped<TagDirectory>();
        services.AddScoped<TagManager>();
        services.AddScoped<AddressHistory>();
        services.AddScoped<PublishedProjector>();
        services.AddScoped<ContentPublisher>();
        services.TryAddScoped<IShownContent, NoShownContent>();
        services.AddScoped<PublishedQueries>();
        services.AddScoped<FeedQueries>();
        services.AddScoped<SitemapQueries>();
        services.AddScoped<StoryViewBuilder>();
        services.AddSearchServices(configuration, provider, contentRootPath);
        services.AddSearchTuningServices();
        services.Configure<UsageOptions>(configuration.GetSection(UsageOptions.Section));
        services.AddSingleton<UsageCountBuffer>();
        services.AddScoped<UsageCounter>();
        services.AddScoped<PopularTags>();
        services.AddScoped<InsightsQueries>();
        services.AddScoped<MemberProfileStore>();
        services.AddMemberAccountServices();
        services.AddMemberPrivacyServices();
        services.AddInactivityServices(configuration);
        services.AddMemberSavingServices();
        services.AddActionPlanServices();
        services.AddSharingServices();
        services.AddContactServices(configuration);
        services.AddExternalLinkServices(configuration);
        services.AddScoped<SyncImporter>();
        services.AddScoped<SyncExporter>();
        services.AddScoped<SyncCommand>();
        services.AddScoped(provider => new SyncArchive(
            provider.GetRequiredService<SyncExporter>(), provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyncOptions>>(),
            provider.GetRequiredService<TimeProvider>(), contentRootPath));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<SqliteBackup>();

        services.AddWorkflowServices();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailDispatcher>();
        services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddScoped<AuditQueries>();
        services.AddPortalAccountStore();
        services.AddScoped<AccountBootstrapper>();
        services.AddScoped<AccountBlocker>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<BackOfficeAccounts>();
        services.AddScoped<DecoyPasswords>();
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<UsageFlushService>();
        services.AddHostedService<EmailDispatchService>();
        services.AddMemberNoticeServices(configuration);
        services.AddExportServices(configuration);
        services.AddMediaServices(configuration, contentRootPath);
        services.AddInstanceServices(configuration, provider);
        return services;
    }
}
