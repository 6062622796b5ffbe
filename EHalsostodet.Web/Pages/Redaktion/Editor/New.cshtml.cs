using EHalsostodet.Core.Content;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Media;
using Microsoft.AspNetCore.Mvc;

namespace EHalsostodet.Web.Pages.Redaktion.Editor;

/// <summary>/redaktion/innehall/ny/{type}: the first version of a new item.</summary>
// The editor form may carry an image to upload (HeroImageUpload).
[RequestSizeLimit(MediaUploadReader.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaUploadReader.MaxRequestBytes)]
public sealed class NewModel(PortalDbContext db, ContentStore store, ContentRules rules, PublishedQueries published, MarkdownRenderer markdown, HeroImageUpload heroImageUpload)
    : ContentEditorPageModel(db, store, rules, published, markdown, heroImageUpload)
{
    public async Task<IActionResult> OnGetAsync(string type, CancellationToken cancellationToken)
    {
        if (!ContentTypeNames.TryParseKey(type, out var contentType))
        {
            return NotFound();
        }
        View = new EditorView { Type = contentType, Form = ContentForms.New(contentType), Lookups = await Editor.LookupsAsync(contentType, cancellationToken) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, CancellationToken cancellationToken) =>
        ContentTypeNames.TryParseKey(type, out var contentType)
            ? await HandlePostAsync(contentType, null, null, cancellationToken)
            : NotFound();
}
