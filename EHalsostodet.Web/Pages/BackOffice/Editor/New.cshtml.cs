using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Media;
using Microsoft.AspNetCore.Mvc;

namespace EHalsostodet.Web.Pages.BackOffice.Editor;

/// <summary>/redaktion/innehall/ny/{type}: the first version of a new item.</summary>
// The editor form may carry an image to upload (HeroImageUpload).
[RequestSizeLimit(MediaUploadReader.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaUploadReader.MaxRequestBytes)]
public sealed class NewModel(ContentEditor editor, EditorDraftStore drafts, DraftOwnerTokens owners, HeroImageUpload heroImageUpload, ContentPreviewBuilder previews)
    : ContentEditorPageModel(editor, drafts, owners, heroImageUpload, previews)
{
    public async Task<IActionResult> OnGetAsync(string type, CancellationToken cancellationToken)
    {
        if (!ContentTypeNames.TryParseKey(type, out var contentType))
        {
            return NotFound();
        }
        View = new EditorView
        {
            Type = contentType,
            Form = ContentForms.New(contentType),
            Lookups = await Editor.LookupsAsync(contentType, cancellationToken),
            DraftOwnerToken = OwnerToken(Target(contentType, null)),
        };
        await ApplyDraftAsync(View, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, CancellationToken cancellationToken) =>
        ContentTypeNames.TryParseKey(type, out var contentType)
            ? await HandlePostAsync(contentType, null, null, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostAutosaveAsync(string type, CancellationToken cancellationToken) =>
        ContentTypeNames.TryParseKey(type, out var contentType)
            ? await AutosaveAsync(contentType, null, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostLivePreviewAsync(string type, CancellationToken cancellationToken) =>
        ContentTypeNames.TryParseKey(type, out var contentType)
            ? await LivePreviewAsync(contentType, null, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostDiscardDraftAsync(string type, CancellationToken cancellationToken) =>
        ContentTypeNames.TryParseKey(type, out var contentType)
            ? await DiscardDraftAsync(contentType, null, cancellationToken)
            : NotFound();
}
