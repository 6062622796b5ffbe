using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.ExternalLinks;

public static class ExternalLinkServiceCollectionExtensions
{
    /// <summary>The background check of external links in published content, listed for editors in /redaktion/lankar.</summary>
    public static IServiceCollection AddExternalLinkServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExternalLinkOptions>(configuration.GetSection(ExternalLinkOptions.Section));
        services.AddHttpClient(ExternalLinkChecker.ClientName, client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd("EHalsostodet-lankkontroll/1.0");
            // Each request has its own timeout (LinkCheck:Timeout).
            client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5 });
        services.AddScoped<ExternalLinkFinder>();
        services.AddScoped<ExternalLinkChecker>();
        services.AddHostedService<ExternalLinkCheckJob>();
        return services;
    }
}
