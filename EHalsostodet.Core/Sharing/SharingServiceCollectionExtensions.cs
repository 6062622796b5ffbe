using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EHalsostodet.Core.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>Public addresses, shareable pages and QR codes.</summary>
    public static IServiceCollection AddSharingServices(this IServiceCollection services)
    {
        services.TryAddSingleton<IListeningAddress, NoListeningAddress>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<IQrCodeRenderer, QrCoderSvgRenderer>();
        services.AddScoped<ShareTargets>();
        return services;
    }
}
