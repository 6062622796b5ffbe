using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Content;

/// <summary>An item whose latest version cannot be read as a document, and why (in Swedish).</summary>
public sealed record UnreadableItem(Guid Id, string Title, string Problem);

/// <summary>
/// Finds the items whose latest version cannot be read (an old row, a hand edit in the database),
/// so that the back office can name them when something that reads every item, such as the
/// editorial search, fails on one. It reads every latest version, so it is for that failure only.
/// </summary>
public sealed class UnreadableContent(PortalDbContext db)
{
    public async Task<IReadOnlyList<UnreadableItem>> FindAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = db.ContentItems.AsNoTracking()
            .Join(db.ContentVersions.AsNoTracking(), i => i.LatestVersionId, v => v.Id, (i, v) => new { i.Id, i.Type, i.Title, v.DocumentJson })
            .AsAsyncEnumerable();
        var found = new List<UnreadableItem>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (ContentDocumentSerializer.ReadStored(row.Type, row.DocumentJson) is { Document: null, Problem: { } problem })
            {
                found.Add(new UnreadableItem(row.Id, row.Title, problem));
                if (found.Count == limit)
                {
                    break;
                }
            }
        }
        return found;
    }
}
