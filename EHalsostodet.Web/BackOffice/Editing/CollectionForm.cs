using System.Globalization;
using EHalsostodet.Core.Content;
using static EHalsostodet.Web.BackOffice.Editing.FormFields;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>The edit form of a Samling: stories chosen row by row, each with its place in the order.</summary>
public sealed class CollectionForm : IContentForm, IHeroImageForm
{
    public ContentType Type => ContentType.Collection;

    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Description { get; set; }
    public List<StoryRow> Stories { get; set; } = [];
    public string? Tags { get; set; }
    public Guid? HeroImageId { get; set; }

    public sealed class StoryRow
    {
        public Guid? StoryId { get; set; }
        public string? Position { get; set; }
        public bool IsEmpty => StoryId is null || StoryId == Guid.Empty;
    }

    public static CollectionForm New()
    {
        var form = new CollectionForm();
        FormRows.AddEmptyRows(form);
        return form;
    }

    public static CollectionForm FromDocument(CollectionDocument collection)
    {
        var form = new CollectionForm
        {
            Title = collection.Title,
            Slug = collection.Slug,
            Description = collection.Description,
            Stories = collection.StoryIds.Select((id, i) => new StoryRow { StoryId = id, Position = (i + 1).ToString(CultureInfo.InvariantCulture) }).ToList(),
            Tags = JoinTags(collection.Tags),
            HeroImageId = collection.HeroImageId,
        };
        FormRows.AddEmptyRows(form);
        return form;
    }

    /// <summary>A placement belongs to its place in the list: moving a row moves the story, not the number.</summary>
    public IReadOnlyList<RowGroup> RowGroups() =>
    [
        new("stories", Stories, () => new StoryRow(), (first, second) =>
        {
            if (Stories[first] is { } a && Stories[second] is { } b)
            {
                (a.Position, b.Position) = (b.Position, a.Position);
            }
        }),
    ];

    public IEnumerable<MarkdownField> MarkdownFields()
    {
        yield return new("description", Description, 1);
    }

    public DocumentDraft ToDocument()
    {
        var errors = new List<ValidationError>();
        var chosen = new List<(int Position, int Row, Guid Id)>();
        for (var i = 0; i < Stories.Count; i++)
        {
            var row = Stories[i];
            if (row is null || row.IsEmpty)
            {
                continue;
            }
            var position = int.MaxValue;
            if (!IsBlank(row.Position))
            {
                if (int.TryParse(Clean(row.Position), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                {
                    position = parsed;
                }
                else
                {
                    errors.Add(new($"stories[{i}].position", "Ange placeringen som ett heltal från 1 och uppåt."));
                }
            }
            chosen.Add((position, i, row.StoryId!.Value));
        }
        var title = Clean(Title);
        var slug = Clean(Slug);
        var document = new CollectionDocument
        {
            Title = title,
            Slug = slug.Length > 0 ? slug : Slugs.FromText(title),
            Description = Text(Description),
            StoryIds = chosen.OrderBy(c => c.Position).ThenBy(c => c.Row).Select(c => c.Id).ToList(),
            Tags = FormFields.Tags(Tags),
            HeroImageId = HeroImageId,
        };
        return new DocumentDraft(document, errors, new Dictionary<string, string> { ["storyIds"] = "stories" });
    }
}
