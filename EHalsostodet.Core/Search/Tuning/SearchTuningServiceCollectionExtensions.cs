using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Search.Tuning;

public static class SearchTuningServiceCollectionExtensions
{
    /// <summary>Editors' synonyms and best bets. The engine's <see cref="SearchTuningCache"/> is registered with the search services.</summary>
    public static IServiceCollection AddSearchTuningServices(this IServiceCollection services)
    {
        services.AddScoped<SearchTuningChanged>();
        services.AddScoped<SearchTuningService>();
        return services;
    }
}
