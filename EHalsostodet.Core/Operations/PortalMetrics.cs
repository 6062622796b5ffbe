using System.Diagnostics.Metrics;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Operations;

/// <summary>
/// The portal's own instruments on the "EHalsostodet" meter, for what ASP.NET Core's meters do
/// not know: requests by route template and status class, searches and searches without hits,
/// exports by format, and content published and taken down.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "EHalsostodet";

    private readonly Counter<long> requests;
    private readonly Counter<long> searches;
    private readonly Counter<long> searchesWithoutHits;
    private readonly Counter<long> exports;
    private readonly Counter<long> published;
    private readonly Counter<long> unpublished;

    public PortalMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>("ehalsostodet.http.requests", "{request}", "HTTP requests by route template and status class");
        searches = meter.CreateCounter<long>("ehalsostodet.search.queries", "{search}", "Searches with words, on the site and through the APIs");
        searchesWithoutHits = meter.CreateCounter<long>("ehalsostodet.search.queries_without_hits", "{search}", "Searches with words that found nothing");
        exports = meter.CreateCounter<long>("ehalsostodet.exports", "{export}", "Exported files by format");
        published = meter.CreateCounter<long>("ehalsostodet.content.published", "{item}", "Versions made live, by content type");
        unpublished = meter.CreateCounter<long>("ehalsostodet.content.unpublished", "{item}", "Items taken off the public site, by content type");
    }

    public void Request(string route, int statusCode) =>
        requests.Add(1, new("http.route", route), new("status_class", $"{statusCode / 100}xx"));

    public void Search(bool found, bool viaApi)
    {
        var channel = new KeyValuePair<string, object?>("channel", viaApi ? "api" : "site");
        searches.Add(1, channel);
        if (!found)
        {
            searchesWithoutHits.Add(1, channel);
        }
    }

    public void Export(string format) => exports.Add(1, new KeyValuePair<string, object?>("format", format));

    public void Published(ContentType type, bool firstTime) =>
        published.Add(1, new("content.type", type.Key()), new("first_publish", firstTime));

    public void Unpublished(ContentType type) => unpublished.Add(1, new KeyValuePair<string, object?>("content.type", type.Key()));
}
