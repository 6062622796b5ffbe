using EHalsostodet.Core.Instances;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Export;

public static class ExportServiceCollectionExtensions
{
    /// <summary>PDF, PowerPoint and Word exports of stories, collections and action plans.</summary>
    public static IServiceCollection AddExportServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<ExportRenderer>();
        services.AddSingleton<ExportCache>();
        services.AddScoped<PublishedExports>();
        services.AddScoped<MemberExports>();
        services.AddSingleton<IContentCache>(s => s.GetRequiredService<ExportCache>());
        return services;
    }
}
