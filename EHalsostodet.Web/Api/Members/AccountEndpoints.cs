using System.Security.Claims;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Privacy;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Api.Management;
using EHalsostodet.Web.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Members;

/// <summary>/api/v1/me itself: the profile, the data export and the deletion of the account.</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("", GetAsync)
            .WithName("GetMe")
            .WithSummary("Mitt konto och min profil")
            .WithDescription("E-postadress, namn, roller och medlemsprofilen (roll, kommun, verksamhetsområden och intressen).");
        me.MapPut("", PutAsync)
            .Accepts<UpdateMeRequest>("application/json")
            .WithName("UpdateMe")
            .WithSummary("Spara min profil")
            .WithDescription("Ersätter namnet och profilen. Roll ur listan över medlemsroller (t.ex. enhetschef), kommunkod (fyra siffror), verksamhetsområden (elderlyCare, individualAndFamilyCare, disabilitySupport, municipalHealthCare) och taggars slugs. Ett fält som utelämnas töms.");
        me.MapGet("/export", ExportAsync)
            .WithName("ExportMe")
            .WithSummary("Ladda ner mina uppgifter")
            .WithDescription("Allt portalen har sparat om kontot som JSON: kontot, profilen, sparat, egna samlingar, följer och notiser.");
        me.MapDelete("", DeleteAsync)
            .Accepts<DeleteMeRequest>("application/json")
            .WithName("DeleteMe")
            .WithSummary("Ta bort mitt konto")
            .WithDescription("Tar bort kontot och alla personuppgifter efter kontroll av lösenordet. Anonym statistik finns kvar. Konton med en roll i redaktionen tas bort av en administratör. " +
                "Efter upprepade fel lösenord svarar det 429 med Retry-After (sekunder att vänta).");
        return me;
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetAsync(
        ClaimsPrincipal principal, UserManager<PortalUser> users, MemberProfileStore profiles, PublishedQueries published, CancellationToken cancellationToken)
    {
        var response = await ReadAsync(UserId(principal), users, profiles, published, cancellationToken);
        return response is null ? TypedResults.NotFound() : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult, NotFound>> PutAsync(
        HttpRequest request, ClaimsPrincipal principal, ProfileEditor editor, UserManager<PortalUser> users, MemberProfileStore profiles, PublishedQueries published, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<UpdateMeRequest>(request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var userId = UserId(principal);
        if (await users.FindByIdAsync(userId) is null)
        {
            return TypedResults.NotFound();
        }
        var errors = await editor.SaveAsync(userId,
            new ProfileUpdate(input.DisplayName, input.Role, input.MunicipalityCode, input.Areas ?? [], input.Interests ?? []), cancellationToken);
        if (errors.Count > 0)
        {
            return ManagementProblems.Invalid(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal), "Profilen kunde inte sparas.");
        }
        return TypedResults.Ok((await ReadAsync(userId, users, profiles, published, cancellationToken))!);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        ClaimsPrincipal principal, MemberDataExporter exporter, CancellationToken cancellationToken)
    {
        var export = await exporter.ExportAsync(UserId(principal), cancellationToken);
        return export is null
            ? TypedResults.NotFound()
            : TypedResults.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, MemberDataExporter.JsonOptions), "application/json; charset=utf-8", "mina-uppgifter.json");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, NotFound>> DeleteAsync(
        HttpContext context, ClaimsPrincipal principal, MemberAccountDeleter deleter, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<DeleteMeRequest>(context.Request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (string.IsNullOrEmpty(body.Value!.Password))
        {
            return ManagementProblems.Invalid("password", "Ange ditt lösenord för att ta bort kontot.");
        }
        var result = await deleter.DeleteAsync(UserId(principal), body.Value.Password, ClientAddress.KeyOf(context.Connection.RemoteIpAddress), cancellationToken);
        if (result.Outcome == AccountDeletion.TryLater)
        {
            RetryAfterHeader.Set(context.Response, result.RetryAfter);
        }
        return result.Outcome switch
        {
            AccountDeletion.Deleted => TypedResults.NoContent(),
            AccountDeletion.TryLater => TypedResults.Problem(Pages.Members.MyDataModel.TryLaterMessage, statusCode: StatusCodes.Status429TooManyRequests, title: "För många försök"),
            AccountDeletion.WrongPassword => ManagementProblems.Invalid("password", "Fel lösenord. Kontot är inte borttaget."),
            AccountDeletion.BackOfficeAccount => ManagementProblems.Forbidden("Kontot har en roll i redaktionen och tas bort av en administratör."),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<MeResponse?> ReadAsync(
        string userId, UserManager<PortalUser> users, MemberProfileStore profiles, PublishedQueries published, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        var profile = await profiles.FindAsync(userId, cancellationToken);
        var municipality = profile?.MunicipalityCode is { } code
            ? (await published.MunicipalityAsync(code, cancellationToken))?.Name
            : null;
        return new MeResponse(user.Email ?? "", user.DisplayName, roles.ToList(),
            new MeProfile(profile?.Role, profile?.MunicipalityCode, municipality, profile?.Areas ?? [], profile?.Interests ?? []));
    }

    private static string UserId(ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Ingen inloggad användare.");
}
