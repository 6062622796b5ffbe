using EHalsostodet.Core.Events;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.DataProtection;
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
        services.AddAfterCommitHandler<ContentPublished, LocalCacheEvictionHandler>();
        services.AddAfterCommitHandler<ContentUnpublished, LocalCacheEvictionHandler>();
        services.AddAfterCommitHandler<ContentReviewed, LocalCacheEvictionHandler>();
        services.AddAfterCommitHandler<MediaChanged, LocalCacheEvictionHandler>();
        services.AddAfterCommitHandler<ContentPublished, CollectionMembersEviction>();
        services.AddAfterCommitHandler<ContentUnpublished, CollectionMembersEviction>();
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton(new PostgresConnectionString(configuration.GetConnectionString("Postgres")!));
            services.AddEventHandler<ContentPublished, PostgresContentChangeAnnouncer>();
            services.AddEventHandler<ContentUnpublished, PostgresContentChangeAnnouncer>();
            services.AddEventHandler<ContentReviewed, PostgresContentChangeAnnouncer>();
            services.AddEventHandler<MediaChanged, PostgresContentChangeAnnouncer>();
            services.AddEventHandler<ContentPublished, CollectionMembersEviction>();
            services.AddEventHandler<ContentUnpublished, CollectionMembersEviction>();
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
