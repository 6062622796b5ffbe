using EHalsostodet.Core.Content;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Media;
using Microsoft.AspNetCore.Mvc;

namespace EHalsostodet.Web.Pages.Redaktion.Editor;

/// <summary>/redaktion/innehall/{id}/redigera: a new version based on the latest one.</summary>
// The editor form may carry an image to upload (HeroImageUpload).
[RequestSizeLimit(MediaUploadReader.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaUploadReader.MaxRequestBytes)]
public sealed class EditModel(PortalDbContext db, ContentStore store, ContentRules rules, PublishedQueries published, MarkdownRenderer markdown, HeroImageUpload heroImageUpload)
    : ContentEditorPageModel(db, store, rules, published, markdown, heroImageUpload)
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
            State = content.Item.State,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken) =>
        await ItemInfoAsync(id, cancellationToken) is { } info
            ? await HandlePostAsync(info.Type, id, info, cancellationToken)
            : NotFound();
}
