using System.Net;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Tests.Operations;

/// <summary>Forwarded headers are believed only from the configured proxies.</summary>
[TestClass]
public sealed class ReverseProxyTests
{
    [TestMethod]
    public void Configured_proxies_and_networks_are_trusted_for_client_address_and_scheme_only()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["ReverseProxy:KnownProxies:0"] = "10.0.0.5",
            ["ReverseProxy:KnownNetworks:0"] = "192.168.10.0/24",
        });
        var options = factory.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.AreEqual(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.IsTrue(options.KnownProxies.Contains(IPAddress.Parse("10.0.0.5")));
        Assert.IsTrue(options.KnownIPNetworks.Any(n => n.Contains(IPAddress.Parse("192.168.10.77"))));
        Assert.IsFalse(options.KnownIPNetworks.Any(n => n.Contains(IPAddress.Parse("203.0.113.9"))), "an arbitrary address is not a trusted proxy");
    }

    [TestMethod]
    public async Task Https_from_a_trusted_proxy_is_believed_and_from_anyone_else_ignored()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = "10.0.0.5" });

        // HSTS is only sent on HTTPS requests, so it shows which scheme the portal believed.
        Assert.IsTrue(await SendsHstsAsync(factory, IPAddress.Parse("10.0.0.5")), "the trusted proxy says https");
        Assert.IsFalse(await SendsHstsAsync(factory, IPAddress.Parse("198.51.100.20")), "an unknown client cannot claim https");
    }

    private static async Task<bool> SendsHstsAsync(PortalFactory factory, IPAddress remote)
    {
        using var client = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RemoteAddress(remote)))).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/om");
        request.Headers.Host = "ehalsostodet.example.se";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Contains("Strict-Transport-Security");
    }

    /// <summary>Gives test requests the connection address a proxy (or a stranger) would have.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
