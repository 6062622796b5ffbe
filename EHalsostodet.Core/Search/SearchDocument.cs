using EHalsostodet.Core.Content;
using EHalsostodet.Core.Markdown;

namespace EHalsostodet.Core.Search;

/// <summary>The plain text of a published item, in the fields that search weighs differently.</summary>
public sealed record SearchDocument(Guid ItemId, string Title, string Tags, string Teaser, string Body)
{
    /// <param name="municipality">The story's municipality and county, so a search for the place finds it.</param>
    public static SearchDocument From(Guid itemId, IContentDocument document, string? municipality)
    {
        static string Plain(params IEnumerable<string?>[] parts) =>
            string.Join("\n", parts.SelectMany(p => p).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => MarkdownRenderer.ToPlainText(t)));

        return document switch
        {
            StoryDocument story => new SearchDocument(itemId, story.Title, string.Join(" ", story.Tags), story.ShortDescription, Plain(
                [municipality, story.Summary.Text, story.Roles.Text, story.Benefits.Text, story.Technology.Text, story.Technology.Prerequisites, story.Process.Text, story.Lessons.Text],
                story.OperationalAreas.Select(a => a.Label()),
                story.Roles.Actors.Select(a => $"{a.Name} {a.Description}"),
                story.Roles.Forums.Select(f => $"{f.Name} {f.Description}"),
                story.Benefits.Effects.Select(e => e.Text),
                story.Benefits.Effects.SelectMany(e => e.Indicators).Select(i => i.Name),
                story.Technology.Products.Select(p => $"{p.Name} {p.Description}"),
                story.Process.Steps.SelectMany(s => new[] { s.What, s.Who, s.Challenges, s.SuccessFactors, s.Lessons, s.MethodsAndTools }),
                story.Lessons.Tips)),
            CollectionDocument collection => new SearchDocument(itemId, collection.Title, string.Join(" ", collection.Tags), Markdown.Teaser.From(collection.Description), Plain([collection.Description])),
            InitiativeDocument initiative => new SearchDocument(itemId, initiative.Title, string.Join(" ", initiative.Areas.Select(a => a.Label())), Markdown.Teaser.From(initiative.Purpose),
                Plain([initiative.Purpose], initiative.Organisations, initiative.TargetGroups.Select(t => t.Label()))),
            PageDocument page => new SearchDocument(itemId, page.Title, "", Markdown.Teaser.From(page.Body), Plain([page.Body])),
            _ => new SearchDocument(itemId, document.Title, "", "", ""),
        };
    }
}
