namespace EHalsostodet.Web.Members.Saving;

public static class SavingWebServiceCollectionExtensions
{
    /// <summary>The per-request view of what the signed-in member saved and follows, for buttons and cards.</summary>
    public static IServiceCollection AddMemberSavingWeb(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<MemberItemState>();
        return services;
    }
}
