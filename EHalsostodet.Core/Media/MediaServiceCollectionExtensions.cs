using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>The media library: sniffing, libvips processing, storage and usage lookups.</summary>
    public static IServiceCollection AddMediaServices(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.AddSingleton(new MediaContentRoot(contentRootPath));
        services.AddSingleton<ImageSniffer>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaFileStore>();
        services.AddScoped<MediaUsages>();
        services.AddScoped<MediaLibrary>();
        return services;
    }
}
