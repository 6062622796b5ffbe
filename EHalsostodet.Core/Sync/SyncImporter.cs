using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Sync;

/// <summary>
/// Imports a uSync folder: first a report of what would change per file, then, only when no
/// file has a problem, all changes in one transaction. Running it twice changes nothing.
/// Every version, publication and submission is written to the audit log in the name of the
/// person who carried out the import.
/// </summary>
/// <remarks>
/// An import never silently undoes newer work. An item that has changed since its file was taken
/// is a conflict and is left as it is, unless the import is told to overwrite such items. A file
/// records the version it was exported from (<c>versionId</c>): the item has changed since when
/// its latest version is another one. A file without it (an export made before it was written,
/// a hand-written file) or with a version this database does not have (another installation)
/// is compared by content: when it equals an earlier version of the item but not the latest, it
/// was taken from that one and the item has changed since. A tag of the tag file that has been
/// renamed or merged away since is a conflict in the same way.
/// </remarks>
public sealed class SyncImporter(
    PortalDbContext db, ContentRules rules, ContentStore store, ContentPublisher publisher, AuditLog audit,
    UnitOfWork unitOfWork, IEventPublisher events, SearchTuningChanged tuningChanged, TimeProvider clock)
{
    /// <summary>Dependencies first, so references can be checked as the import goes.</summary>
    private static readonly ContentType[] ImportOrder = [ContentType.Initiative, ContentType.Page, ContentType.Story, ContentType.Collection];

    /// <param name="overwriteChanged">Apply files also to items (and tags) that have changed since the files were taken.</param>
    public async Task<SyncPlan> PlanAsync(string root, ImportPublishing publishing, bool overwriteChanged, CancellationToken cancellationToken)
    {
        var problems = new List<SyncProblem>();
        var municipalities = SyncFolder.ReadMunicipalities(root, SyncFolder.MunicipalitiesFile, false, problems)
            .Concat(SyncFolder.ReadMunicipalities(root, SyncFolder.ExampleMunicipalitiesFile, true, problems))
            .ToList();
        var municipalitiesChanged = await CountMunicipalityChangesAsync(municipalities, cancellationToken);
        var existingTagSlugs = (await db.Tags.AsNoTracking().Select(t => t.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var newTags = SyncFolder.ReadTags(root, problems).DistinctBy(t => t.Slug).Where(t => !existingTagSlugs.Contains(t.Slug)).ToList();
        var movedTags = await (from redirect in db.TagRedirects
                               join tag in db.Tags on redirect.TagId equals tag.Id
                               select new { redirect.OldSlug, tag.Name }).AsNoTracking().ToDictionaryAsync(t => t.OldSlug, t => t.Name, cancellationToken);
        var tagConflicts = newTags.Where(t => movedTags.ContainsKey(t.Slug)).Select(t => new TagConflict(t, movedTags[t.Slug])).ToList();
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
        var titles = await db.ContentItems.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);
        foreach (var file in files.DistinctBy(f => f.Id))
        {
            titles[file.Id] = file.Document.Title;
        }
        var entries = new List<SyncPlanEntry>();
        foreach (var file in files.OrderBy(f => Array.IndexOf(ImportOrder, f.Type)).ThenBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            foreach (var error in await rules.CheckAsync(file.Type, file.Id, file.Document, pending, cancellationToken))
            {
                problems.Add(new(file.RelativePath, file.LineOf(error.Field), error.Message));
            }
            var entry = await PlanEntryAsync(file, publishing, overwriteChanged, titles, cancellationToken);
            if (entry.WillPublish || entry.WillSubmit)
            {
                // A draft may be incomplete; what goes to review or to the site may not.
                foreach (var error in DocumentValidator.ValidateForReview(file.Document))
                {
                    problems.Add(new(file.RelativePath, file.LineOf(error.Field), $"{error.Message} (krävs när innehållet publiceras eller skickas på granskning)"));
                }
            }
            entries.Add(entry);
        }
        return new SyncPlan(entries, municipalities, municipalitiesChanged, problems)
        {
            Tags = overwriteChanged ? newTags : newTags.Where(t => !movedTags.ContainsKey(t.Slug)).ToList(),
            TagConflicts = tagConflicts,
            OverwritesChanged = overwriteChanged,
            Synonyms = synonyms,
        };
    }

    /// <summary>Applies a plan without problems in one transaction; a failure leaves the database as it was.</summary>
    /// <param name="author">Who imports: the audit log and the versions name them.</param>
    public async Task ApplyAsync(SyncPlan plan, ContentAuthor author, CancellationToken cancellationToken)
    {
        if (plan.HasProblems)
        {
            throw new InvalidOperationException("En import med problem kan inte genomföras.");
        }
        var pending = new PendingContent(
            plan.Entries.ToDictionary(e => e.File.Id, e => e.File.Type),
            plan.Municipalities.Select(m => m.Code).ToHashSet(StringComparer.Ordinal));

        await using var unit = await unitOfWork.BeginAsync(cancellationToken);
        await UpsertMunicipalitiesAsync(plan.Municipalities, cancellationToken);
        await AddMissingTagsAsync(plan.Tags, cancellationToken);
        await ApplySynonymsAsync(plan.Synonyms, cancellationToken);
        foreach (var entry in plan.Entries)
        {
            await ApplyEntryAsync(entry, pending, author, cancellationToken);
        }
        await unit.CompleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (plan.SynonymsChanged > 0)
        {
            await tuningChanged.AnnounceAsync(cancellationToken);
        }
    }

    private async Task<SyncPlanEntry> PlanEntryAsync(
        SyncFile file, ImportPublishing publishing, bool overwriteChanged, IReadOnlyDictionary<Guid, string> titles, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == file.Id, cancellationToken);
        var wantsLive = publishing != ImportPublishing.AsDrafts && file.Published;
        var review = publishing == ImportPublishing.ForReview;
        if (item is null)
        {
            return new SyncPlanEntry(file, SyncAction.Create, [], wantsLive && !review) { WillSubmit = wantsLive && review };
        }
        var latest = await db.ContentVersions.AsNoTracking().FirstAsync(v => v.Id == item.LatestVersionId, cancellationToken);
        var fileDocument = ContentDocumentSerializer.ToNode(file.Document);
        var changes = SyncChanges.Between(latest.DocumentJson, fileDocument, titles).ToList();
        var documentChanged = changes.Count > 0;
        var goesLive = wantsLive && (documentChanged || item.PublishedVersionId != item.LatestVersionId);
        if (goesLive && review && !documentChanged && item.State == WorkflowState.InReview)
        {
            // Already waiting for a reviewer with this very version.
            goesLive = false;
        }
        if (goesLive && !documentChanged)
        {
            changes.Add(new(StatePath, "Status", item.State.Label(), (review ? WorkflowState.InReview : WorkflowState.Published).Label()));
        }
        if (file.ReviewBy is { } reviewBy && reviewBy != item.ReviewBy)
        {
            changes.Add(new(ReviewByPath, "Granskas senast", Date(item.ReviewBy), Date(reviewBy)));
        }
        if (changes.Count == 0)
        {
            return new SyncPlanEntry(file, SyncAction.Unchanged, [], false);
        }
        var changedSince = await ChangedSinceAsync(item, latest, file, fileDocument, cancellationToken);
        if (changedSince is not null && !overwriteChanged)
        {
            return new SyncPlanEntry(file, SyncAction.Conflict, changes, false) { ChangedSince = changedSince, LatestVersionId = latest.Id };
        }
        return new SyncPlanEntry(file, SyncAction.Update, changes, goesLive && !review)
        {
            WillSubmit = goesLive && review, ChangedSince = changedSince, LatestVersionId = latest.Id,
        };
    }

    private const string StatePath = "state";
    private const string ReviewByPath = "reviewBy";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Why the item counts as changed since the file was taken from it, in Swedish, or null when
    /// it does not (see the class remarks).
    /// </summary>
    private async Task<string?> ChangedSinceAsync(ContentItem item, ContentVersion latest, SyncFile file, JsonNode fileDocument, CancellationToken cancellationToken)
    {
        if (file.BaseVersionId == latest.Id)
        {
            return null;
        }
        var earlier = await db.ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == item.Id && v.Number < latest.Number)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        string? basis = null;
        if (earlier.FirstOrDefault(v => v.Id == file.BaseVersionId) is { } recorded)
        {
            basis = $"Filen exporterades från version {recorded.Number}";
        }
        else if (earlier.FirstOrDefault(v => ContentDocumentSerializer.ReadStored(item.Type, v.DocumentJson).Document is { } document
                     && JsonNode.DeepEquals(ContentDocumentSerializer.ToNode(document), fileDocument)) is { } equal)
        {
            basis = $"Filen har samma innehåll som version {equal.Number}";
        }
        if (basis is null)
        {
            return null;
        }
        var note = latest.ChangeNote.Length > 0 ? $": ”{latest.ChangeNote}”" : "";
        return $"{basis}, men innehållet har ändrats sedan dess. Senaste versionen är {latest.Number}, sparad {latest.CreatedAt:yyyy-MM-dd} av {latest.AuthorName}{note}.";
    }

    private async Task ApplyEntryAsync(SyncPlanEntry entry, PendingContent pending, ContentAuthor author, CancellationToken cancellationToken)
    {
        if (entry.Action is SyncAction.Unchanged or SyncAction.Conflict)
        {
            return;
        }
        var file = entry.File;
        if (entry.LatestVersionId is { } planned &&
            await db.ContentItems.AsNoTracking().Where(i => i.Id == file.Id).Select(i => i.LatestVersionId).FirstOrDefaultAsync(cancellationToken) != planned)
        {
            throw new SyncImportException([new(file.RelativePath, 1, "Innehållet har sparats på nytt sedan rapporten gjordes. Gör om importen och granska den nya rapporten.")]);
        }
        var documentChanged = entry.Action == SyncAction.Create || entry.Changes.Any(c => c.Path is not (StatePath or ReviewByPath));
        ContentItem item;
        ContentVersion version;
        if (entry.Action == SyncAction.Create)
        {
            var result = await store.CreateAsync(file.Type, file.Document, author, "Importerad från uSync", file.Id, file.ReviewBy, pending, cancellationToken);
            (item, version) = Saved(result, file);
        }
        else if (documentChanged)
        {
            var result = await store.SaveAsync(file.Id, file.Document, null, author, "Uppdaterad från uSync", pending, cancellationToken);
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
            item.LastReviewedAt = SwedishTime.StartOfDayUtc(lastReviewed);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (entry.WillPublish)
        {
            var from = item.State;
            await publisher.PublishAsync(item, version, cancellationToken);
            audit.Record(item, AuditLog.Published, from, WorkflowState.Published, version.Number, author.UserId, author.Name, "Publicerad vid import från uSync");
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (entry.WillSubmit)
        {
            await SubmitAsync(item, version, author, cancellationToken);
        }
    }

    /// <summary>
    /// Sends an imported version to review in the importer's name, as the workflow's Submit does
    /// (inside this import's transaction), so that only another reviewer can approve it.
    /// </summary>
    private async Task SubmitAsync(ContentItem item, ContentVersion version, ContentAuthor author, CancellationToken cancellationToken)
    {
        const string comment = "Skickad på granskning vid import från uSync";
        var now = clock.GetUtcNow().UtcDateTime;
        var from = item.State;
        item.State = WorkflowState.InReview;
        item.SubmittedById = author.UserId;
        item.SubmittedAt = now;
        item.UpdatedAt = now;
        item.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(item, WorkflowAction.Submit.Key(), from, item.State, version.Number, author.UserId, author.Name, comment);
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ContentSubmitted(item, new WorkflowActor(author.UserId ?? "", author.Name, new HashSet<string>()), comment), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (ContentItem, ContentVersion) Saved(SaveResult result, SyncFile file) => result switch
    {
        SaveResult.Saved saved => (saved.Item, saved.Version),
        SaveResult.Invalid invalid => throw new SyncImportException(invalid.Errors.Select(e => new SyncProblem(file.RelativePath, file.LineOf(e.Field), e.Message)).ToList()),
        SaveResult.Conflict conflict => throw new SyncImportException([new(file.RelativePath, 1, conflict.Message)]),
        SaveResult.Outdated => throw new SyncImportException([new(file.RelativePath, 1, SaveResult.Outdated.Message)]),
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
        var added = records.Where(r => existing.Add(r.Slug)).ToList();
        foreach (var record in added)
        {
            db.Tags.Add(new Tag { Id = Guid.NewGuid(), Name = record.Name, Slug = record.Slug });
        }
        await db.SaveChangesAsync(cancellationToken);
        // A tag brought back over a rename or merge (an overwriting import) has its own address again.
        var slugs = added.Select(r => r.Slug).ToList();
        await db.TagRedirects.Where(r => slugs.Contains(r.OldSlug)).ExecuteDeleteAsync(cancellationToken);
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
