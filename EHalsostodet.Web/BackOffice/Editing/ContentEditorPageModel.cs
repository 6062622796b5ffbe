using EHalsostodet.Core.Content;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// What the "new" and "edit" pages share: binding the posted form, "Fler rader", the Markdown
/// preview, uploading a hero image from inside the form, and the save with its outcomes.
/// </summary>
public abstract class ContentEditorPageModel(
    PortalDbContext db, ContentStore store, ContentRules rules, PublishedQueries published, MarkdownRenderer markdown, HeroImageUpload heroImageUpload)
    : PageModel
{
    public const string SaveAction = "save";
    public const string PreviewAction = "preview";
    public const string RowsAction = "rows";
    public const string UploadAction = "upload";

    protected ContentEditor Editor { get; } = new(db, store, rules, published, markdown);

    public EditorView View { get; protected set; } = null!;

    /// <summary>Binds the posted form and does what the pressed button asks for.</summary>
    protected async Task<IActionResult> HandlePostAsync(ContentType type, Guid? itemId, EditorView? itemInfo, CancellationToken cancellationToken)
    {
        var form = ContentForms.ForBinding(type);
        await TryUpdateModelAsync(form, form.GetType(), "");
        // The forms carry no annotations; what matters is what the document rules say.
        ModelState.Clear();
        if (form is StoryForm story)
        {
            story.Normalise();
        }
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
            ChangeNote = posted["changeNote"].ToString(),
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
        if (action.StartsWith(RowsAction, StringComparison.Ordinal))
        {
            form.AddEmptyRows(action.Length > RowsAction.Length + 1 ? action[(RowsAction.Length + 1)..] : null);
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
                TempData["Message"] = $"Sparat som version {saved.VersionNumber}.";
                return new SeeOtherResult($"/redaktion/innehall/{saved.ItemId}");
            case EditorSaveOutcome.Invalid invalid:
                View.Errors = invalid.Errors;
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
            BaseVersionNumber = found.LatestNumber,
        };
    }

    protected static bool IsLocked(WorkflowState? state) => state == WorkflowState.Trashed;
}
