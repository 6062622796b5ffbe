using System.Globalization;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Web.Api.Management;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;

namespace EHalsostodet.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The HTTP side of the portal, wired explicitly.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddPortalAccounts();
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            options.Conventions.AuthorizeFolder("/Redaktion", PortalRoles.CanEdit);
            options.Conventions.AllowAnonymousToPage("/Redaktion/Login");
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "E-hälsostödet API", Version = "v1", Description = "Förvaltnings-API (redaktion) och inloggning." };
            return Task.CompletedTask;
        }));
        services.AddProblemDetails();
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
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapManagementApi();
        app.MapGroup("/api/auth").WithTags("Inloggning").MapIdentityApi<PortalUser>()
            .AddEndpointFilter(BlockSelfRegistration);
        return app;
    }

    /// <summary>Accounts are created by administrators (and, later, by member registration), not through the raw Identity API.</summary>
    private static ValueTask<object?> BlockSelfRegistration(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.Path.StartsWithSegments("/api/auth/register")
            ? ValueTask.FromResult<object?>(Results.NotFound())
            : next(context);
}
