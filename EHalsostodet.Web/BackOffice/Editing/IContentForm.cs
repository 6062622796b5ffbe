using EHalsostodet.Core.Content;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>The edit form of one content type: what the editor typed, and how it becomes a document.</summary>
public interface IContentForm
{
    ContentType Type { get; }

    /// <summary>The document the form describes, with the errors found while reading the form itself.</summary>
    DocumentDraft ToDocument();

    /// <summary>The repeatable groups of rows, which <see cref="FormRows"/> adds to, removes from and reorders.</summary>
    IReadOnlyList<RowGroup> RowGroups();

    /// <summary>The Markdown fields, for the preview: form path, text and heading offset.</summary>
    IEnumerable<MarkdownField> MarkdownFields();
}

/// <summary>A form with a hero image, which the editor may also upload from inside the form.</summary>
public interface IHeroImageForm
{
    Guid? HeroImageId { get; set; }
}

/// <summary>A Markdown field of a form and the heading level its text starts under on the public page.</summary>
public sealed record MarkdownField(string Path, string? Text, int HeadingOffset);

/// <summary>
/// A document read from a form. <see cref="PathMap"/> turns the document's JSON paths back into
/// form paths where they differ (empty rows are left out, so row numbers shift).
/// </summary>
public sealed record DocumentDraft(IContentDocument Document, IReadOnlyList<ValidationError> FormErrors, IReadOnlyDictionary<string, string> PathMap)
{
    /// <summary>The form path of a document path: the longest mapped prefix is replaced.</summary>
    public string FormPath(string documentPath)
    {
        var best = "";
        foreach (var prefix in PathMap.Keys)
        {
            if (prefix.Length > best.Length && IsPrefix(prefix, documentPath))
            {
                best = prefix;
            }
        }
        return best.Length == 0 ? documentPath : PathMap[best] + documentPath[best.Length..];
    }

    private static bool IsPrefix(string prefix, string path) =>
        path.StartsWith(prefix, StringComparison.Ordinal) &&
        (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');
}
