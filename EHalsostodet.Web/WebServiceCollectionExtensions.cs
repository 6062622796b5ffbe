using System.Globalization;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Addresses;
using EHalsostodet.Web.Api.Delivery;
using EHalsostodet.Web.Api.Management;
using EHalsostodet.Web.Api.Members;
using EHalsostodet.Web.Api.Search;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.ContactMessages;
using EHalsostodet.Web.Export;
using EHalsostodet.Web.Feeds;
using EHalsostodet.Web.Infrastructure;
using EHalsostodet.Web.Insights;
using EHalsostodet.Web.Media;
using EHalsostodet.Web.Members.Accounts;
using EHalsostodet.Web.Operations;
using EHalsostodet.Web.OutputCaching;
using EHalsostodet.Web.Seo;
using EHalsostodet.Web.Members.Saving;
using EHalsostodet.Web.RateLimiting;
using EHalsostodet.Web.Sessions;
using EHalsostodet.Web.Sharing;
using Microsoft.AspNetCore.Localization;

namespace EHalsostodet.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The HTTP side of the portal, wired explicitly.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalAccounts();
        services.AddContentEditing();
        services.AddMemberSavingWeb();
        // Razor Pages validate the antiforgery token on every POST by default.
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/BackOffice", PortalRoles.CanEdit);
            options.Conventions.AllowAnonymousToPage("/BackOffice/Login");
        }).AddMvcOptions(options => options.Filters.Add<ViewCountingPageFilter>());
        services.AddInputSafety();
        services.AddOptions<EHalsostodet.Web.Pages.PublicListOptions>().BindConfiguration(EHalsostodet.Web.Pages.PublicListOptions.Section);
        services.AddMemberAccountsWeb();
        // The antiforgery cookie is Secure whenever the request is HTTPS, also behind the proxy (X-Forwarded-Proto).
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // No client-side validation library is used; without this a valid form's summary carries an
        // inline style="display:none", which the Content-Security-Policy (rightly) refuses.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(options => options.HtmlHelperOptions.ClientValidationEnabled = false);
        services.AddMediaWeb();
        services.AddSharingWeb();
        services.AddContactWeb();
        services.AddPortalOperations().AddDeliveryApi().AddSeo();
        services.AddPortalRateLimiting();
        services.AddPublicPageCaching(configuration);
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new() { Title = "E-hälsostödet API", Version = "v1", Description = "Förvaltnings-API för redaktionen, sök, inloggning och medlemmarnas egna uppgifter (/api/v1/me)." };
            return Task.CompletedTask;
        }));
        services.AddProblemDetails();
        // Swedish letters are written as they are, not as character references.
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return services;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        app.UsePortalOperations();
        // Before anything that answers, so that every response gets the headers, also the exception handler's.
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<PrivateResponsesMiddleware>();
        var swedish = new CultureInfo("sv-SE");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(swedish),
            SupportedCultures = [swedish],
            SupportedUICultures = [swedish],
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = PortalPaths.Error(StatusCodes.Status500InternalServerError),
                // A body the server could not read (too large, cut off) or text with NUL is the client's error.
                StatusCodeSelector = ClientErrors.StatusOf,
                // Log every server error, also those the API handler answers; not the requests at fault.
                SuppressDiagnosticsCallback = context => context.HttpContext.Response.StatusCode < 500,
            });
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/fel/{0}");
        app.Use(PlainStatusCodesForApis);
        app.UseMiddleware<CrossSiteApiRequestGuard>();
        app.UsePortalRateLimiting();
        app.UseRouting();
        app.UseCors();
        app.UseAuthentication();
        app.UseSignedOutEditorFormKeeper();
        app.UseAuthorization();
        app.UseMiddleware<ViewCountingMiddleware>();
        app.UsePublicPageCaching();
        app.UseMiddleware<OldAddressRedirects>();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapManagementApi();
        app.MapSearchApi();
        app.MapMembersApi();
        app.MapFeeds();
        app.MapQrCodes();
        app.MapExports();
        app.MapMediaServing();
        app.MapDeliveryApi().MapSeo().MapHealthEndpoints();
        app.MapSignInApi();
        return app;
    }

    /// <summary>API clients get bare status codes (or problem details), never the HTML error page.</summary>
    private static Task PlainStatusCodesForApis(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api") &&
            context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        return next(context);
    }
}
