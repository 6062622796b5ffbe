using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>A rule a version breaks, in Swedish, with the address of the field in the editor.</summary>
public sealed record EditorFieldError(string Message, string Href);

/// <summary>An error summary: a heading and every error with a link to its field.</summary>
public sealed record ErrorSummary(string Heading, IReadOnlyList<EditorFieldError> Errors);

public static class EditorFieldLinks
{
    /// <summary>The document's errors with links to the fields of the item's edit form that hold them.</summary>
    public static IReadOnlyList<EditorFieldError> For(Guid itemId, IContentDocument document, IReadOnlyList<ValidationError> errors)
    {
        var form = ContentForms.FromDocument(document).ToDocument();
        return errors
            .Select(e => new EditorFieldError(e.Message, $"{PortalPaths.BackOffice.Edit(itemId)}#{EditorView.Id(form.FormPath(e.Field))}"))
            .ToList();
    }
}
