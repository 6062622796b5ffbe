namespace EHalsostodet.Web.Api.Management;

/// <summary>One version of an item in its history.</summary>
public sealed record VersionSummary(int Number, string Author, DateTimeOffset CreatedAt, string ChangeNote, bool IsLatest, bool IsPublished);

/// <summary>One field that differs between two versions (its JSON path, e.g. process.steps[0].what).</summary>
public sealed record FieldDifference(string Field, string Before, string After);

/// <summary>What changed from one version to another.</summary>
public sealed record VersionDiff(int From, int To, IReadOnlyList<FieldDifference> Changes);
