using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Workflow;

/// <summary>Which audit entries to list: by item, by user name, and Swedish days from and to (inclusive).</summary>
public sealed record AuditFilter(Guid? ItemId, string? UserName, DateOnly? From, DateOnly? To);

/// <summary>A page of audit entries and how many match in all.</summary>
public sealed record AuditPage(int Total, int PageNumber, IReadOnlyList<AuditEntry> Entries);

/// <summary>Reads the audit log, newest first.</summary>
public sealed class AuditQueries(PortalDbContext db)
{
    /// <summary>One page of the matching entries; a page number past the end gives the last page.</summary>
    public async Task<AuditPage> PageAsync(AuditFilter filter, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.ItemId is { } itemId)
        {
            query = query.Where(e => e.ItemId == itemId);
        }
        if (filter.UserName is { } name)
        {
            query = query.Where(e => e.UserName == name);
        }
        if (filter.From is { } fromDate)
        {
            var start = Time.SwedishTime.StartOfDayUtc(fromDate);
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } toDate)
        {
            var end = Time.SwedishTime.StartOfDayUtc(toDate.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(pageNumber, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var entries = await query
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(total, page, entries);
    }

    /// <summary>The latest entries about one item.</summary>
    public async Task<List<AuditEntry>> LatestForItemAsync(Guid itemId, int count, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.ItemId == itemId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>Every name that appears in the log, in order.</summary>
    public async Task<IReadOnlyList<string>> UserNamesAsync(CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().Select(e => e.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
}
