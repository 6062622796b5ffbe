using EHalsostodet.Web.BackOffice.Editing;

namespace EHalsostodet.Web.Media;

public static class MediaWebServiceCollectionExtensions
{
    public static IServiceCollection AddMediaWeb(this IServiceCollection services)
    {
        services.AddScoped<HeroImages>();
        services.AddScoped<HeroImageUpload>();
        return services;
    }
}
