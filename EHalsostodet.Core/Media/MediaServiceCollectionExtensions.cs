using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The media library: sniffing, stripping, storage, libvips variants and usage lookups.</summary>
    public static IServiceCollection AddMediaServices(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton(new MediaContentRoot(contentRootPath));
        services.AddSingleton<ImageSniffer>();
        services.AddSingleton<MetadataStripper>();
        services.AddSingleton<MediaFileStore>();
        services.AddSingleton<VipsVariantMaker>();
        services.AddScoped<MediaUsages>();
        services.AddScoped<MediaLibrary>();
        return services;
    }
}
