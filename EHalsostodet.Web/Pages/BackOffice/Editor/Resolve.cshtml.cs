using System.Text.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Core.Content.Merging;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.BackOffice.Editing;
using Microsoft.AspNetCore.Mvc;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.BackOffice.Editor;

/// <summary>
/// /redaktion/innehall/{id}/konflikt: the editor's draft, which started from an older version,
/// merged with the latest one. Fields only one side changed merge by themselves; for each field
/// both changed the editor chooses their own text, the other one, or writes a new one; the result
/// is saved on top of the latest version (or opened in the editor).
/// </summary>
public sealed class ResolveModel(EditorConflictLoader conflicts, EditorDraftStore drafts, ContentStore store, ContentQueries queries) : EditorFormPageModel
{
    public const string Yours = "yours";
    public const string Theirs = "theirs";
    public const string Own = "own";
    public const string SaveAction = "save";
    public const string EditAction = "edit";

    /// <summary>One posted choice: the field's path, which side, and the editor's own text.</summary>
    public sealed class ChoiceInput
    {
        public string? Path { get; set; }
        public string? Choice { get; set; }
        public string? Text { get; set; }
    }

    [BindProperty]
    public List<ChoiceInput> Choices { get; set; } = [];

    /// <summary>The latest version the page showed: a newer one means the comparison must be made again.</summary>
    [BindProperty]
    public Guid? LatestVersionId { get; set; }

    [BindProperty]
    public string? ChangeNote { get; set; }

    [BindProperty]
    public string? ResolveAction { get; set; }

    public Guid ItemId { get; private set; }

    public EditorConflict? Conflict { get; private set; }

    public ConflictReview? Review { get; private set; }

    /// <summary>Whether there is a draft at all, when there is nothing to merge.</summary>
    public bool HasDraft { get; private set; }

