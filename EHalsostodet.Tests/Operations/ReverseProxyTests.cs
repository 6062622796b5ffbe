using System.Net;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
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
}
