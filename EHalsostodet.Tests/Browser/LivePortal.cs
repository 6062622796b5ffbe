using System.Net;
using System.Net.Sockets;
using EHalsostodet.Tests.Infrastructure;

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
        var port = FreePort();
        var baseUrl = $"http://localhost:{port}";
        // Shared links, QR codes and mail links are built on the configured public address.
        var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:PublicBaseUrl"] = baseUrl });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        return new LivePortal(factory, baseUrl);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public string Url(string path) => BaseUrl + path;

    public void Dispose() => Factory.Dispose();
}