    public FormErrors Errors { get; } = new();

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        ItemId = id;
        switch (await conflicts.LoadAsync(User.ToActor().UserId, id, cancellationToken))
        {
            case EditorConflictLookup.NotFound:
                return NotFound();
            case EditorConflictLookup.NothingToMerge nothing:
                HasDraft = nothing.HasDraft;
                return Page();
            case EditorConflictLookup.Found found:
                if (!await ShowAsync(found.Conflict, cancellationToken))
                {
                    return Redirect(EditorUrl(id, restore: true));
                }
                ChangeNote = found.Conflict.DraftForm.ChangeNote;
                return Page();
        }
        return NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        ItemId = id;
        var lookup = await conflicts.LoadAsync(User.ToActor().UserId, id, cancellationToken);
        if (lookup is EditorConflictLookup.NotFound)
        {
            return NotFound();
        }
        if (lookup is not EditorConflictLookup.Found { Conflict: var conflict } || !await ShowAsync(conflict, cancellationToken))
        {
            return new SeeOtherResult(EditorUrl(id, restore: lookup is EditorConflictLookup.NothingToMerge { HasDraft: true } or EditorConflictLookup.Found));
        }
        if (LatestVersionId != conflict.Latest.Id)
        {
            Notice = $"Någon sparade version {conflict.Latest.Number} medan du jämförde. Jämförelsen nedan är gjord med den versionen; dina val finns kvar där fälten fortfarande skiljer sig. Kontrollera dem och spara igen.";
            return Page();
        }
        var choices = ReadChoices();
        if (Errors.Any)
        {
            return Page();
        }
        var merged = Merge(conflict, choices);
        if (merged is null)
        {
            return Page();
        }
        var changeNote = (ChangeNote ?? "").Trim();
        if (ResolveAction == EditAction)
        {
            var form = FormPairs.FromModel(ContentForms.FromDocument(merged), changeNote);
            if (await drafts.KeepAsync(User.ToActor().UserId, Target(conflict), conflict.Latest.Id, form.ToJson(), cancellationToken))
            {
                TempData["Message"] = "Ändringarna är sammanfogade i formuläret men inte sparade. Tryck Spara när du är klar.";
                return new SeeOtherResult(EditorUrl(id, restore: true));
            }
            Errors.Add("", "Den sammanfogade texten är för lång för att sparas som kopia. Spara den direkt i stället.");
            return Page();
        }
        var result = await store.SaveAsync(id, merged, conflict.Latest.Id, User.ToActor().AsAuthor(),
            changeNote.Length > 0 ? changeNote : $"Sammanfogad med version {conflict.Latest.Number}", cancellationToken: cancellationToken);
        switch (result)
        {
            case SaveResult.Saved saved:
                await drafts.DiscardAsync(User.ToActor().UserId, Target(conflict), cancellationToken);
                TempData["Message"] = $"Sparat som version {saved.Version.Number}. Dina ändringar och ändringarna i version {conflict.Latest.Number} är sammanfogade.";
                return new SeeOtherResult(PortalPaths.BackOffice.Content(id));
            case SaveResult.Invalid invalid:
                foreach (var error in invalid.Errors)
                {
                    Errors.Add(error.Field, $"{FieldNames.Label(error.Field, ContentDocumentSerializer.ToNode(merged))}: {error.Message}");
                }
                return Page();
            case SaveResult.Outdated:
                return await OnPostAsync(id, cancellationToken);
            case SaveResult.Conflict refused:
                Errors.Add("", refused.Message);
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.ItemAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }
        await drafts.DiscardAsync(User.ToActor().UserId, DraftTarget.Item(item.Type, id), cancellationToken);
        TempData["Message"] = "Det du skrev är borttaget. Innehållet är som i den senaste versionen.";
        return new SeeOtherResult(PortalPaths.BackOffice.Content(id));
    }

    /// <summary>The posted choice of a field, for the page to show it again.</summary>
    public ChoiceInput? Posted(string path) => Choices.FirstOrDefault(c => c?.Path == path);

    public static string EditorUrl(Guid id, bool restore) =>
        PortalPaths.WithQuery(PortalPaths.BackOffice.Edit(id), (ContentEditorPageModel.RestoreQuery, restore ? "1" : null));

    private static DraftTarget Target(EditorConflict conflict) => DraftTarget.Item(conflict.Item.Type, conflict.Item.Id);

    /// <summary>Prepares the comparison; false when the draft itself does not make a document (it is then fixed in the editor).</summary>
    private async Task<bool> ShowAsync(EditorConflict conflict, CancellationToken cancellationToken)
    {
        var form = await BindFormAsync(conflict.Item.Type, conflict.DraftForm);
        var draft = form.ToDocument();
        if (draft.FormErrors.Count > 0)
        {
            return false;
        }
        Conflict = conflict;
        YoursDocument = draft.Document;
        var yours = ContentDocumentSerializer.ToNode(draft.Document);
        Review = await ConflictReview.BuildAsync(conflict.CommonNode, yours, conflict.LatestNode,
            DocumentMerge.Merge(conflict.CommonNode, yours, conflict.LatestNode), queries, cancellationToken);
        return true;
    }

    private IContentDocument? YoursDocument { get; set; }

    private Dictionary<string, ConflictChoice> ReadChoices()
    {
        var chosen = new Dictionary<string, ConflictChoice>(StringComparer.Ordinal);
        foreach (var field in Review!.Conflicts)
        {
            var posted = Posted(field.Path);
            switch (posted?.Choice)
            {
                case Yours:
                    chosen[field.Path] = ConflictChoice.Use(field.Conflict.Yours);
                    break;
                case Theirs:
                    chosen[field.Path] = DocumentMerge.KeepTheirs;
                    break;
                case Own when field.IsText:
                    chosen[field.Path] = ConflictChoice.Use(JsonValue.Create(FormFields.Text(posted.Text)));
                    break;
                default:
                    Errors.Add(field.Path, $"Välj vilken text som ska gälla för {field.Label}.");
                    break;
            }
        }
        return chosen;
    }

    private IContentDocument? Merge(EditorConflict conflict, Dictionary<string, ConflictChoice> choices)
    {
        var yours = ContentDocumentSerializer.ToNode(YoursDocument!);
        var merged = DocumentMerge.Merge(conflict.CommonNode, yours, conflict.LatestNode, c => choices.GetValueOrDefault(c.Path, DocumentMerge.KeepTheirs));
        try
        {
            return ContentDocumentSerializer.Deserialize(conflict.Item.Type, merged.Merged);
        }
        catch (JsonException)
        {
            Errors.Add("", "Ändringarna gick inte att sammanfoga till ett giltigt dokument. Välj din egen eller den andra versionen för fälten och försök igen.");
            return null;
        }
    }
}
