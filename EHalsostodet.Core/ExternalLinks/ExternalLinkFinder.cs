using System.Text.Json;
using System.Text.RegularExpressions;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.ExternalLinks;

/// <summary>Every http(s) address in published content: initiatives' links and addresses in any text (Markdown links included).</summary>
public sealed partial class ExternalLinkFinder(PortalDbContext db)
{
    public async Task<IReadOnlyList<ExternalLinkUse>> FindAsync(CancellationToken cancellationToken)
    {
        // One document at a time: read all at once, the documents of a large portal held well over
        // a hundred megabytes at start-up, which the process then kept.
        var uses = new List<ExternalLinkUse>();
        var rows = db.PublishedContent.AsNoTracking().Select(p => new { p.ItemId, p.Title, p.Type, p.DocumentJson }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            uses.AddRange(UrlsIn(row.DocumentJson).Select(url => new ExternalLinkUse(url, row.ItemId, row.Title, row.Type.Label())));
        }
        return uses;
    }

    /// <summary>The addresses in every string of a document, each once.</summary>
    internal static IEnumerable<string> UrlsIn(string documentJson)
    {
        using var document = JsonDocument.Parse(documentJson);
        var found = new HashSet<string>(StringComparer.Ordinal);
        Walk(document.RootElement, found);
        return found;
    }

    private static void Walk(JsonElement element, HashSet<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, found);
                }
                break;
            case JsonValueKind.String:
                foreach (Match match in Address().Matches(element.GetString()!))
                {
                    // A sentence's full stop or a Markdown link's closing bracket is not part of the address.
                    found.Add(match.Value.TrimEnd('.', ',', ';', ':', ')', ']', '!', '?'));
                }
                break;
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""'\]\)]+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();
}
