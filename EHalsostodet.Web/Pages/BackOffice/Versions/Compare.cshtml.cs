using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Versions;

/// <summary>Two versions of an item side by side, field by field, with the changed words marked.</summary>
public sealed class CompareModel(ContentQueries queries) : PageModel
{
    /// <summary>One changed field with its Swedish name.</summary>
    public sealed record ChangedField(string Label, string Path, FieldChange Change);

    [FromQuery(Name = "fran")]
    public int? From { get; set; }

    [FromQuery(Name = "till")]
    public int? To { get; set; }

    public ContentItem Item { get; private set; } = null!;

    public ContentVersion? Before { get; private set; }

    public ContentVersion? After { get; private set; }

    public IReadOnlyList<ChangedField> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await queries.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        var numbers = (await queries.VersionHeadersAsync(id, cancellationToken)).Select(v => v.Number).ToList();
        // Without a choice: what the latest version changed.
        var to = To ?? numbers.FirstOrDefault();
        var from = From ?? numbers.FirstOrDefault(n => n < to, to);
        if (!numbers.Contains(from) || !numbers.Contains(to))
        {
            return NotFound();
        }
        // Older on the left, whichever way round the radio buttons were picked.
        (from, to) = from <= to ? (from, to) : (to, from);
        var versions = await queries.VersionsAsync(id, [from, to], cancellationToken);
        Before = versions.First(v => v.Number == from);
        After = versions.First(v => v.Number == to);
        var beforeDocument = JsonNode.Parse(Before.DocumentJson);
        var afterDocument = JsonNode.Parse(After.DocumentJson);
        Changes = VersionComparer.Compare(Before.DocumentJson, After.DocumentJson)
            .Select(c => new ChangedField(FieldNames.Label(c.Field, afterDocument, beforeDocument), c.Field, c))
            .ToList();
        return Page();
    }

    public bool IsLatest(ContentVersion version) => version.Id == Item.LatestVersionId;

    public bool IsPublished(ContentVersion version) => version.Id == Item.PublishedVersionId;
}
