using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Taxonomy;

/// <summary>Finds tags by name and creates the ones that do not exist yet.</summary>
public sealed class TagDirectory(PortalDbContext db)
{
    /// <summary>Every tag's name by its slug, for labelling tag values.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesBySlugAsync(CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Name, cancellationToken);

    public async Task<IReadOnlyList<Tag>> EnsureAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var result = new List<Tag>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0))
        {
            var slug = Slugs.FromText(name);
            if (slug.Length == 0 || result.Any(t => t.Slug == slug))
            {
                continue;
            }
            var tag = db.Tags.Local.FirstOrDefault(t => t.Slug == slug)
                ?? await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            if (tag is null)
            {
                tag = new Tag { Id = Guid.NewGuid(), Name = name, Slug = slug };
                db.Tags.Add(tag);
            }
            result.Add(tag);
        }
        return result;
    }
}
