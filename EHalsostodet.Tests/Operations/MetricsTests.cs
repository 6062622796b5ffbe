using System.Diagnostics.Metrics;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Operations;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Operations;

/// <summary>The "EHalsostodet" meter records what operators watch, seen through a MeterListener.</summary>
[TestClass]
public sealed class MetricsTests
{
    private sealed record Measurement(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>Listens to the one portal's meter: other portals in the process (other test classes) have their own.</summary>
    private static MeterListener Listen(PortalFactory factory, List<Measurement> measurements)
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Meter.Scope == meters)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }
            lock (measurements)
            {
                measurements.Add(new Measurement(instrument.Name, value, copy));
            }
        });
        listener.Start();
        return listener;
    }

    private static int Count(List<Measurement> measurements, string instrument, params (string Key, object Value)[] tags)
    {
        lock (measurements)
        {
            return measurements.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => (int)m.Value);
        }
    }

    [TestMethod]
    public async Task Requests_searches_exports_and_publishing_are_counted()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Workflow:FourEyes"] = "false" });
        await factory.CreateUserAsync("granskare@matning.example.se", PortalRoles.Reviewer);
        using var reviewer = await factory.BearerClientAsync("granskare@matning.example.se");
        using var client = factory.CreateClient();
        var measurements = new List<Measurement>();
        using var listener = Listen(factory, measurements);

        (await client.GetAsync(new Uri("/berattelser/lakemedelsautomater-i-norrvik", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/berattelser/finns-inte", UriKind.Relative))).Dispose();
        Assert.AreEqual(1, Count(measurements, "ehalsostodet.http.requests", ("http.route", "/berattelser/{slug}"), ("status_class", "2xx")));
        Assert.AreEqual(1, Count(measurements, "ehalsostodet.http.requests", ("http.route", "/berattelser/{slug}"), ("status_class", "4xx")));

        (await client.GetAsync(new Uri("/api/v1/search?q=trygghetslarm", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/sok?q=qwxzyvbnm", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/api/v1/search?type=story", UriKind.Relative))).Dispose();
        Assert.AreEqual(2, Count(measurements, "ehalsostodet.search.queries"), "browsing by a facet alone is not a search");
        Assert.AreEqual(1, Count(measurements, "ehalsostodet.search.queries", ("channel", "api")));
        Assert.AreEqual(1, Count(measurements, "ehalsostodet.search.queries_without_hits", ("channel", "site")));

        (await client.GetAsync(new Uri("/berattelser/lakemedelsautomater-i-norrvik/docx", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/samlingar/att-upphandla-valfardsteknik/pdf", UriKind.Relative))).Dispose();
        Assert.AreEqual(1, Count(measurements, "ehalsostodet.exports", ("format", "docx")));
        Assert.AreEqual(1, Count(measurements, "ehalsostodet.exports", ("format", "pdf")));

        var id = await CreateStoryAsync(reviewer, "Mätt publicering");
        await ActOkAsync(reviewer, id, "submit");
        await ActOkAsync(reviewer, id, "approve");
        Assert.AreEqual(1, Count(measurements, "ehalsostodet.content.published", ("content.type", "story"), ("first_publish", true)));
    }
}
