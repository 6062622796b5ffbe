using EHalsostodet.Core.Events;
using EHalsostodet.Core.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Notices;

public static class NoticesServiceCollectionExtensions
{
    /// <summary>Notices to followers, mail about them (at once or as digests), and members' mail choices.</summary>
    public static IServiceCollection AddMemberNoticeServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NoticeOptions>(configuration.GetSection(NoticeOptions.Section));
        services.AddSingleton<NoticeMailComposer>();
        services.AddScoped<ImmediateNoticeMailer>();
        services.AddEventHandler<ContentPublished, FollowerNoticeHandler>();
        services.AddScoped<NoticeDigestService>();
        services.AddScoped<MemberNoticeInbox>();
        services.AddScoped<MailPreferences>();
        services.AddHostedService<NoticeDigestJob>();
        return services;
    }
}
