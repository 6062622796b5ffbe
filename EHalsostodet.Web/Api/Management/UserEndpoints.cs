using System.ComponentModel.DataAnnotations;
using EHalsostodet.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Web.Api.Management;

/// <summary>/users: administrators open accounts for the back office.</summary>
internal static class UserEndpoints
{
    private static readonly EmailAddressAttribute EmailFormat = new();

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
        HttpRequest request, UserManager<PortalUser> userManager, CancellationToken cancellationToken)
    {
        var body = await JsonRequestBody.ReadAsync<CreateUserRequest>(request, optional: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var email = input.Email?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (email.Length == 0)
        {
            errors["email"] = ["Ange en e-postadress."];
        }
        else if (email.Length > 256 || !EmailFormat.IsValid(email))
        {
            errors["email"] = ["Ange en giltig e-postadress, till exempel namn@kommun.se."];
        }
        if (string.IsNullOrEmpty(input.Password))
        {
            errors["password"] = ["Ange ett lösenord."];
        }
        if (!PortalRoles.TryParseKey(input.Role, out var role))
        {
            errors["role"] = [string.IsNullOrWhiteSpace(input.Role)
                ? "Ange en roll: editor, reviewer eller administrator."
                : $"Okänd roll \"{input.Role}\". Välj editor (Redaktör), reviewer (Granskare) eller administrator (Administratör)."];
        }
        var displayName = input.DisplayName?.Trim() ?? "";
        if (displayName.Length > 100)
        {
            errors["displayName"] = ["Namnet får vara högst 100 tecken."];
        }
        if (errors.Count > 0)
        {
            return ManagementProblems.Invalid(errors, "Användaren kunde inte skapas.");
        }

        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Length > 0 ? displayName : email };
        var created = await userManager.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return ManagementProblems.Invalid(IdentityErrors(created.Errors), "Användaren kunde inte skapas.");
        }
        var added = await userManager.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await userManager.DeleteAsync(user);
            return ManagementProblems.Invalid(new Dictionary<string, string[]> { ["role"] = added.Errors.Select(e => e.Description).ToArray() }, "Användaren kunde inte skapas.");
        }
        return TypedResults.Created((string?)null, new UserResponse(user.Id, email, [RoleKey(role)]));
    }

    /// <summary>Identity's (Swedish) errors keyed by the request field they concern; one message about the e-mail address is enough.</summary>
    private static Dictionary<string, string[]> IdentityErrors(IEnumerable<IdentityError> identityErrors)
    {
        var list = identityErrors.ToList();
        var codes = list.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        return list
            .Where(e => !(e.Code == nameof(IdentityErrorDescriber.DuplicateUserName) && codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)) ||
                          e.Code == nameof(IdentityErrorDescriber.InvalidUserName) && codes.Contains(nameof(IdentityErrorDescriber.InvalidEmail))))
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal);
    }

    private static string RoleKey(string role) => role switch
    {
        PortalRoles.Editor => "editor",
        PortalRoles.Reviewer => "reviewer",
        PortalRoles.Administrator => "administrator",
        _ => role,
    };
}
