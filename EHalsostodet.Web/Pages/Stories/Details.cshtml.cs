using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Stories;

public sealed class DetailsModel(PublishedQueries queries) : PageModel
{
    public PublishedItem<StoryDocument> Story { get; private set; } = null!;
    public StoryDocument Document => Story.Document;
    public MunicipalityInfo? Municipality { get; private set; }
    public IReadOnlyList<CollectionCard> Collections { get; private set; } = [];
    public IReadOnlyDictionary<Guid, InitiativeLinkView> Initiatives { get; private set; } = new Dictionary<Guid, InitiativeLinkView>();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var story = await queries.FindAsync<StoryDocument>(ContentType.Story, slug, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }
        Story = story;
        Municipality = await queries.MunicipalityAsync(story.Document.MunicipalityCode, cancellationToken);
        Collections = await queries.CollectionsContainingAsync(story.Id, cancellationToken);
        Initiatives = await queries.InitiativeLinksAsync(AllInitiativeIds(story.Document), cancellationToken);
        return Page();
    }

    /// <summary>The published initiatives a section refers to; unpublished ones are left out.</summary>
    public IReadOnlyList<InitiativeLinkView> InitiativesFor(IEnumerable<Guid> ids) =>
        ids.Distinct().Where(Initiatives.ContainsKey).Select(id => Initiatives[id]).ToList();

    private static IEnumerable<Guid> AllInitiativeIds(StoryDocument story) =>
        story.Summary.InitiativeIds
            .Concat(story.Roles.InitiativeIds)
            .Concat(story.Benefits.InitiativeIds)
            .Concat(story.Technology.InitiativeIds)
            .Concat(story.Process.InitiativeIds)
            .Concat(story.Process.Steps.SelectMany(s => s.InitiativeIds))
            .Concat(story.Lessons.InitiativeIds);
}
