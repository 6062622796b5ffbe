using EHalsostodet.Core.Notifications;
using EHalsostodet.Core.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Notifying;

public static class NotifyingServiceCollectionExtensions
{
    /// <summary>Notifications to followers, mail about them (at once or as digests), and members' mail choices.</summary>
    public static IServiceCollection AddMemberNotifyingServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NotificationMailComposer>();
        services.AddScoped<ImmediateNotificationMailer>();
        services.AddScoped<INotificationHandler<ContentPublishedNotification>, FollowerNotificationHandler>();
        services.AddScoped<NotificationDigestService>();
        services.AddScoped<MemberNotificationInbox>();
        services.AddScoped<MailPreferences>();
        services.AddHostedService<NotificationDigestJob>();
        return services;
    }
}
