using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Instances;

public static class InstancesServiceCollectionExtensions
{
    /// <summary>Shared by every instance, so a cookie or token protected by one is read by all.</summary>
    public const string DataProtectionApplicationName = "EHalsostodet";

    /// <summary>
    /// What lets several instances share one database: cache eviction on every instance when
    /// content changes (LISTEN/NOTIFY on PostgreSQL), job locks, and data-protection keys in the
    /// database. On SQLite (one instance) eviction stays local and locks stay in the process.
    /// </summary>
    public static IServiceCollection AddInstanceServices(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider)
    {
        services.AddSingleton<ContentCacheEviction>();
        services.AddSingleton<ContentAfterCommit>();
        services.AddSingleton<IInterceptor>(s => s.GetRequiredService<ContentAfterCommit>());
        services.AddSingleton<IAfterContentCommit>(s => s.GetRequiredService<ContentCacheEviction>());
        services.AddScoped<LocalCacheEvictionHandler>();
        services.AddScoped<INotificationHandler<ContentPublishedNotification>>(s => s.GetRequiredService<LocalCacheEvictionHandler>());
        services.AddScoped<INotificationHandler<ContentUnpublishedNotification>>(s => s.GetRequiredService<LocalCacheEvictionHandler>());
        services.AddScoped<CollectionMembersEviction>();
        services.AddScoped<INotificationHandler<ContentPublishedNotification>>(s => s.GetRequiredService<CollectionMembersEviction>());
        services.AddScoped<INotificationHandler<ContentUnpublishedNotification>>(s => s.GetRequiredService<CollectionMembersEviction>());
        services.AddScoped<INotificationHandler<Workflow.ContentReviewedNotification>>(s => s.GetRequiredService<LocalCacheEvictionHandler>());
        services.AddScoped<INotificationHandler<Media.MediaChangedNotification>>(s => s.GetRequiredService<LocalCacheEvictionHandler>());
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(new PostgresConnectionString(configuration.GetConnectionString("Postgres")!));
            services.AddScoped<PostgresContentChangeAnnouncer>();
            services.AddScoped<INotificationHandler<ContentPublishedNotification>>(s => s.GetRequiredService<PostgresContentChangeAnnouncer>());
            services.AddScoped<INotificationHandler<ContentUnpublishedNotification>>(s => s.GetRequiredService<PostgresContentChangeAnnouncer>());
            services.AddScoped<INotificationHandler<Workflow.ContentReviewedNotification>>(s => s.GetRequiredService<PostgresContentChangeAnnouncer>());
            services.AddScoped<INotificationHandler<Media.MediaChangedNotification>>(s => s.GetRequiredService<PostgresContentChangeAnnouncer>());
            services.AddSingleton<PostgresContentChangeListener>();
            services.AddHostedService(s => s.GetRequiredService<PostgresContentChangeListener>());
            services.AddSingleton<IJobLock, PostgresJobLock>();
        }
        else
        {
            services.AddSingleton<IJobLock, InProcessJobLock>();
        }
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        return services;
    }
}
