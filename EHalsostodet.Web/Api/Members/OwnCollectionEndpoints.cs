using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Members.OwnCollections;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.Api.Management;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Http.HttpResults;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Members;

/// <summary>/api/v1/me/collections: my own collections, and sharing them by link.</summary>
internal static class OwnCollectionEndpoints
{
    public static RouteGroupBuilder MapOwnCollectionEndpoints(this RouteGroupBuilder me)
    {
        var collections = me.MapGroup("/collections");
        collections.MapGet("", ListAsync).WithName("ListOwnCollections").WithSummary("Lista mina samlingar");
        collections.MapPost("", CreateAsync).Accepts<CreateOwnCollectionRequest>("application/json")
            .WithName("CreateOwnCollection").WithSummary("Skapa en egen samling")
            .WithDescription("Namn krävs (högst 200 tecken), beskrivningen får vara högst 2000 tecken.");
        collections.MapGet("/{id:guid}", GetAsync).WithName("GetOwnCollection").WithSummary("Hämta en egen samling");
        collections.MapPut("/{id:guid}", UpdateAsync).Accepts<UpdateOwnCollectionRequest>("application/json")
            .WithName("UpdateOwnCollection").WithSummary("Ändra en egen samling")
            .WithDescription("Ersätter namn, beskrivning och (om storyIds anges) berättelserna i den ordning de anges. Nya berättelser måste vara publicerade.");
        collections.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteOwnCollection").WithSummary("Ta bort en egen samling");
        collections.MapPost("/{id:guid}/share", ShareAsync).WithName("ShareOwnCollection").WithSummary("Dela med en länk")
            .WithDescription("Skapar (eller visar) en länk som låter vem som helst läsa samlingen.");
        collections.MapDelete("/{id:guid}/share", RevokeAsync).WithName("RevokeOwnCollectionShare").WithSummary("Sluta dela")
            .WithDescription("Tar bort länken; den gamla länken svarar 404.");
        return me;
    }

    private static async Task<Ok<List<OwnCollectionSummaryResponse>>> ListAsync(HttpContext context, OwnCollectionService collections, CancellationToken cancellationToken)
    {
        var list = await collections.ListAsync(context.User.RequiredMemberId(), cancellationToken);
        return TypedResults.Ok(list.Select(c => new OwnCollectionSummaryResponse(c.Id, c.Name, c.Description, c.StoryCount, c.IsShared, ApiValues.Utc(c.UpdatedAt))).ToList());
    }

    private static async Task<Results<Created<OwnCollectionResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext context, OwnCollectionService collections, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<CreateOwnCollectionRequest>(context.Request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = new OwnCollectionInput(body.Value!.Name, body.Value.Description);
        if (Invalid(input) is { } problem)
        {
            return problem;
        }
        var userId = context.User.RequiredMemberId();
        var id = await collections.CreateAsync(userId, input, cancellationToken);
        var created = (await collections.FindAsync(userId, id, cancellationToken))!;
        return TypedResults.Created($"/api/v1/me/collections/{id}", ToResponse(created, context.Request));
    }

    private static async Task<Results<Ok<OwnCollectionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, OwnCollectionService collections, CancellationToken cancellationToken) =>
        await collections.FindAsync(context.User.RequiredMemberId(), id, cancellationToken) is { } found
            ? TypedResults.Ok(ToResponse(found, context.Request))
            : NotFound(id);

    private static async Task<Results<Ok<OwnCollectionResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, HttpContext context, OwnCollectionService collections, CancellationToken cancellationToken)
    {
        var userId = context.User.RequiredMemberId();
        var current = await collections.FindAsync(userId, id, cancellationToken);
        if (current is null)
        {
            return NotFound(id);
        }
        var body = await JsonRequestBody.ReadAsync<UpdateOwnCollectionRequest>(context.Request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = new OwnCollectionInput(body.Value!.Name, body.Value.Description);
        if (Invalid(input) is { } problem)
        {
            return problem;
        }
        var storyIds = body.Value.StoryIds ?? current.Stories.Select(s => s.StoryId).ToList();
        return await collections.ReplaceAsync(userId, id, input, storyIds, cancellationToken) switch
        {
            OwnCollectionChange.Done => TypedResults.Ok(ToResponse((await collections.FindAsync(userId, id, cancellationToken))!, context.Request)),
            OwnCollectionChange.StoryNotPublished => ManagementProblems.Invalid("storyIds", "Bara publicerade kommunberättelser kan läggas till. Kontrollera id:na i storyIds."),
            _ => NotFound(id),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext context, OwnCollectionService collections, CancellationToken cancellationToken) =>
        await collections.DeleteAsync(context.User.RequiredMemberId(), id, cancellationToken) == OwnCollectionChange.Done ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<ShareResponse>, ProblemHttpResult>> ShareAsync(Guid id, HttpContext context, OwnCollectionService collections, CancellationToken cancellationToken) =>
        await collections.ShareAsync(context.User.RequiredMemberId(), id, cancellationToken) is { } token
            ? TypedResults.Ok(new ShareResponse(AbsoluteShareUrl(context.Request, token)))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, HttpContext context, OwnCollectionService collections, CancellationToken cancellationToken) =>
        await collections.RevokeShareAsync(context.User.RequiredMemberId(), id, cancellationToken) == OwnCollectionChange.Done ? TypedResults.NoContent() : NotFound(id);

    private static ValidationProblem? Invalid(OwnCollectionInput input)
    {
        var errors = input.Validate();
        return errors.Count == 0
            ? null
            : ManagementProblems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal), "Samlingen följer inte reglerna. Rätta fälten som anges och försök igen.");
    }

    private static ProblemHttpResult NotFound(Guid id) => ManagementProblems.NotFound($"Du har ingen egen samling med id {id}.");

    // Built on the configured public address, as every shared link is, never on the Host header.
    private static string AbsoluteShareUrl(HttpRequest request, string token) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicUrls>().Absolute(PortalPaths.SharedCollection(token));

    private static OwnCollectionResponse ToResponse(OwnCollectionDetails collection, HttpRequest request) => new(
        collection.Id, collection.Name, collection.Description,
        collection.ShareToken is { } token ? AbsoluteShareUrl(request, token) : null,
        ApiValues.Utc(collection.CreatedAt), ApiValues.Utc(collection.UpdatedAt),
        collection.Stories.Select(s => new OwnCollectionStoryResponse(s.StoryId, s.Title, s.Url, s.IsPublished)).ToList());
}
