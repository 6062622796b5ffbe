using System.Net;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.ExternalLinks;

/// <param name="Checked">Addresses checked in this run.</param>
public sealed record LinkCheckRun(int Checked, int Broken);

/// <summary>
/// Checks every external address in published content: a HEAD request (a GET when the server does
/// not take HEAD), one request at a time, a pause between two requests to the same host and a
/// timeout per address. It only reads published content and writes its own table, so it never
/// stands in the way of publishing; editors see the result in /redaktion/lankar.
/// </summary>
public sealed class ExternalLinkChecker(
    PortalDbContext db, ExternalLinkFinder finder, IHttpClientFactory clients, IOptions<ExternalLinkOptions> options, TimeProvider clock)
{
    public const string ClientName = "LinkCheck";

    public async Task<LinkCheckRun> CheckAllAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var urls = (await finder.FindAsync(cancellationToken)).Select(u => u.Url).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var known = await db.ExternalLinks.ToDictionaryAsync(l => l.Url, StringComparer.Ordinal, cancellationToken);
        db.ExternalLinks.RemoveRange(known.Values.Where(l => !urls.Contains(l.Url)));

        var client = clients.CreateClient(ClientName);
        var lastRequestTo = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var broken = 0;
        foreach (var url in urls)
        {
            var (status, problem) = Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? await CheckAsync(client, uri, lastRequestTo, settings, cancellationToken)
                : (null, "Adressen är inte en giltig webbadress.");
            var now = clock.GetUtcNow().UtcDateTime;
            if (!known.TryGetValue(url, out var link))
            {
                link = new ExternalLink { Url = url };
                db.ExternalLinks.Add(link);
            }
            var isBroken = problem.Length > 0;
            link.BrokenSince = isBroken ? link.BrokenSince ?? now : null;
            link.IsBroken = isBroken;
            link.StatusCode = status;
            link.Problem = problem;
            link.CheckedAt = now;
            broken += isBroken ? 1 : 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        return new LinkCheckRun(urls.Count, broken);
    }

    private async Task<(int? Status, string Problem)> CheckAsync(
        HttpClient client, Uri uri, Dictionary<string, DateTimeOffset> lastRequestTo, ExternalLinkOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            var status = await RequestAsync(client, HttpMethod.Head, uri, lastRequestTo, settings, cancellationToken);
            if (status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden)
            {
                // Some servers answer only GET; the body is never read.
                status = await RequestAsync(client, HttpMethod.Get, uri, lastRequestTo, settings, cancellationToken);
            }
            var code = (int)status;
            return (code, code switch
            {
                < 400 => "",
                404 or 410 => $"Sidan finns inte ({code}).",
                401 or 403 => $"Sidan kräver inloggning eller är spärrad ({code}).",
                >= 500 => $"Serverfel hos webbplatsen ({code}).",
                _ => $"Webbplatsen svarade med fel ({code}).",
            });
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"Svarade inte inom {settings.Timeout.TotalSeconds:0.#} sekunder.");
        }
        catch (HttpRequestException)
        {
            return (null, "Webbplatsen gick inte att nå.");
        }
    }

    private async Task<HttpStatusCode> RequestAsync(
        HttpClient client, HttpMethod method, Uri uri, Dictionary<string, DateTimeOffset> lastRequestTo, ExternalLinkOptions settings, CancellationToken cancellationToken)
    {
        if (lastRequestTo.TryGetValue(uri.Host, out var last) && last + settings.DelayPerHost - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var request = new HttpRequestMessage(method, uri);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.StatusCode;
        }
        finally
        {
            lastRequestTo[uri.Host] = clock.GetUtcNow();
        }
    }

    /// <summary>Broken addresses, the longest broken first, each with where it is used.</summary>
    public async Task<IReadOnlyList<BrokenLink>> BrokenAsync(CancellationToken cancellationToken)
    {
        var broken = await db.ExternalLinks.AsNoTracking().Where(l => l.IsBroken).ToListAsync(cancellationToken);
        var uses = (await finder.FindAsync(cancellationToken)).ToLookup(u => u.Url, StringComparer.Ordinal);
        return broken.OrderBy(l => l.BrokenSince).ThenBy(l => l.Url, StringComparer.Ordinal)
            .Select(l => new BrokenLink(l, uses[l.Url].OrderBy(u => u.ItemTitle, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public async Task<(int Checked, DateTime? LastCheckedAt)> SummaryAsync(CancellationToken cancellationToken)
    {
        var count = await db.ExternalLinks.CountAsync(cancellationToken);
        var last = count == 0 ? (DateTime?)null : await db.ExternalLinks.MaxAsync(l => (DateTime?)l.CheckedAt, cancellationToken);
        return (count, last);
    }
}
