using EHalsostodet.Core.Content;
using static EHalsostodet.Web.BackOffice.Editing.FormFields;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>The edit form of a Sida: title, address and Markdown body.</summary>
public sealed class PageForm : IContentForm
{
    public ContentType Type => ContentType.Page;

    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Body { get; set; }

    public static PageForm FromDocument(PageDocument page) => new() { Title = page.Title, Slug = page.Slug, Body = page.Body };

    public IReadOnlyList<RowGroup> RowGroups() => [];

    public IEnumerable<MarkdownField> MarkdownFields()
    {
        yield return new("body", Body, 0);
    }

    public DocumentDraft ToDocument()
    {
        var title = Clean(Title);
        var slug = Clean(Slug);
        return new DocumentDraft(
            new PageDocument { Title = title, Slug = slug.Length > 0 ? slug : Slugs.FromText(title), Body = Text(Body) },
            [],
            new Dictionary<string, string>());
    }
}
