using System.IO.Compression;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.OutputCaching.PersonalParts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.OutputCaching;

public static class OutputCachingServiceCollectionExtensions
{
    /// <summary>
    /// Rendered public pages kept for visitors, on this instance's disk or (with <c>OutputCache:Redis</c>) in Redis
    /// shared by every instance, compressed, with ETags, evicted when content changes.
    /// </summary>
    public static IServiceCollection AddPublicPageCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PublicPageCacheOptions.Section);
        services.Configure<PublicPageCacheOptions>(section);
        var settings = section.Get<PublicPageCacheOptions>() ?? new PublicPageCacheOptions();
        ServiceDescriptor? redis = null;
        if (!string.IsNullOrWhiteSpace(settings.Redis))
        {
            services.AddStackExchangeRedisOutputCache(options =>
            {
                options.Configuration = settings.Redis;
                options.InstanceName = settings.RedisPrefix;
            });
            redis = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        }
        services.AddOutputCache(options =>
        {
            options.MaximumBodySize = 4 * 1024 * 1024;
            options.AddBasePolicy(new PublicPageCachePolicy(Options.Create(settings)));
        });
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<DiskOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(s => new FreshOutputCacheStore(
            redis is null ? s.GetRequiredService<DiskOutputCacheStore>() : Create(s, redis), s.GetRequiredService<IHttpContextAccessor>()));
        services.AddHttpContextAccessor();
        services.AddSingleton<OutputCacheEviction>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<OutputCacheEviction>());
        services.AddEventHandler<ContentPublished, OutputCacheEviction>();
        services.AddEventHandler<ContentUnpublished, OutputCacheEviction>();
        services.AddScoped<IShownContent, ShownContentTags>();
        services.AddSingleton<PersonalPartRenderer>();
        services.AddSingleton<RenderedPartCache>();
        services.AddResponseCompression(options =>
        {
            // Only public pages are compressed, which carry no secret (BREACH needs one in the body).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Append("application/atom+xml");
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Outermost first: the cache status header, a member's personal parts, the output cache, the
    /// ETag, compression. After authentication (members are told apart) and routing (pages are known).
    /// </summary>
    public static WebApplication UsePublicPageCaching(this WebApplication app)
    {
        app.UseMiddleware<CacheStatusMiddleware>();
        app.UseMiddleware<PersonalPartsMiddleware>();
        app.UseOutputCache();
        app.UseMiddleware<EntityTagMiddleware>();
        app.UseWhen(PublicPageAttribute.IsOn, branch => branch.UseResponseCompression());
        return app;
    }

    private static IOutputCacheStore Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IOutputCacheStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
