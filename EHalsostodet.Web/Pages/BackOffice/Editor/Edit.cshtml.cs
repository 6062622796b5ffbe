using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.BackOffice.Editor;

/// <summary>
/// /redaktion/innehall/{id}/redigera: a new version based on the latest one. Also shows a
/// reviewer's comment when the item was sent back, when it was last reviewed (and "Markera som
/// granskad" when it is due), and lists the item's old addresses, which an administrator may remove.
/// </summary>
// The editor form may carry an image to upload (HeroImageUpload).
[RequestSizeLimit(MediaUploadReader.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaUploadReader.MaxRequestBytes)]
public sealed class EditModel(
    ContentEditor editor, EditorDraftStore drafts, DraftOwnerTokens owners, HeroImageUpload heroImageUpload, ContentPreviewBuilder previews,
    AddressHistory addresses, EditorialQueries queries, TimeProvider clock)
    : ContentEditorPageModel(editor, drafts, owners, heroImageUpload, previews)
{
    /// <summary>What is wrong with the stored version, when it breaks today's rules.</summary>
    public string? StoredProblem { get; private set; }

    /// <summary>Set when the stored version cannot be read into the form at all.</summary>
    public Guid? ItemId { get; private set; }

    /// <summary>Addresses the item was published at before, which lead to its live address.</summary>
    public IReadOnlyList<OldAddress> OldAddresses { get; private set; } = [];

    public bool CanRemoveOldAddresses => User.IsInRole(PortalRoles.Administrator);

    /// <summary>Why removing an old address was refused.</summary>
    public string? OldAddressError { get; private set; }

    /// <summary>The reviewer's comment, while the item is a draft that was sent back and not yet sent for review again.</summary>
    public Rejection? Rejection { get; private set; }

    /// <summary>When the item must next be reviewed, when and by whom it last was, and whether it can be marked as reviewed now.</summary>
    public ReviewStatus? Review { get; private set; }

    /// <summary>A saved version's confirmation, after "Spara".</summary>
    public string? SavedMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Editor.Loader.LoadAsync(id, cancellationToken) is not { } content)
        {
            return NotFound();
        }
        StoredProblem = content.Problem;
        SavedMessage = TempData[SavedKey] as string;
        await LoadItemNotesAsync(content.Item, cancellationToken);
        if (content.Document is null)
        {
            ItemId = id;
            return Page();
        }
        View = new EditorView
        {
            Type = content.Item.Type,
            Form = ContentForms.FromDocument(content.Document),
            Lookups = await Editor.LookupsAsync(content.Item.Type, cancellationToken),
            ItemId = id,
            BaseVersionId = content.Version.Id,
            BaseVersionNumber = content.Version.Number,
            LatestVersionId = content.Version.Id,
            State = content.Item.State,
            DraftOwnerToken = OwnerToken(Target(content.Item.Type, id)),
            ScheduledPublishAt = content.Item.PublishAt,
        };
        await ApplyDraftAsync(View, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ItemInfoAsync(id, cancellationToken) is not { } info)
        {
            return NotFound();
        }
        var result = await HandlePostAsync(info.Type, id, info, cancellationToken);
        if (result is PageResult && await Editor.Loader.ItemAsync(id, cancellationToken) is { } found)
        {
            await LoadItemNotesAsync(found.Item, cancellationToken);
        }
        return result;
    }

    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken cancellationToken) =>
        await ItemInfoAsync(id, cancellationToken) is { } info
            ? await AutosaveAsync(info.Type, id, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostLivePreviewAsync(Guid id, CancellationToken cancellationToken) =>
        await ItemInfoAsync(id, cancellationToken) is { } info
            ? await LivePreviewAsync(info.Type, id, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostDiscardDraftAsync(Guid id, CancellationToken cancellationToken) =>
        await ItemInfoAsync(id, cancellationToken) is { } info
            ? await DiscardDraftAsync(info.Type, id, cancellationToken)
            : NotFound();

    /// <param name="confirmed">The administrator ticked that links to the address stop working.</param>
    public async Task<IActionResult> OnPostRemoveOldAddressAsync(Guid id, string? slug, bool confirmed, CancellationToken cancellationToken)
    {
        var removal = confirmed
            ? await addresses.RemoveAsync(id, slug ?? "", User.ToActor(), cancellationToken)
            : new OldAddressRemoval(false, "Kryssa i att länkar till den gamla adressen slutar fungera för att ta bort den.");
        if (removal.Succeeded)
        {
            TempData["Message"] = removal.Message;
            return new SeeOtherResult(PortalPaths.BackOffice.Edit(id));
        }
        var page = await OnGetAsync(id, cancellationToken);
        OldAddressError = removal.Message;
        if (removal.Forbidden && page is PageResult)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return page;
    }

    private async Task LoadItemNotesAsync(ContentItem item, CancellationToken cancellationToken)
    {
        OldAddresses = await addresses.OldAddressesAsync(item.Id, cancellationToken);
        if (item.State == WorkflowState.Draft)
        {
            Rejection = (await queries.RejectionsAsync([item.Id], cancellationToken)).GetValueOrDefault(item.Id);
        }
        Review = ReviewStatus.Of(item, User.ToActor(), SwedishTime.Today(clock));
    }
}
