using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>Public addresses, shareable pages and QR codes.</summary>
    public static IServiceCollection AddSharingServices(this IServiceCollection services)
    {
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<IQrCodeRenderer, QrCoderSvgRenderer>();
        services.AddScoped<ShareTargets>();
        return services;
    }
}
