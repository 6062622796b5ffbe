using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Versions;

/// <summary>Every version of an item, with a choice of two to compare and a way back to an older one.</summary>
public sealed class HistoryModel(ContentQueries queries, ContentStore store) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public IReadOnlyList<ContentVersion> Versions { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    /// <summary>The versions checked by default: the one before the latest, and the latest.</summary>
    public int DefaultFrom => Versions.Count > 1 ? Versions[1].Number : Versions.FirstOrDefault()?.Number ?? 1;

    public int DefaultTo => Versions.FirstOrDefault()?.Number ?? 1;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Återskapa den här versionen: a new draft with the old document.</summary>
    public async Task<IActionResult> OnPostRollbackAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var result = await store.RollbackAsync(id, version, User.ToActor().AsAuthor(), cancellationToken);
        switch (result)
        {
            case SaveResult.Saved saved:
                TempData["Message"] = $"Version {version} har återskapats som ett nytt utkast (version {saved.Version.Number}). Den publicerade versionen är oförändrad tills det nya utkastet har granskats och publicerats.";
                Response.Headers.Location = PortalPaths.BackOffice.Content(id);
                return StatusCode(StatusCodes.Status303SeeOther);
            case SaveResult.Conflict conflict:
                ErrorMessage = conflict.Message;
                break;
            case SaveResult.Outdated:
                ErrorMessage = SaveResult.Outdated.Message;
                break;
            case SaveResult.Invalid invalid:
                ErrorMessage = $"Version {version} kan inte återskapas: " + string.Join(" ", invalid.Errors.Select(e => e.Message));
                break;
            default:
                return NotFound();
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var item = await queries.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return false;
        }
        Item = item;
        Versions = await queries.VersionsAsync(id, cancellationToken);
        return true;
    }
}
