using System.Text.Json;
using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Merging;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Http.HttpResults;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Management;

/// <summary>/content: list, read, create and edit items. Every save is a new version.</summary>
internal static class ContentEndpoints
{
    public static RouteGroupBuilder MapContentEndpoints(this RouteGroupBuilder api)
    {
        var content = api.MapGroup("/content").RequireEditor();
        content.MapGet("", ListAsync)
            .WithName("ListContent")
            .WithSummary("Lista innehåll")
            .WithDescription("Allt innehåll i redaktionen, senast ändrat först, valfritt filtrerat på typ (story, collection, initiative, page).");
        content.MapGet("/{id:guid}", GetAsync)
            .WithName("GetContent")
            .WithSummary("Hämta innehåll")
            .WithDescription("Ett innehåll med dess läge, versionsnummer och dokumentet i den senaste versionen.");
        content.MapPost("", CreateAsync)
            .Accepts<CreateContentRequest>("application/json")
            .WithName("CreateContent")
            .WithSummary("Skapa innehåll")
            .WithDescription("Skapar ett nytt innehåll som utkast (version 1).");
        content.MapPut("/{id:guid}", UpdateAsync)
            .Accepts<UpdateContentRequest>("application/json")
            .WithName("UpdateContent")
            .WithSummary("Spara en ny version")
            .WithDescription("Sparar en ny version som utkast, även ett ofullständigt: det som krävs för publicering kontrolleras när innehållet skickas på granskning. " +
                "baseVersion är versionsnumret som ändringen utgår från. Är det inte längre det senaste svarar API:t 409 med baseVersion, latestVersion, conflicts (fälten som ändrats både i dokumentet och i den senaste versionen: field, label, base, yours, theirs) " +
                "och merged (allt annat sammanfogat, de fälten med den senaste versionens värden). Välj värdena i merged och spara det med baseVersion = latestVersion. " +
                "En publicerad version ligger kvar publikt, och en godkänd schemalagd version publiceras ändå på sin tid, tills den nya har godkänts. Innehåll som väntar på granskning blir ett utkast igen och granskarna får besked; " +
                "message i svaret säger det.");
        return api;
    }

