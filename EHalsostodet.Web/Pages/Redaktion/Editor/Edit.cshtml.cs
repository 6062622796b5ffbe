using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Web.BackOffice.Editing;
using Microsoft.AspNetCore.Mvc;

namespace EHalsostodet.Web.Pages.Redaktion.Editor;

/// <summary>/redaktion/innehall/{id}/redigera: a new version based on the latest one.</summary>
public sealed class EditModel(ContentEditor editor, EditorDraftStore drafts, DraftOwnerTokens owners)
    : ContentEditorPageModel(editor, drafts, owners)
{
    /// <summary>What is wrong with the stored version, when it breaks today's rules.</summary>
    public string? StoredProblem { get; private set; }

    /// <summary>Set when the stored version cannot be read into the form at all.</summary>
    public Guid? ItemId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Editor.Loader.LoadAsync(id, cancellationToken) is not { } content)
        {
            return NotFound();
        }
        StoredProblem = content.Problem;
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

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await ItemInfoAsync(id, cancellationToken) is { } info
            ? await HandlePostAsync(info.Type, id, info, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken cancellationToken) =>
        await ItemInfoAsync(id, cancellationToken) is { } info
            ? await AutosaveAsync(info.Type, id, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostDiscardDraftAsync(Guid id, CancellationToken cancellationToken) =>
        await ItemInfoAsync(id, cancellationToken) is { } info
            ? await DiscardDraftAsync(info.Type, id, cancellationToken)
            : NotFound();
}
