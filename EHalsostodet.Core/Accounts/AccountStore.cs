using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EHalsostodet.Core.Accounts;

public static class AccountStore
{
    /// <summary>Accounts and roles are stored in the portal's database (what Identity's AddEntityFrameworkStores registers).</summary>
    public static IServiceCollection AddPortalAccountStore(this IServiceCollection services)
    {
        services.TryAddScoped<IUserStore<PortalUser>, UserStore<PortalUser, IdentityRole, PortalDbContext, string>>();
        services.TryAddScoped<IRoleStore<IdentityRole>, RoleStore<IdentityRole, PortalDbContext, string>>();
        return services;
    }
}
