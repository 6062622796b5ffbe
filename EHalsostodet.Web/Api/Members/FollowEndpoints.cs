using EHalsostodet.Core.Members.Following;
using EHalsostodet.Web.Api.Management;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Http.HttpResults;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Members;

/// <summary>/api/v1/me/follows: the stories, collections and tags I follow.</summary>
internal static class FollowEndpoints
{
    private static string UnknownKind(string kind) => $"Okänd typ \"{kind}\". Välj story, collection eller tag.";

    public static RouteGroupBuilder MapFollowEndpoints(this RouteGroupBuilder me)
    {
        var follows = me.MapGroup("/follows");
        follows.MapGet("", ListAsync).WithName("ListFollows").WithSummary("Lista det jag följer");
        follows.MapPut("/{kind}/{target}", FollowAsync).WithName("Follow").WithSummary("Följ")
            .WithDescription("kind är story, collection eller tag; target är innehållets id eller taggens slug. 404 om det inte finns publicerat.");
        follows.MapDelete("/{kind}/{target}", UnfollowAsync).WithName("Unfollow").WithSummary("Sluta följa");
        return me;
    }

    private static async Task<Ok<List<FollowResponse>>> ListAsync(HttpContext context, FollowService follows, CancellationToken cancellationToken)
    {
        var list = await follows.ListAsync(context.User.RequiredMemberId(), cancellationToken);
        return TypedResults.Ok(list.Select(f => new FollowResponse(FollowService.KeyOf(f.Kind), f.Target, f.Title, f.Url, ApiValues.Utc(f.CreatedAt))).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> FollowAsync(
        string kind, string target, HttpContext context, FollowService follows, CancellationToken cancellationToken)
    {
        if (!FollowService.TryParseKind(kind, out var followKind))
        {
            return ManagementProblems.Invalid("kind", UnknownKind(kind));
        }
        return await follows.FollowAsync(context.User.RequiredMemberId(), followKind, target, cancellationToken)
            ? TypedResults.NoContent()
            : ManagementProblems.NotFound(followKind == Core.Members.FollowKind.Tag
                ? $"Det finns ingen tagg \"{target}\"."
                : $"Det finns inget publicerat innehåll av typen {kind} med id {target}.");
    }

    private static async Task<Results<NoContent, ValidationProblem>> UnfollowAsync(
        string kind, string target, HttpContext context, FollowService follows, CancellationToken cancellationToken)
    {
        if (!FollowService.TryParseKind(kind, out var followKind))
        {
            return ManagementProblems.Invalid("kind", UnknownKind(kind));
        }
        await follows.UnfollowAsync(context.User.RequiredMemberId(), followKind, target, cancellationToken);
        return TypedResults.NoContent();
    }
}
