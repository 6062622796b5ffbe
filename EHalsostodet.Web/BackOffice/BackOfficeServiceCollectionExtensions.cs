using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Web.BackOffice;

public static class BackOfficeServiceCollectionExtensions
{
    public const string PortalScheme = "CookieOrBearer";

    /// <summary>
    /// Accounts, sign-in (cookie for pages, bearer for the APIs), sessions that end at once when the
    /// account's security stamp changes, and the role policies.
    /// </summary>
    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<PortalUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                // Failed sign-ins are throttled per account and client address (SignInThrottle), never
                // locked: a lockout would let anyone lock anyone out. Administrators block accounts instead.
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>();

        // Every request checks the session's security stamp against the account (one query by key),
        // so a block, a role change, a new password, a sign-out or a deletion ends it at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<ISecurityStampValidator, SessionStampValidator>();
        services.AddScoped<IdentityStampValidator>();
        services.AddScoped<PasswordSignIn>();

        // Pages sign in with the cookie and are redirected to the login form; API calls with a
        // bearer token are authenticated by it (and its stamp checked) and get 401/403.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = PortalScheme;
                options.DefaultChallengeScheme = PortalScheme;
            })
            .AddPolicyScheme(PortalScheme, "Cookie eller bearer", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ValidatedBearerHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ValidatedBearerHandler>(ValidatedBearerHandler.SchemeName, "Bearer-token", options =>
            {
                options.ForwardChallenge = IdentityConstants.BearerScheme;
                options.ForwardForbid = IdentityConstants.BearerScheme;
            });

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "ehs_auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = PortalPaths.BackOffice.Login();
            options.LogoutPath = PortalPaths.BackOffice.Logout;
            options.AccessDeniedPath = PortalPaths.Error(StatusCodes.Status403Forbidden);
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events = new CookieAuthenticationEvents
            {
                // Identity sets this too, but a new events object would drop it: without it no cookie's stamp is ever checked.
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                // The APIs answer with status codes; only pages redirect to the login form.
                OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalRoles.CanEdit, p => p.RequireRole(PortalRoles.Editor, PortalRoles.Reviewer, PortalRoles.Administrator))
            .AddPolicy(PortalRoles.CanReview, p => p.RequireRole(PortalRoles.Reviewer, PortalRoles.Administrator))
            .AddPolicy(PortalRoles.CanAdminister, p => p.RequireRole(PortalRoles.Administrator));
        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            // The cookie handler makes the address absolute from the request's Host header; only its path is needed.
            context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
