using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Accounts;

/// <summary>
/// Creates the roles, and the first administrator from configuration when none exists.
/// There is no default password anywhere: without Bootstrap:AdminEmail and
/// Bootstrap:AdminPassword no account is created.
/// </summary>
public sealed class AccountBootstrapper(
    RoleManager<IdentityRole> roles, UserManager<PortalUser> users, BackOfficeAccounts accounts, IConfiguration configuration, ILogger<AccountBootstrapper> logger)
{
    public async Task EnsureAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if ((await users.GetUsersInRoleAsync(PortalRoles.Administrator)).Count > 0)
        {
            return;
        }
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Det finns ingen administratör. Sätt Bootstrap:AdminEmail och Bootstrap:AdminPassword och starta om för att skapa den första.");
            return;
        }
        var created = await accounts.CreateAsync(new NewBackOfficeAccount(email, "Administratör", password, PortalRoles.Administrator));
        if (created is AccountOutcome.Invalid invalid)
        {
            logger.LogError("Den första administratören kunde inte skapas: {Errors}", string.Join(" ", invalid.Errors.Select(e => e.Message)));
            return;
        }
        logger.LogInformation("Den första administratören skapades för {Email}.", email);
    }
}
