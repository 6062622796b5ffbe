using System.Net;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Browser;

/// <summary>
/// The portal on a real loopback port (Kestrel), so that a real browser can reach it; its
/// services and database stay reachable through <see cref="Factory"/>.
/// </summary>
internal sealed class LivePortal : IDisposable
{
    private LivePortal(PortalFactory factory, string baseUrl)
    {
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public PortalFactory Factory { get; }

    /// <summary>http://localhost:port, without a trailing slash. "localhost" so the browser treats it as a secure context.</summary>
    public string BaseUrl { get; }

    public static LivePortal Start()
    {
        var factory = new PortalFactory();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LivePortal(factory, $"http://localhost:{new Uri(address).Port}");
    }

    public string Url(string path) => BaseUrl + path;

    public void Dispose() => Factory.Dispose();
}
