using Microsoft.AspNetCore.Mvc;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>
/// Hostile or broken input answers 4xx with a Swedish message, never 500: lenient checkbox
/// binding, 400 for forms that cannot be read, 401 for a session whose account is gone, and
/// problem details for every API error.
/// </summary>
public static class InputSafetyExtensions
{
    /// <summary>Call after AddRazorPages, so the checkbox binder comes before MVC's own.</summary>
    public static IServiceCollection AddInputSafety(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(options =>
        {
            options.ModelBinderProviders.Insert(0, new CheckboxBooleanModelBinderProvider());
            options.Filters.Add<UnreadableFormFilter>();
        });
        services.AddExceptionHandler<DeletedAccountExceptionHandler>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }
}
