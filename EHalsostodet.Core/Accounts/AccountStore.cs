using EHalsostodet.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Accounts;

public static class AccountStore
{
    /// <summary>Accounts and roles are stored in the portal's database.</summary>
    public static IdentityBuilder AddPortalAccountStore(this IdentityBuilder builder) =>
        builder.AddEntityFrameworkStores<PortalDbContext>();
}
