using EHalsostodet.Core.Sharing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EHalsostodet.Web.Sharing;

/// <summary>
/// The first address the server (Kestrel) is bound to, for links when Email:PublicBaseUrl is not
/// set. A wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) becomes <c>localhost</c>.
/// Read once the server has started; before that (and in commands that never start it) there is none.
/// </summary>
public sealed class ServerListeningAddress(IServiceProvider services) : IListeningAddress
{
    private string? address;

    public string? Address => address ??= FirstBound(services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses);

    internal static string? FirstBound(IEnumerable<string>? addresses)
    {
        foreach (var candidate in addresses ?? [])
        {
            BindingAddress binding;
            try
            {
                binding = BindingAddress.Parse(candidate);
            }
            catch (FormatException)
            {
                continue;
            }
            if (binding.IsUnixPipe || binding.IsNamedPipe || binding.Scheme is not ("http" or "https"))
            {
                continue;
            }
            var host = binding.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "localhost" : binding.Host;
            var isDefaultPort = (binding.Scheme == "http" && binding.Port == 80) || (binding.Scheme == "https" && binding.Port == 443);
            return $"{binding.Scheme}://{host}{(isDefaultPort ? "" : ":" + binding.Port)}{binding.PathBase.TrimEnd('/')}";
        }
        return null;
    }
}

/// <summary>Says at start, in Production, when links are not built on a configured public address.</summary>
public sealed class PublicAddressStartupCheck(
    PublicUrls urls, IHostEnvironment environment, IHostApplicationLifetime lifetime, ILogger<PublicAddressStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && !urls.IsConfigured)
        {
            // After start, so the warning names the address the server actually bound.
            lifetime.ApplicationStarted.Register(() => logger.LogWarning(
                "Email:PublicBaseUrl är inte satt. Länkar i e-post, delningslänkar, QR-koder, flöden och exporter byggs på serverns egen adress {Address}. Sätt Email:PublicBaseUrl till portalens publika adress, t.ex. https://ehalsostodet.example.se.",
                urls.BaseUrl));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class SharingWebExtensions
{
    /// <summary>Absolute links on the server's own address when no public address is configured, and the warning about it.</summary>
    public static IServiceCollection AddSharingWeb(this IServiceCollection services)
    {
        services.AddSingleton<IListeningAddress, ServerListeningAddress>();
        services.AddHostedService<PublicAddressStartupCheck>();
        return services;
    }
}
