using EHalsostodet.Core.Members.Following;
using EHalsostodet.Core.Members.OwnCollections;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Saving;

public static class SavingServiceCollectionExtensions
{
    /// <summary>Saved items, own collections and follows of members.</summary>
    public static IServiceCollection AddMemberSavingServices(this IServiceCollection services)
    {
        services.AddScoped<SavedItemService>();
        services.AddScoped<OwnCollectionService>();
        services.AddScoped<FollowService>();
        services.AddScoped<MemberStateVersions>();
        services.AddScoped<MemberItemSets>();
        services.AddSingleton<MemberItemSetCache>();
        return services;
    }
}
