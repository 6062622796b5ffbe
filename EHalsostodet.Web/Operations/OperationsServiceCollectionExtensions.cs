using System.Net;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Operations;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Operations;

/// <summary>Running the portal in production: health endpoints, metrics and a reverse proxy in front.</summary>
public static class OperationsServiceCollectionExtensions
{
    public static IServiceCollection AddPortalOperations(this IServiceCollection services)
    {
        services.AddPortalHealthChecks();
        services.AddScoped<BackupCommand>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PortalMetrics>();
        services.AddHostedService<NativeMemoryTrimmer>();
        services.AddAfterCommitHandler<ContentPublished, PublishingMetricsHandler>();
        services.AddAfterCommitHandler<ContentUnpublished, PublishingMetricsHandler>();
        DecorateSearchIndex(services);
        // Swedish letters as they are in JSON log lines, not as \u escapes (appsettings cannot set an encoder).
        services.Configure<JsonConsoleFormatterOptions>(options => options.JsonWriterOptions = options.JsonWriterOptions with
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            // Only the client address and scheme; the Host header stays what the proxy sent.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxy.Value.KnownProxies.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address.Trim()));
            }
            foreach (var network in proxy.Value.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: forwarded headers, so everything after sees the real scheme and client; then request metrics.</summary>
    public static WebApplication UsePortalOperations(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestMetricsMiddleware>();
        return app;
    }

    /// <summary>Counts searches around whichever engine the core registered.</summary>
    private static void DecorateSearchIndex(IServiceCollection services)
    {
        var engine = services.Last(d => d.ServiceType == typeof(ISearchIndex));
        services.Remove(engine);
        services.Add(new ServiceDescriptor(typeof(ISearchIndex), provider =>
        {
            var inner = engine.ImplementationFactory is { } factory
                ? (ISearchIndex)factory(provider)
                : (ISearchIndex)ActivatorUtilities.CreateInstance(provider, engine.ImplementationType!);
            var http = provider.GetRequiredService<IHttpContextAccessor>();
            return new MeteredSearchIndex(inner, provider.GetRequiredService<PortalMetrics>(),
                () => http.HttpContext?.Request.Path.StartsWithSegments("/api") == true);
        }, engine.Lifetime));
    }
}
