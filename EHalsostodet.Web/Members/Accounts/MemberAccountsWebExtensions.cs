using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Members.Accounts;

public static class MemberAccountsWebExtensions
{
    /// <summary>The pages of /Members a visitor uses before signing in.</summary>
    private static readonly string[] AnonymousPages = ["Register", "Confirm", "Login", "Logout", "ForgotPassword", "ResetPassword"];

    /// <summary>
    /// The member pages under /mina-sidor: sign-in for any account, confirmed addresses, and the member
    /// login form. Call it after AddRazorPages, whose own setup would otherwise replace these conventions.
    /// </summary>
    public static IServiceCollection AddMemberAccountsWeb(this IServiceCollection services)
    {
        // Members register themselves and must confirm their address first; accounts made by an
        // administrator or the bootstrap are created confirmed, so this changes nothing for them.
        services.Configure<IdentityOptions>(options => options.SignIn.RequireConfirmedEmail = true);

        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Members");
            foreach (var page in AnonymousPages)
            {
                options.Conventions.AllowAnonymousToPage($"/Members/{page}");
            }
        });

        // Anything outside the back office and the APIs that needs a sign-in (member pages, save and
        // follow buttons) sends the visitor to the member login form instead of the back office's.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var backOfficeRedirect = options.Events.OnRedirectToLogin;
            options.Events.OnRedirectToLogin = context =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments(PortalPaths.BackOffice.Home) || path.StartsWithSegments("/api"))
                {
                    return backOfficeRedirect(context);
                }
                var returnUrl = context.Request.PathBase + path + context.Request.QueryString;
                context.Response.Redirect(PortalPaths.Members.Login(returnUrl));
                return Task.CompletedTask;
            };
        });

        services.Configure<MvcOptions>(options => options.Filters.Add(new NoStoreForSignedInFilter()));
        return services;
    }
}
