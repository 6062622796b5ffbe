using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Sync;

/// <summary>
/// Imports a uSync folder: first a report of what would change per file, then, only when no
/// file has a problem, all changes in one transaction. Running it twice changes nothing.
/// </summary>
public sealed class SyncImporter(
    PortalDbContext db, ContentRules rules, ContentStore store, ContentPublisher publisher, SearchTuningChanged tuningChanged, TimeProvider clock)
{
    /// <summary>Dependencies first, so references can be checked as the import goes.</summary>
    private static readonly ContentType[] ImportOrder = [ContentType.Initiative, ContentType.Page, ContentType.Story, ContentType.Collection];

    public async Task<SyncPlan> PlanAsync(string root, ImportPublishing publishing, CancellationToken cancellationToken)
    {
        var problems = new List<SyncProblem>();
        var municipalities = SyncFolder.ReadMunicipalities(root, SyncFolder.MunicipalitiesFile, false, problems)
            .Concat(SyncFolder.ReadMunicipalities(root, SyncFolder.ExampleMunicipalitiesFile, true, problems))
            .ToList();
        var municipalitiesChanged = await CountMunicipalityChangesAsync(municipalities, cancellationToken);
        var tags = SyncFolder.ReadTags(root, problems);
        var existingTagSlugs = await db.Tags.AsNoTracking().Select(t => t.Slug).ToListAsync(cancellationToken);
        var tagsAdded = tags.Select(t => t.Slug).Distinct(StringComparer.Ordinal).Except(existingTagSlugs, StringComparer.Ordinal).Count();
        var synonyms = SyncSynonyms.Plan(SyncSynonyms.Read(root, problems), await db.Set<SearchSynonym>().AsNoTracking().ToListAsync(cancellationToken));

        var files = new List<SyncFile>();
        foreach (var relativePath in SyncFolder.ContentFiles(root))
        {
            if (SyncYaml.TooLarge(relativePath, new FileInfo(Path.Combine(root, relativePath)).Length) is { } tooLarge)
            {
                problems.Add(tooLarge);
                continue;
            }
            var (file, problem) = SyncFileReader.Read(relativePath, await File.ReadAllTextAsync(Path.Combine(root, relativePath), cancellationToken));
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            if (!relativePath.StartsWith(SyncFolder.ContentFolder(file!.Type) + "/", StringComparison.Ordinal))
            {
                problems.Add(new(relativePath, 1, $"En fil av typen {file.Type.Key()} ska ligga i {SyncFolder.ContentFolder(file.Type)}/."));
                continue;
            }
            files.Add(file);
        }
        foreach (var duplicate in files.GroupBy(f => f.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new(duplicate.Last().RelativePath, 1, $"Samma id ({duplicate.Key}) används också i {duplicate.First().RelativePath}."));
        }
        foreach (var duplicate in files.GroupBy(f => (f.Type, f.Document.Slug)).Where(g => g.Count() > 1))
        {
            problems.Add(new(duplicate.Last().RelativePath, duplicate.Last().LineOf("slug"), $"Adressnamnet \"{duplicate.Key.Slug}\" används också i {duplicate.First().RelativePath}."));
        }

        var pending = new PendingContent(
            files.DistinctBy(f => f.Id).ToDictionary(f => f.Id, f => f.Type),
            municipalities.Select(m => m.Code).ToHashSet(StringComparer.Ordinal));
        var entries = new List<SyncPlanEntry>();
        foreach (var file in files.OrderBy(f => Array.IndexOf(ImportOrder, f.Type)).ThenBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            foreach (var error in await rules.CheckAsync(file.Type, file.Id, file.Document, pending, cancellationToken))
            {
                problems.Add(new(file.RelativePath, file.LineOf(error.Field), error.Message));
            }
            entries.Add(await PlanEntryAsync(file, publishing, cancellationToken));
        }
        return new SyncPlan(entries, municipalities, municipalitiesChanged, problems) { Tags = tags, TagsAdded = tagsAdded, Synonyms = synonyms };
    }

    /// <summary>Applies a plan without problems in one transaction; a failure leaves the database as it was.</summary>
    public async Task ApplyAsync(SyncPlan plan, CancellationToken cancellationToken)
    {
        if (plan.HasProblems)
        {
            throw new InvalidOperationException("En import med problem kan inte genomföras.");
        }
        var pending = new PendingContent(
            plan.Entries.ToDictionary(e => e.File.Id, e => e.File.Type),
            plan.Municipalities.Select(m => m.Code).ToHashSet(StringComparer.Ordinal));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UpsertMunicipalitiesAsync(plan.Municipalities, cancellationToken);
        await AddMissingTagsAsync(plan.Tags, cancellationToken);
        await ApplySynonymsAsync(plan.Synonyms, cancellationToken);
        foreach (var entry in plan.Entries)
        {
            await ApplyEntryAsync(entry, pending, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (plan.SynonymsChanged > 0)
        {
            await tuningChanged.AnnounceAsync(cancellationToken);
        }
    }

    private async Task<SyncPlanEntry> PlanEntryAsync(SyncFile file, ImportPublishing publishing, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == file.Id, cancellationToken);
        var wantsPublish = publishing == ImportPublishing.AsInFiles && file.Published;
        if (item is null)
        {
            return new SyncPlanEntry(file, SyncAction.Create, [], wantsPublish);
        }
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        var changed = JsonDiff.ChangedPaths(JsonNode.Parse(latest.DocumentJson), ContentDocumentSerializer.ToNode(file.Document)).ToList();
        var willPublish = wantsPublish && (changed.Count > 0 || item.PublishedVersionId != item.LatestVersionId);
        if (willPublish && changed.Count == 0)
        {
            changed.Add("state");
        }
        if (file.ReviewBy is { } reviewBy && reviewBy != item.ReviewBy)
        {
            changed.Add("reviewBy");
        }
        return new SyncPlanEntry(file, changed.Count == 0 ? SyncAction.Unchanged : SyncAction.Update, changed, willPublish);
    }

    private async Task ApplyEntryAsync(SyncPlanEntry entry, PendingContent pending, CancellationToken cancellationToken)
    {
        if (entry.Action == SyncAction.Unchanged)
        {
            return;
        }
        var file = entry.File;
        var documentChanged = entry.Action == SyncAction.Create || entry.ChangedFields.Any(f => f is not ("state" or "reviewBy"));
        ContentItem item;
        ContentVersion version;
        if (entry.Action == SyncAction.Create)
        {
            var result = await store.CreateAsync(file.Type, file.Document, ContentAuthor.Import, "Importerad från uSync", file.Id, file.ReviewBy, pending, cancellationToken);
            (item, version) = Saved(result, file);
        }
        else if (documentChanged)
        {
            var result = await store.SaveAsync(file.Id, file.Document, null, ContentAuthor.Import, "Uppdaterad från uSync", pending, cancellationToken);
            (item, version) = Saved(result, file);
        }
        else
        {
            item = await db.ContentItems.FirstAsync(i => i.Id == file.Id, cancellationToken);
            version = await db.ContentVersions.FirstAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        }

        if (file.ReviewBy is { } reviewBy)
        {
            item.ReviewBy = reviewBy;
        }
        if (file.LastReviewed is { } lastReviewed)
        {
            item.LastReviewedAt = lastReviewed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (entry.WillPublish)
        {
            await publisher.PublishAsync(item, version, cancellationToken);
        }
    }

    private static (ContentItem, ContentVersion) Saved(SaveResult result, SyncFile file) => result switch
    {
        SaveResult.Saved saved => (saved.Item, saved.Version),
        SaveResult.Invalid invalid => throw new SyncImportException(invalid.Errors.Select(e => new SyncProblem(file.RelativePath, file.LineOf(e.Field), e.Message)).ToList()),
        SaveResult.Conflict conflict => throw new SyncImportException([new(file.RelativePath, 1, conflict.Message)]),
        _ => throw new SyncImportException([new(file.RelativePath, 1, "Innehållet kunde inte sparas.")]),
    };

    private async Task<int> CountMunicipalityChangesAsync(IReadOnlyList<MunicipalityRecord> records, CancellationToken cancellationToken)
    {
        var existing = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, cancellationToken);
        return records.Count(r => !existing.TryGetValue(r.Code, out var m) || !Same(m, r));
    }

    private async Task UpsertMunicipalitiesAsync(IReadOnlyList<MunicipalityRecord> records, CancellationToken cancellationToken)
    {
        var existing = await db.Municipalities.ToDictionaryAsync(m => m.Code, cancellationToken);
        foreach (var record in records)
        {
            if (!existing.TryGetValue(record.Code, out var municipality))
            {
                municipality = new Municipality { Code = record.Code };
                db.Municipalities.Add(municipality);
            }
            municipality.Name = record.Name;
            municipality.County = record.County;
            municipality.Group = record.Group;
            municipality.IsExample = record.IsExample;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddMissingTagsAsync(IReadOnlyList<TagRecord> records, CancellationToken cancellationToken)
    {
        var existing = (await db.Tags.Select(t => t.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var record in records.Where(r => existing.Add(r.Slug)))
        {
            db.Tags.Add(new Tag { Id = Guid.NewGuid(), Name = record.Name, Slug = record.Slug });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplySynonymsAsync(IReadOnlyList<SynonymPlanEntry> entries, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries.Where(e => e.Action != SyncAction.Unchanged))
        {
            if (entry.Action == SyncAction.Create)
            {
                // One at a time, so the groups keep the file's order (an export writes them by id).
                db.Add(new SearchSynonym { Words = entry.Words, UpdatedAt = now });
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }
            var ids = entry.Replaces.Select(r => r.Id).ToList();
            var groups = await db.Set<SearchSynonym>().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
            var kept = groups.FirstOrDefault(g => g.Id == ids[0])
                ?? throw new SyncImportException([new(SyncFolder.SynonymsFile, entry.Line, "Synonymgruppen har ändrats sedan rapporten gjordes.")]);
            kept.Words = entry.Words;
            kept.UpdatedAt = now;
            db.RemoveRange(groups.Where(g => g.Id != kept.Id));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool Same(Municipality m, MunicipalityRecord r) =>
        m.Name == r.Name && m.County == r.County && m.Group == r.Group && m.IsExample == r.IsExample;
}

/// <summary>An import stopped part-way; the transaction is rolled back.</summary>
public sealed class SyncImportException(IReadOnlyList<SyncProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<SyncProblem> Problems { get; } = problems;
}
