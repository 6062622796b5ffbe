using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Web.Api.Management;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Http.HttpResults;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Members;

/// <summary>/api/v1/me/saved: what I saved.</summary>
internal static class SavedEndpoints
{
    public static RouteGroupBuilder MapSavedEndpoints(this RouteGroupBuilder me)
    {
        var saved = me.MapGroup("/saved");
        saved.MapGet("", ListAsync).WithName("ListSaved").WithSummary("Lista det jag sparat")
            .WithDescription("Sparade kommunberättelser, samlingar och initiativ, senast sparat först. Det som inte längre är publicerat har published=false.");
        saved.MapPut("/{itemId:guid}", SaveAsync).WithName("SaveItem").WithSummary("Spara")
            .WithDescription("Sparar en publicerad kommunberättelse, samling eller ett initiativ. 404 om inget sådant är publicerat.");
        saved.MapDelete("/{itemId:guid}", UnsaveAsync).WithName("UnsaveItem").WithSummary("Ta bort ur sparat");
        return me;
    }

    private static async Task<Ok<List<SavedItemResponse>>> ListAsync(HttpContext context, SavedItemService saved, CancellationToken cancellationToken)
    {
        var entries = await saved.ListAsync(context.User.RequiredMemberId(), cancellationToken);
        return TypedResults.Ok(entries.Select(e => new SavedItemResponse(
            e.ItemId, (e.Published?.Type ?? e.Type)?.Key(), e.Published?.Title, e.Published?.Url, e.Published is not null, ApiValues.Utc(e.SavedAt)))
            .ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SaveAsync(Guid itemId, HttpContext context, SavedItemService saved, CancellationToken cancellationToken) =>
        await saved.SaveAsync(context.User.RequiredMemberId(), itemId, cancellationToken)
            ? TypedResults.NoContent()
            : ManagementProblems.NotFound($"Det finns ingen publicerad kommunberättelse, samling eller initiativ med id {itemId}.");

    private static async Task<NoContent> UnsaveAsync(Guid itemId, HttpContext context, SavedItemService saved, CancellationToken cancellationToken)
    {
        await saved.UnsaveAsync(context.User.RequiredMemberId(), itemId, cancellationToken);
        return TypedResults.NoContent();
    }
}
