using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Members.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>Members' action plans.</summary>
    public static IServiceCollection AddActionPlanServices(this IServiceCollection services)
    {
        services.AddScoped<ActionPlanService>();
        return services;
    }
}
