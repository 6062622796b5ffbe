using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Accounts;

public static class MemberAccountsServiceCollectionExtensions
{
    /// <summary>Member accounts (registration, confirmation, password reset), profiles and "För dig".</summary>
    public static IServiceCollection AddMemberAccountServices(this IServiceCollection services)
    {
        services.AddScoped<MemberAccountMails>();
        services.AddScoped<MemberRegistration>();
        services.AddScoped<MemberPasswordReset>();
        services.AddSingleton<DeferredAccountMails>();
        services.AddSingleton<Email.IOutboxFeed>(s => s.GetRequiredService<DeferredAccountMails>());
        services.AddHostedService<DeferredAccountMailService>();
        services.AddScoped<ProfileChoicesQuery>();
        services.AddScoped<ProfileEditor>();
        services.AddScoped<ForYouQuery>();
        return services;
    }
}
