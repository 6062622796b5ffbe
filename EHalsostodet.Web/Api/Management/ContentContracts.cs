using System.Text.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Web.Api.Management;

/// <summary>A new item: its type (story, collection, initiative, page) and its document.</summary>
public sealed record CreateContentRequest
{
    public string? Type { get; init; }
    public JsonElement Document { get; init; }
    public string? ChangeNote { get; init; }
}

/// <summary>A new version of an item, based on the version number the client started from.</summary>
public sealed record UpdateContentRequest
{
    public JsonElement Document { get; init; }
    public int? BaseVersion { get; init; }
    public string? ChangeNote { get; init; }
}

/// <summary>Filter for the content list.</summary>
public sealed record ContentListQuery
{
    /// <summary>story, collection, initiative or page; every type when left out.</summary>
    public string? Type { get; init; }
}

/// <summary>One item in the content list. State is the API key (draft, inReview, published, …), stateLabel the Swedish name.</summary>
public sealed record ContentSummary(Guid Id, string Type, string Title, string Slug, string State, string StateLabel, DateTimeOffset UpdatedAt);

/// <summary>One item with the document of its latest version.</summary>
public sealed record ContentDetails(
    Guid Id, string Type, string Title, string Slug, string State, string StateLabel,
    int LatestVersion, int? PublishedVersion, DateTimeOffset? PublishAt, DateTimeOffset? UnpublishAt, DateOnly ReviewBy,
    DateTimeOffset UpdatedAt, JsonNode Document);

/// <summary>
/// A field changed both in the client's document and in a newer version since baseVersion: its JSON
/// path, its Swedish name, and the value in the base version, the client's document and the latest
/// version (null where the field is missing).
/// </summary>
public sealed record FieldConflictDetails(string Field, string Label, JsonNode? Base, JsonNode? Yours, JsonNode? Theirs);

/// <summary>
/// The version a save or rollback made, the item's state after it (draft, or still scheduled for the approved
/// version) and what the editor should know, in Swedish: e.g. that a review was called off by the save.
/// </summary>
public sealed record ContentSaved(Guid Id, int Version, string State, string Message)
{
    public static ContentSaved From(SaveResult.Saved saved) =>
        new(saved.Item.Id, saved.Version.Number, saved.Item.State.Key(), saved.Message);
}

/// <summary>How states and dates look in the API.</summary>
internal static class ApiValues
{
    public static string Key(this WorkflowState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    /// <summary>The database keeps UTC without a kind; the API says so.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