    private static async Task<Results<Ok<List<ContentSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] ContentListQuery query, ContentQueries queries, CancellationToken cancellationToken)
    {
        ContentType? only = null;
        if (query.Type is not null)
        {
            if (!ContentTypeNames.TryParseKey(query.Type, out var type))
            {
                return ManagementProblems.Invalid("type", $"Okänd innehållstyp \"{query.Type}\". Välj story, collection, initiative eller page.");
            }
            only = type;
        }
        var rows = await queries.ListAsync(only, cancellationToken);
        return TypedResults.Ok(rows
            .Select(i => new ContentSummary(i.Id, i.Type.Key(), i.Title, i.Slug, i.State.Key(), i.State.Label(), ApiValues.Utc(i.UpdatedAt)))
            .ToList());
    }

    private static async Task<Results<Ok<ContentDetails>, ProblemHttpResult>> GetAsync(Guid id, ContentQueries queries, CancellationToken cancellationToken)
    {
        var item = await queries.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return ManagementProblems.ItemNotFound(id);
        }
        var versions = await queries.VersionsAsync(id, new[] { item.LatestVersionId, item.PublishedVersionId }.OfType<Guid>().ToList(), cancellationToken);
        var latest = versions.First(v => v.Id == item.LatestVersionId);
        var published = versions.FirstOrDefault(v => v.Id == item.PublishedVersionId);
        return TypedResults.Ok(new ContentDetails(
            item.Id, item.Type.Key(), item.Title, item.Slug, item.State.Key(), item.State.Label(),
            latest.Number, published?.Number, ApiValues.Utc(item.PublishAt), ApiValues.Utc(item.UnpublishAt), item.ReviewBy,
            ApiValues.Utc(item.UpdatedAt), JsonNode.Parse(latest.DocumentJson)!));
    }

    private static async Task<Results<Created<ContentSaved>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, HttpContext context, ContentStore store, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<CreateContentRequest>(request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        if (!ContentTypeNames.TryParseKey(input.Type, out var type))
        {
            return ManagementProblems.Invalid("type", string.IsNullOrWhiteSpace(input.Type)
                ? "Ange innehållstypen: story, collection, initiative eller page."
                : $"Okänd innehållstyp \"{input.Type}\". Välj story, collection, initiative eller page.");
        }
        var document = JsonRequestBody.ReadDocument(type, input.Document);
        if (document.Problem is not null)
        {
            return document.Problem;
        }
        var author = context.User.ToActor().AsAuthor();
        var result = await store.CreateAsync(type, document.Value!, author, ChangeNote(input.ChangeNote, "Skapad via förvaltnings-API:t"), cancellationToken: cancellationToken);
        return result switch
        {
            SaveResult.Saved saved => TypedResults.Created($"{ManagementApi.Prefix}/content/{saved.Item.Id}", ContentSaved.From(saved)),
            SaveResult.Invalid invalid => ManagementProblems.Invalid(invalid.Errors),
            SaveResult.Conflict conflict => ManagementProblems.Conflict(conflict.Message),
            _ => ManagementProblems.BadRequest("Innehållet kunde inte skapas."),
        };
    }

    private static async Task<Results<Ok<ContentSaved>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, HttpRequest request, HttpContext context, ContentQueries queries, ContentStore store, CancellationToken cancellationToken)
    {
        var item = await queries.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return ManagementProblems.ItemNotFound(id);
        }
        var body = await JsonRequestBody.ReadAsync<UpdateContentRequest>(request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        if (input.BaseVersion is not { } baseNumber)
        {
            return ManagementProblems.Invalid("baseVersion", "Ange baseVersion: numret på versionen som ändringen utgår från.");
        }
        var check = await store.CheckBaseVersionAsync(id, baseNumber, cancellationToken);
        if (check is null)
        {
            return ManagementProblems.Invalid("baseVersion", $"Innehållet har ingen version {baseNumber}.");
        }
        var document = JsonRequestBody.ReadDocument(item.Type, input.Document);
        if (document.Problem is not null)
        {
            return document.Problem;
        }
        if (!check.IsLatest)
        {
            return Outdated(check, document.Value!);
        }
        var author = context.User.ToActor().AsAuthor();
        // The store checks the base version again when it writes, so a save in between is still refused.
        var result = await store.SaveAsync(id, document.Value!, check.Base.Id, author, ChangeNote(input.ChangeNote, "Ändrad via förvaltnings-API:t"), cancellationToken: cancellationToken);
        return result switch
        {
            SaveResult.Saved saved => TypedResults.Ok(ContentSaved.From(saved)),
            SaveResult.Invalid invalid => ManagementProblems.Invalid(invalid.Errors),
            SaveResult.Conflict conflict => ManagementProblems.Conflict(conflict.Message),
            SaveResult.Outdated => await store.CheckBaseVersionAsync(id, check.Base.Id, cancellationToken) is { } again
                ? Outdated(again, document.Value!)
                : ManagementProblems.ItemNotFound(id),
            _ => ManagementProblems.ItemNotFound(id),
        };
    }

    /// <summary>
    /// 409 for a save based on an older version, with the three-way merge: the fields both sides
    /// changed (with the common, the client's and the latest value) and the merged document, in which
    /// those fields hold the latest version's values until the client chooses and saves it on top of the latest version.
    /// </summary>
    private static ProblemHttpResult Outdated(BaseVersionCheck check, IContentDocument yours)
    {
        var (item, common, latest) = check;
        var detail = $"Version {common.Number} är inte längre den senaste: någon har sparat version {latest.Number} sedan dess. ";
        DocumentMergeResult merge;
        JsonNode theirs;
        var yoursNode = ContentDocumentSerializer.ToNode(yours);
        try
        {
            theirs = ContentDocumentSerializer.ToNode(ContentDocumentSerializer.Deserialize(item.Type, latest.DocumentJson));
            merge = DocumentMerge.Merge(ContentDocumentSerializer.ToNode(ContentDocumentSerializer.Deserialize(item.Type, common.DocumentJson)), yoursNode, theirs);
        }
        catch (JsonException)
        {
            return ManagementProblems.Conflict(detail + $"Hämta innehållet igen, jämför med version {latest.Number} och spara med baseVersion {latest.Number}.");
        }
        detail += merge.Conflicts.Count == 0
            ? $"Ingen av dina ändringar krockar med dem: merged har båda. Spara merged med baseVersion {latest.Number}."
            : $"{merge.Conflicts.Count} fält har ändrats både av dig och i version {latest.Number} (conflicts). I merged är allt annat sammanfogat och de fälten har värdena från version {latest.Number}: välj värdena och spara merged med baseVersion {latest.Number}.";
        var conflicts = merge.Conflicts
            .Select(c => new FieldConflictDetails(c.Path, FieldNames.Label(c.Path, merge.Merged, theirs, yoursNode), c.Base, c.Yours, c.Theirs))
            .ToList();
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Åtgärden går inte att utföra just nu",
            extensions: new Dictionary<string, object?>
            {
                ["baseVersion"] = common.Number,
                ["latestVersion"] = latest.Number,
                ["latestAuthor"] = latest.AuthorName,
                ["conflicts"] = conflicts,
                ["merged"] = merge.Merged,
            });
    }

    private static string ChangeNote(string? given, string fallback) =>
        string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();
}
