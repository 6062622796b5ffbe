using EHalsostodet.Core.Content;
using EHalsostodet.Web.BackOffice.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Content;

/// <summary>Any version of an item, rendered with the public site's own templates.</summary>
public sealed class PreviewModel(ContentQueries queries, ContentPreviewBuilder previews) : PageModel
{
    public Guid Id { get; private set; }
    public int VersionNumber { get; private set; }
    public string Title => Preview?.Document.Title ?? "version " + VersionNumber;
    /// <summary>Null when the stored version cannot be read; <see cref="StoredProblem"/> says why.</summary>
    public ContentPreview? Preview { get; private set; }
    /// <summary>What is wrong with the stored version, when it breaks today's rules.</summary>
    public string? StoredProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        var item = await queries.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        var row = version is { } number
            ? await queries.VersionAsync(id, number, cancellationToken)
            : item.LatestVersionId is { } latestId ? await queries.VersionAsync(id, latestId, cancellationToken) : null;
        if (row is null)
        {
            return NotFound();
        }
        Id = id;
        VersionNumber = row.Number;
        var (document, problem) = ContentDocumentSerializer.ReadStored(item.Type, row.DocumentJson);
        StoredProblem = problem;
        if (document is not null)
        {
            Preview = await previews.BuildAsync(id, document, cancellationToken);
        }
        // Previews are for the editorial team only: never cached, never indexed.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
