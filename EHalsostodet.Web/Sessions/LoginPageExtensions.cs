using EHalsostodet.Web.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Sessions;

internal static class LoginPageExtensions
{
    /// <summary>
    /// Shows a refused sign-in on a login form: the one failure message, or, while the client must
    /// wait after repeated failures, 429 with Retry-After and how long to wait (the form is still shown).
    /// </summary>
    public static void ShowRefusal(this PageModel page, PasswordCheck check, string failedMessage)
    {
        if (check.RetryAfter is not null)
        {
            page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            RetryAfterHeader.Set(page.Response, check.RetryAfter.Value);
            page.ModelState.AddModelError("", PasswordSignIn.ThrottledMessage(check));
            return;
        }
        page.ModelState.AddModelError("", failedMessage);
    }
}
