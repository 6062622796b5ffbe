using System.Text.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Core.Content.Merging;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// An account's draft of an item that started from a version which is no longer the latest:
/// the common version, the latest one and the draft, ready to be merged.
/// </summary>
public sealed record EditorConflict(ContentItem Item, ContentVersion Common, ContentVersion Latest, IReadOnlyList<string> LatestAuthors, EditorDraft Draft)
{
    public FormPairs DraftForm { get; } = FormPairs.FromJson(Draft.FormJson);

    /// <summary>The stored versions read as today's documents, so all three sides are written alike.</summary>
    public JsonNode CommonNode { get; } = Normalised(Item.Type, Common);

    public JsonNode LatestNode { get; } = Normalised(Item.Type, Latest);

    private static JsonNode Normalised(ContentType type, ContentVersion version) =>
        ContentDocumentSerializer.ToNode(ContentDocumentSerializer.Deserialize(type, version.DocumentJson));
}

/// <summary>What is found for an account and item: a conflict to merge, or why there is none.</summary>
public abstract record EditorConflictLookup
{
    public sealed record NotFound : EditorConflictLookup;
    /// <summary>No draft, or one that is based on the latest version (it only needs restoring).</summary>
    public sealed record NothingToMerge(bool HasDraft) : EditorConflictLookup;
    public sealed record Found(EditorConflict Conflict) : EditorConflictLookup;
}

/// <summary>Finds the account's draft of an item and the versions it is to be merged with.</summary>
public sealed class EditorConflictLoader(ContentQueries queries, ContentStore store, EditorDraftStore drafts)
{
    public async Task<EditorConflictLookup> LoadAsync(string userId, Guid itemId, CancellationToken cancellationToken)
    {
        var item = await queries.ItemAsync(itemId, cancellationToken);
        if (item?.LatestVersionId is not { } latestId)
        {
            return new EditorConflictLookup.NotFound();
        }
        var draft = await drafts.FindAsync(userId, DraftTarget.Item(item.Type, itemId), cancellationToken);
        if (draft?.BaseVersionId is not { } baseId || baseId == latestId)
        {
            return new EditorConflictLookup.NothingToMerge(draft is not null);
        }
        if (await store.CheckBaseVersionAsync(itemId, baseId, cancellationToken) is not { IsLatest: false } check)
        {
            return new EditorConflictLookup.NothingToMerge(true);
        }
        var authors = await queries.AuthorsBetweenAsync(itemId, check.Base.Number, check.Latest.Number, cancellationToken);
        try
        {
            return new EditorConflictLookup.Found(new EditorConflict(check.Item, check.Base, check.Latest, authors, draft));
        }
        catch (JsonException)
        {
            // A stored version that cannot be read cannot be merged; the draft can still be restored and saved.
            return new EditorConflictLookup.NothingToMerge(true);
        }
    }
}
