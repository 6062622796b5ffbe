using EHalsostodet.Core.Content;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Http.HttpResults;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Management;

/// <summary>/content/{id}/versions: history, comparison and rollback to an older version.</summary>
internal static class VersionEndpoints
{
    public static RouteGroupBuilder MapVersionEndpoints(this RouteGroupBuilder api)
    {
        var versions = api.MapGroup("/content/{id:guid}/versions").RequireEditor();
        versions.MapGet("", ListAsync)
            .WithName("ListVersions")
            .WithSummary("Lista versioner")
            .WithDescription("Alla versioner av ett innehåll, nyaste först, med vem som sparade, när och varför.");
        versions.MapGet("/{from:int}/diff/{to:int}", DiffAsync)
            .WithName("CompareVersions")
            .WithSummary("Jämför två versioner")
            .WithDescription("Fälten som skiljer sig mellan två versioner, med texten före och efter.");
        versions.MapPost("/{version:int}/rollback", RollbackAsync)
            .WithName("RollbackToVersion")
            .WithSummary("Återskapa en version")
            .WithDescription("Gör en ny version (utkast) med dokumentet från en äldre version. Historiken och den publicerade versionen är oförändrade tills det nya utkastet har godkänts.");
        return api;
    }

    private static async Task<Results<Ok<List<VersionSummary>>, ProblemHttpResult>> ListAsync(Guid id, ContentQueries queries, CancellationToken cancellationToken)
    {
        var item = await queries.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return ManagementProblems.ItemNotFound(id);
        }
        var versions = await queries.VersionHeadersAsync(id, cancellationToken);
        return TypedResults.Ok(versions
            .Select(v => new VersionSummary(v.Number, v.AuthorName, ApiValues.Utc(v.CreatedAt), v.ChangeNote, v.Id == item.LatestVersionId, v.Id == item.PublishedVersionId))
            .ToList());
    }

    private static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> DiffAsync(
        Guid id, int from, int to, ContentQueries queries, CancellationToken cancellationToken)
    {
        var versions = await queries.VersionsAsync(id, [from, to], cancellationToken);
        var before = versions.FirstOrDefault(v => v.Number == from);
        var after = versions.FirstOrDefault(v => v.Number == to);
        if (before is null || after is null)
        {
            return await queries.ExistsAsync(id, cancellationToken)
                ? ManagementProblems.NotFound($"Innehållet har ingen version {(before is null ? from : to)}.")
                : ManagementProblems.ItemNotFound(id);
        }
        var changes = VersionComparer.Compare(before.DocumentJson, after.DocumentJson)
            .Select(c => new FieldDifference(c.Field, c.Before, c.After))
            .ToList();
        return TypedResults.Ok(new VersionDiff(from, to, changes));
    }

    private static async Task<Results<Created<ContentSaved>, ValidationProblem, ProblemHttpResult>> RollbackAsync(
        Guid id, int version, HttpContext context, ContentQueries queries, ContentStore store, CancellationToken cancellationToken)
    {
        var result = await store.RollbackAsync(id, version, context.User.ToActor().AsAuthor(), cancellationToken);
        return result switch
        {
            SaveResult.Saved saved => TypedResults.Created($"{ManagementApi.Prefix}/content/{id}", ContentSaved.From(saved)),
            SaveResult.Invalid invalid => ManagementProblems.Invalid(invalid.Errors),
            SaveResult.Conflict conflict => ManagementProblems.Conflict(conflict.Message),
            SaveResult.Outdated => ManagementProblems.Conflict(SaveResult.Outdated.Message),
            _ => await queries.ExistsAsync(id, cancellationToken)
                ? ManagementProblems.NotFound($"Innehållet har ingen version {version}.")
                : ManagementProblems.ItemNotFound(id),
        };
    }
}
