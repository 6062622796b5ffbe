using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Content;

/// <summary>The choices the forms offer: municipalities by county, tags, initiatives, stories.</summary>
public sealed record EditorLookups(
    IReadOnlyList<(string County, IReadOnlyList<(string Code, string Name)> Municipalities)> MunicipalitiesByCounty,
    IReadOnlyList<string> TagNames,
    IReadOnlyList<(Guid Id, string Title)> PublishedInitiatives,
    IReadOnlyDictionary<Guid, string> InitiativeTitles,
    IReadOnlyList<(Guid Id, string Title, WorkflowState State)> Stories)
{
    public static EditorLookups Empty { get; } = new([], [], [], new Dictionary<Guid, string>(), []);

    /// <summary>The media library's images for the hero picker: id and a label of alt text and file name.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Images { get; init; } = [];

}

/// <summary>Loads the choices an editor's form of a content type offers.</summary>
public sealed class EditorLookupsQuery(PortalDbContext db, PublishedQueries published)
{
    private static readonly StringComparer Swedish = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    public async Task<EditorLookups> LoadAsync(ContentType type, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case ContentType.Story:
                var municipalities = await db.Municipalities.AsNoTracking().ToListAsync(cancellationToken);
                var byCounty = municipalities
                    .GroupBy(m => m.County.Length > 0 ? m.County : "Utan län")
                    .OrderBy(g => g.Key, Swedish)
                    .Select(g => (g.Key, (IReadOnlyList<(string, string)>)g.OrderBy(m => m.Name, Swedish).Select(m => (m.Code, m.Name)).ToList()))
                    .ToList();
                var initiatives = (await published.InitiativesAsync(null, cancellationToken)).Select(i => (i.Id, i.Document.Title)).ToList();
                var titles = await db.ContentItems.AsNoTracking().Where(i => i.Type == ContentType.Initiative)
                    .ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);
                return new EditorLookups(byCounty, await TagNamesAsync(cancellationToken), initiatives, titles, []) { Images = await ImagesAsync(cancellationToken) };
            case ContentType.Collection:
                var stories = await db.ContentItems.AsNoTracking()
                    .Where(i => i.Type == ContentType.Story && i.State != WorkflowState.Trashed)
                    .Select(i => new { i.Id, i.Title, i.State })
                    .ToListAsync(cancellationToken);
                return EditorLookups.Empty with
                {
                    TagNames = await TagNamesAsync(cancellationToken),
                    Stories = stories.OrderBy(s => s.Title, Swedish).Select(s => (s.Id, s.Title, s.State)).ToList(),
                    Images = await ImagesAsync(cancellationToken),
                };
            default:
                return EditorLookups.Empty;
        }
    }

    private async Task<IReadOnlyList<(Guid, string)>> ImagesAsync(CancellationToken cancellationToken) =>
        (await db.MediaItems.AsNoTracking().Select(m => new { m.Id, m.AltText, m.OriginalFileName }).ToListAsync(cancellationToken))
            .OrderBy(m => m.AltText, Swedish)
            .Select(m => (m.Id, $"{m.AltText} ({m.OriginalFileName})"))
            .ToList();

    private async Task<IReadOnlyList<string>> TagNamesAsync(CancellationToken cancellationToken) =>
        (await db.Tags.AsNoTracking().Select(t => t.Name).ToListAsync(cancellationToken)).Order(Swedish).ToList();
}
