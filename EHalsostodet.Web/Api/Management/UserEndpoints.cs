using EHalsostodet.Core.Accounts;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Http.HttpResults;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Management;

/// <summary>/users: administrators open accounts for the back office, change their roles and lock them.</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAdministrator();
        users.MapPost("", CreateAsync)
            .Accepts<CreateUserRequest>("application/json")
            .WithName("CreateUser")
            .WithSummary("Skapa en användare")
            .WithDescription("Skapar ett konto i redaktionen med rollen editor (Redaktör), reviewer (Granskare) eller administrator (Administratör). Bara för administratörer.");
        users.MapPut("/{id}/role", ChangeRoleAsync)
            .Accepts<ChangeRoleRequest>("application/json")
            .WithName("ChangeUserRole")
            .WithSummary("Byt roll")
            .WithDescription("Ger kontot en av rollerna editor, reviewer eller administrator; kontots inloggningar upphör. Du kan inte ta bort din egen administratörsroll (409).");
        users.MapPost("/{id}/lock", LockAsync)
            .WithName("LockUser")
            .WithSummary("Lås ett konto")
            .WithDescription("Kontot loggas ut och kan inte logga in förrän det låses upp. Du kan inte låsa ditt eget konto (409).");
        users.MapPost("/{id}/unlock", UnlockAsync)
            .WithName("UnlockUser")
            .WithSummary("Lås upp ett konto");
        return api;
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, BackOfficeAccounts accounts, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<CreateUserRequest>(request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        return await accounts.CreateAsync(new NewBackOfficeAccount(input.Email, input.DisplayName, input.Password, input.Role)) switch
        {
            AccountOutcome.Done done => TypedResults.Created((string?)null, new UserResponse(done.User.Id, done.User.Email ?? "", [RoleKey(done.Role)])),
            AccountOutcome.Invalid invalid => Invalid(invalid, "Användaren kunde inte skapas."),
            _ => ManagementProblems.BadRequest("Användaren kunde inte skapas."),
        };
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        string id, HttpRequest request, HttpContext context, BackOfficeAccounts accounts, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<ChangeRoleRequest>(request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        return await accounts.ChangeRoleAsync(id, body.Value!.Role, context.User.ToActor().UserId) switch
        {
            AccountOutcome.Done done => TypedResults.Ok(new UserResponse(done.User.Id, done.User.Email ?? "", [RoleKey(done.Role)])),
            AccountOutcome.Invalid invalid => Invalid(invalid, "Rollen kunde inte ändras."),
            AccountOutcome.Refused refused => ManagementProblems.Conflict(refused.Reason),
            _ => UserNotFound(id),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LockAsync(string id, HttpContext context, BackOfficeAccounts accounts)
    {
        var administrator = context.User.ToActor();
        return Answer(await accounts.BlockAsync(id, administrator.UserId, administrator.Name), id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(string id, HttpContext context, BackOfficeAccounts accounts)
    {
        var administrator = context.User.ToActor();
        return Answer(await accounts.UnblockAsync(id, administrator.UserId, administrator.Name), id);
    }

    private static Results<NoContent, ProblemHttpResult> Answer(AccountOutcome outcome, string id) => outcome switch
    {
        AccountOutcome.Done => TypedResults.NoContent(),
        AccountOutcome.Refused refused => ManagementProblems.Conflict(refused.Reason),
        _ => UserNotFound(id),
    };

    private static ValidationProblem Invalid(AccountOutcome.Invalid invalid, string detail) => ManagementProblems.Invalid(
        invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
        detail);

    private static ProblemHttpResult UserNotFound(string id) => ManagementProblems.NotFound($"Det finns inget konto med id {id}.");

    private static string RoleKey(string role) => role switch
    {
        PortalRoles.Editor => "editor",
        PortalRoles.Reviewer => "reviewer",
        PortalRoles.Administrator => "administrator",
        _ => role,
    };
}
