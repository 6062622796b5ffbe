using EHalsostodet.Core.Content;
using EHalsostodet.Core.Markdown;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>What became of an editor's save.</summary>
public abstract record EditorSaveOutcome
{
    public sealed record Saved(Guid ItemId, int VersionNumber, string Message) : EditorSaveOutcome;
    public sealed record Invalid(FormErrors Errors) : EditorSaveOutcome;
    public sealed record Conflict(string Message) : EditorSaveOutcome;
    /// <summary>Someone saved a newer version since the editor started: the changes are to be merged.</summary>
    public sealed record Outdated : EditorSaveOutcome;
    public sealed record NotFound : EditorSaveOutcome;
}

/// <summary>
/// Turns posted forms into saved versions, previews and choices. Saving makes a draft version;
/// it never publishes (the workflow does that).
/// </summary>
public sealed class ContentEditor(
    EditableContentLoader loader, EditorLookupsQuery lookups, ContentStore store, ContentRules rules, MarkdownRenderer markdown)
{
    public EditableContentLoader Loader { get; } = loader;

    public Task<EditorLookups> LookupsAsync(ContentType type, CancellationToken cancellationToken) =>
        lookups.LoadAsync(type, cancellationToken);

    /// <summary>The Markdown fields rendered as the public page renders them; nothing is saved.</summary>
    public IReadOnlyDictionary<string, string> Preview(IContentForm form) =>
        form.MarkdownFields().ToDictionary(f => f.Path, f => markdown.ToHtml(f.Text, f.HeadingOffset));

    public async Task<EditorSaveOutcome> SaveAsync(
        ContentType type, Guid? itemId, Guid? baseVersionId, IContentForm form, string changeNote, ContentAuthor author,
        CancellationToken cancellationToken)
    {
        var draft = form.ToDocument();
        if (draft.FormErrors.Count > 0)
        {
            // Report everything at once: the form's own errors and the document's.
            var documentErrors = await rules.CheckAsync(type, itemId ?? Guid.NewGuid(), draft.Document, null, cancellationToken);
            return new EditorSaveOutcome.Invalid(Collect(draft, draft.FormErrors, documentErrors));
        }
        if (itemId is not null && baseVersionId is null)
        {
            return new EditorSaveOutcome.Conflict("Formuläret saknar uppgift om vilken version du utgick från. Öppna den senaste versionen och gör ändringen igen.");
        }
        var result = itemId is { } id
            ? await store.SaveAsync(id, draft.Document, baseVersionId, author, changeNote, cancellationToken: cancellationToken)
            : await store.CreateAsync(type, draft.Document, author, changeNote, cancellationToken: cancellationToken);
        return result switch
        {
            SaveResult.Saved saved => new EditorSaveOutcome.Saved(saved.Item.Id, saved.Version.Number, saved.Message),
            SaveResult.Invalid invalid => new EditorSaveOutcome.Invalid(Collect(draft, [], invalid.Errors)),
            SaveResult.Conflict conflict => new EditorSaveOutcome.Conflict(conflict.Message),
            SaveResult.Outdated => new EditorSaveOutcome.Outdated(),
            _ => new EditorSaveOutcome.NotFound(),
        };
    }

    private static FormErrors Collect(DocumentDraft draft, IReadOnlyList<ValidationError> formErrors, IReadOnlyList<ValidationError> documentErrors)
    {
        var errors = new FormErrors();
        foreach (var error in formErrors)
        {
            errors.Add(error.Field, error.Message);
        }
        foreach (var error in documentErrors)
        {
            errors.Add(draft.FormPath(error.Field), error.Message);
        }
        return errors;
    }
}
