using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// What the "new" and "edit" pages share: binding the posted form, the row buttons, the Markdown
/// preview and the live preview of the page, uploading a hero image from inside the form, the save
/// with its outcomes, and the account's unsaved copy (autosaved, restored, discarded).
/// </summary>
public abstract class ContentEditorPageModel(
    ContentEditor editor, EditorDraftStore drafts, DraftOwnerTokens owners, HeroImageUpload heroImageUpload, ContentPreviewBuilder previews)
    : EditorFormPageModel
{
    public const string SaveAction = "save";
    public const string PreviewAction = "preview";
    /// <summary>The query that opens the form with the account's unsaved copy: ?utkast=1.</summary>
    public const string RestoreQuery = "utkast";
    public const string UploadAction = "upload";
    /// <summary>The TempData key of the confirmation the edit page shows after "Spara".</summary>
    public const string SavedKey = "EditorSaved";

    protected ContentEditor Editor { get; } = editor;

    protected EditorDraftStore Drafts { get; } = drafts;

    public EditorView View { get; protected set; } = null!;

    protected string UserId => User.ToActor().UserId;

    protected string OwnerToken(DraftTarget target) => owners.Issue(UserId, target);

    /// <summary>Binds the posted form and does what the pressed button asks for.</summary>
    protected async Task<IActionResult> HandlePostAsync(ContentType type, Guid? itemId, EditorView? itemInfo, CancellationToken cancellationToken)
    {
        var form = await BindAsync(type, null);
        var posted = Request.Form;
        var action = posted["editorAction"].ToString();
        // An image chosen beside the hero picker is uploaded by "Ladda upp" and by "Spara" alike, before the
        // lookups are read, so the new image is among the choices; a refused upload saves nothing.
        var upload = new HeroImageUploadView(posted[HeroImageUpload.AltField].ToString());
        if (form is IHeroImageForm heroForm && action is UploadAction or SaveAction)
        {
            upload = await heroImageUpload.UploadAsync(posted, heroForm, User.ToActor(), cancellationToken)
                ?? (action == UploadAction ? upload with { FileError = MediaLibrary.FileMissing } : upload);
        }
        Guid? baseVersionId = Guid.TryParse(posted["baseVersionId"], out var parsed) ? parsed : null;
        var target = Target(type, itemId);
        View = new EditorView
        {
            HeroUpload = upload,
            Type = type,
            Form = form,
            Lookups = await Editor.LookupsAsync(type, cancellationToken),
            ItemId = itemId,
            BaseVersionId = baseVersionId,
            BaseVersionNumber = itemId is { } item && baseVersionId is { } version
                ? await Editor.Loader.VersionNumberAsync(item, version, cancellationToken)
                : null,
            State = itemInfo?.State,
            ScheduledPublishAt = itemInfo?.ScheduledPublishAt,
            ChangeNote = posted["changeNote"].ToString(),
            DraftOwnerToken = OwnerToken(target),
            Unsaved = true,
        };

        if (upload.HasErrors)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (action == UploadAction)
        {
            return Page();
        }
        if (FormRows.Apply(form, action))
        {
            return Page();
        }
        if (action == PreviewAction)
        {
            View.Previews = Editor.Preview(form);
            return Page();
        }

        var outcome = await Editor.SaveAsync(type, itemId, baseVersionId, form, View.ChangeNote.Trim(), User.ToActor().AsAuthor(), cancellationToken);
        switch (outcome)
        {
            case EditorSaveOutcome.Saved saved:
                await Drafts.DiscardAsync(UserId, target, cancellationToken);
                // The editor stays where they were working; the edit page confirms the save.
                TempData[SavedKey] = saved.Message;
                return new SeeOtherResult(PortalPaths.BackOffice.Edit(saved.ItemId));
            case EditorSaveOutcome.Invalid invalid:
                View.Errors = invalid.Errors;
                return Page();
            case EditorSaveOutcome.Outdated when itemId is { } outdated &&
                await Drafts.KeepAsync(UserId, target, baseVersionId, FormPairs.FromForm(posted).ToJson(), cancellationToken):
                // The text is kept as a draft, and the comparison is a page of its own that Back and reload can show again.
                return new SeeOtherResult(PortalPaths.BackOffice.Conflict(outdated));
            case EditorSaveOutcome.Outdated:
                View.ConflictMessage = "Någon annan har sparat en nyare version medan du redigerade, och din text är för lång för att sparas som kopia. Den finns kvar i formuläret: kopiera den innan du börjar om.";
                return Page();
            case EditorSaveOutcome.Conflict conflict:
                View.ConflictMessage = conflict.Message;
                if (itemId is { } conflicted && await Editor.Loader.ItemAsync(conflicted, cancellationToken) is { } latest)
                {
                    View.LatestVersionNumber = latest.LatestNumber;
                }
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// The page as the public would see it with the form as typed, for the live preview beside the
    /// form (editor-preview.js posts the form while the editor types). Nothing is saved.
    /// </summary>
    protected async Task<IActionResult> LivePreviewAsync(ContentType type, Guid? itemId, CancellationToken cancellationToken)
    {
        var document = (await BindAsync(type, null)).ToDocument().Document;
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Partial("_LivePreview", await previews.BuildAsync(itemId, document, cancellationToken));
    }

    /// <summary>
    /// Keeps the form as the account's draft while it is being typed (editor.js posts it a few seconds
    /// after a change). A form that says just what the latest version says is no draft: any earlier one goes.
    /// </summary>
    protected async Task<IActionResult> AutosaveAsync(ContentType type, Guid? itemId, CancellationToken cancellationToken)
    {
        var target = Target(type, itemId);
        Guid? baseVersionId = Guid.TryParse(Request.Form["baseVersionId"], out var parsed) ? parsed : null;
        if (itemId is { } id && await Editor.Loader.LoadAsync(id, cancellationToken) is { Document: { } latest } content &&
            baseVersionId == content.Version.Id && (await BindAsync(type, null)).ToDocument() is { FormErrors.Count: 0 } draft &&
            ContentDocumentSerializer.Serialize(draft.Document) == ContentDocumentSerializer.Serialize(latest))
        {
            await Drafts.DiscardAsync(UserId, target, cancellationToken);
            return new NoContentResult();
        }
        return await Drafts.KeepAsync(UserId, target, baseVersionId, FormPairs.FromForm(Request.Form).ToJson(), cancellationToken)
            ? new NoContentResult()
            : StatusCode(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>Removes the account's unsaved copy and shows the page again.</summary>
    protected async Task<IActionResult> DiscardDraftAsync(ContentType type, Guid? itemId, CancellationToken cancellationToken)
    {
        await Drafts.DiscardAsync(UserId, Target(type, itemId), cancellationToken);
        TempData["Message"] = "Den osparade kopian är borttagen.";
        return new SeeOtherResult(Request.Path);
    }

    /// <summary>The account's unsaved copy: offered on the page, or (with ?utkast=1) put into the form.</summary>
    protected async Task ApplyDraftAsync(EditorView view, CancellationToken cancellationToken)
    {
        var target = Target(view.Type, view.ItemId);
        if (await Drafts.FindAsync(UserId, target, cancellationToken) is not { } draft)
        {
            return;
        }
        var baseNumber = view.ItemId is { } item && draft.BaseVersionId is { } baseId
            ? await Editor.Loader.VersionNumberAsync(item, baseId, cancellationToken)
            : null;
        if (Request.Query[RestoreQuery] != "1")
        {
            view.DraftOffer = new DraftOffer(draft.SavedAt, baseNumber, ConflictUrl: null);
            return;
        }
        var pairs = FormPairs.FromJson(draft.FormJson);
        view.Form = await BindAsync(view.Type, pairs);
        view.ChangeNote = pairs.ChangeNote;
        view.BaseVersionId = draft.BaseVersionId;
        view.BaseVersionNumber = baseNumber;
        view.Unsaved = true;
        view.Restored = new DraftOffer(draft.SavedAt, baseNumber,
            view.ItemId is { } id && draft.BaseVersionId != view.LatestVersionId ? PortalPaths.BackOffice.Conflict(id) : null);
    }

    /// <summary>The item's state and base version for the page heading, without the document.</summary>
    protected async Task<EditorView?> ItemInfoAsync(Guid itemId, CancellationToken cancellationToken)
    {
        if (await Editor.Loader.ItemAsync(itemId, cancellationToken) is not { } found)
        {
            return null;
        }
        return new EditorView
        {
            Type = found.Item.Type,
            Form = ContentForms.ForBinding(found.Item.Type),
            Lookups = EditorLookups.Empty,
            ItemId = itemId,
            State = found.Item.State,
            ScheduledPublishAt = found.Item.PublishAt,
            BaseVersionNumber = found.LatestNumber,
        };
    }

    protected static bool IsLocked(WorkflowState? state) => state == WorkflowState.Trashed;

    protected static DraftTarget Target(ContentType type, Guid? itemId) =>
        itemId is { } id ? DraftTarget.Item(type, id) : DraftTarget.New(type);



    private Task<IContentForm> BindAsync(ContentType type, FormPairs? pairs) => BindFormAsync(type, pairs);
}

/// <summary>An unsaved copy: when it was kept, the version it started from, and where to merge it when that is no longer the latest.</summary>
public sealed record DraftOffer(DateTime SavedAt, int? BaseVersionNumber, string? ConflictUrl);
