namespace EHalsostodet.Web.ContactMessages;

public static class ContactWebServiceCollectionExtensions
{
    /// <summary>The contact form's spam stamp; the form itself is /skriv-till-oss, the list /redaktion/meddelanden.</summary>
    public static IServiceCollection AddContactWeb(this IServiceCollection services) => services.AddSingleton<ContactFormStamp>();
}
