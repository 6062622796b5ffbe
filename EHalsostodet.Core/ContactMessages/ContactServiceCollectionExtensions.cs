using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.ContactMessages;

public static class ContactServiceCollectionExtensions
{
    /// <summary>The contact form's messages: stored, mailed to Contact:Recipient, listed for editors.</summary>
    public static IServiceCollection AddContactServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ContactOptions>(configuration.GetSection(ContactOptions.Section));
        services.AddScoped<ContactInbox>();
        return services;
    }
}
