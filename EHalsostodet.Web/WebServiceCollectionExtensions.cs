using System.Globalization;
using EHalsostodet.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;

namespace EHalsostodet.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The HTTP side of the portal, wired explicitly.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        var swedish = new CultureInfo("sv-SE");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(swedish),
            SupportedCultures = [swedish],
            SupportedUICultures = [swedish],
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fel/500");
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.UseRouting();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
