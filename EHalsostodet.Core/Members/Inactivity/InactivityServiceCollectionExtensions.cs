using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Inactivity;

public static class InactivityServiceCollectionExtensions
{
    /// <summary>Last sign-ins, and the reminder and deletion of members' accounts nobody uses.</summary>
    public static IServiceCollection AddInactivityServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InactivityOptions>(configuration.GetSection(InactivityOptions.Section));
        services.AddScoped<InactiveAccounts>();
        services.AddHostedService<InactiveAccountsJob>();
        return services;
    }
}
