using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>A member's own data: download it all, delete the account.</summary>
    public static IServiceCollection AddMemberPrivacyServices(this IServiceCollection services)
    {
        services.AddScoped<MemberDataExporter>();
        services.AddScoped<MemberAccountDeleter>();
        return services;
    }
}
