using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EHalsostodet.Web.Api.Management;

/// <summary>/users: administrators open accounts for the back office.</summary>
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
            AccountOutcome.Invalid invalid => ManagementProblems.Invalid(
                invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                "Användaren kunde inte skapas."),
            _ => ManagementProblems.BadRequest("Användaren kunde inte skapas."),
        };
    }

    private static string RoleKey(string role) => role switch
    {
        PortalRoles.Editor => "editor",
        PortalRoles.Reviewer => "reviewer",
        PortalRoles.Administrator => "administrator",
        _ => role,
    };
}
