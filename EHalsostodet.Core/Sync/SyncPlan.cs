using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Sync;

public enum SyncAction
{
    Create,
    Update,
    Unchanged,
    /// <summary>The item has changed since the file was taken; it is left as it is unless the import overwrites such items.</summary>
    Conflict,
}

/// <summary>
/// One field an import would change: its JSON path, its Swedish name, and its value now and in
/// the file as the report shows them (null when empty).
/// </summary>
public sealed record SyncChange(string Path, string Field, string? Before, string? After);

/// <summary>What an import would do with one file.</summary>
/// <param name="WillPublish">The file's published state goes live at once.</param>
public sealed record SyncPlanEntry(
    SyncFile File, SyncAction Action, IReadOnlyList<SyncChange> Changes, bool WillPublish)
{
    /// <summary>The file's published state is sent to review instead, for another reviewer to publish.</summary>
    public bool WillSubmit { get; init; }

    /// <summary>
    /// Why the item counts as changed since the file was taken from it (in Swedish), when it
    /// does: the entry is a conflict, or an update that overwrites those changes.
    /// </summary>
    public string? ChangedSince { get; init; }

    /// <summary>The item's latest version when the plan was made; the import stops if the item has moved on since.</summary>
    public Guid? LatestVersionId { get; init; }

    /// <summary>", publiceras" or ", skickas på granskning" when the entry changes something.</summary>
    public string PublishingLabel => Action is SyncAction.Unchanged or SyncAction.Conflict ? "" : WillPublish ? ", publiceras" : WillSubmit ? ", skickas på granskning" : "";

    public string ActionLabel => Action switch
    {
        SyncAction.Create => "skapas",
        SyncAction.Update when ChangedSince is not null => "uppdateras och skriver över nyare ändringar",
        SyncAction.Update => "uppdateras",
        SyncAction.Conflict => "konflikt: har ändrats sedan filen togs fram och lämnas som den är",
        _ => "oförändrad",
    };
}

/// <summary>A tag of the tag file that has since been renamed or merged away: adding it again would undo that.</summary>
public sealed record TagConflict(TagRecord Tag, string CurrentName);

/// <summary>The report an import makes before it changes anything.</summary>
public sealed record SyncPlan(
    IReadOnlyList<SyncPlanEntry> Entries,
    IReadOnlyList<MunicipalityRecord> Municipalities,
    int MunicipalitiesChanged,
    IReadOnlyList<SyncProblem> Problems)
{
    public bool HasProblems => Problems.Count > 0;
    /// <summary>The tags of the tag file that the database does not have; the import adds them.</summary>
    public IReadOnlyList<TagRecord> Tags { get; init; } = [];

    public int TagsAdded => Tags.Count;

    /// <summary>Tags of the file renamed or merged away since; added again only when the import overwrites.</summary>
    public IReadOnlyList<TagConflict> TagConflicts { get; init; } = [];

    /// <summary>Whether items and tags changed since the files were taken are overwritten rather than left alone.</summary>
    public bool OverwritesChanged { get; init; }

    /// <summary>Items and tags left as they are because they changed since the files were taken.</summary>
    public int Conflicts => Count(SyncAction.Conflict) + (OverwritesChanged ? 0 : TagConflicts.Count);

    public bool HasConflicts => Conflicts > 0;

    /// <summary>The groups of the synonym file and what each would do.</summary>
    public IReadOnlyList<SynonymPlanEntry> Synonyms { get; init; } = [];

    public int SynonymsChanged => Synonyms.Count(s => s.Action != SyncAction.Unchanged);

    public bool HasChanges => MunicipalitiesChanged > 0 || TagsAdded > 0 || SynonymsChanged > 0 || Entries.Any(e => e.Action is SyncAction.Create or SyncAction.Update);

    public int Count(SyncAction action) => Entries.Count(e => e.Action == action);
}

/// <summary>A municipality as the taxonomy files give it.</summary>
public sealed record MunicipalityRecord(string Code, string Name, string County, string Group, bool IsExample);

/// <summary>A tag as the tag file gives it.</summary>
public sealed record TagRecord(string Name, string Slug);

/// <summary>A synonym group in the database, by id and words.</summary>
public sealed record SynonymGroupRef(int Id, string Words);

/// <summary>
/// What an import would do with one line of the synonym file: create a group, leave it as it is,
/// or update the group that shares a word with it (<paramref name="Replaces"/>: the first is
/// updated, any others are merged into it and removed).
/// </summary>
public sealed record SynonymPlanEntry(int Line, string Words, SyncAction Action, IReadOnlyList<SynonymGroupRef> Replaces)
{
    public string Describe => Action switch
    {
        SyncAction.Create => "skapas",
        SyncAction.Update => $"uppdateras (var: {string.Join(" och ", Replaces.Select(r => $"”{r.Words}”"))})",
        _ => "oförändrad",
    };
}

/// <summary>How an import treats the state written in the files.</summary>
public enum ImportPublishing
{
    /// <summary>Publish the files whose state is published (the first start's seed, and the command line's --publish).</summary>
    AsInFiles,
    /// <summary>Import everything as drafts, for editors to review.</summary>
    AsDrafts,
    /// <summary>
    /// Send the files whose state is published to review, submitted by the person who imports, so
    /// that another reviewer publishes them (four-eyes); the back office's import does this.
    /// </summary>
    ForReview,
}
