using EHalsostodet.Web.BackOffice.Editing;
using Microsoft.AspNetCore.Mvc;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Members.Saving;

/// <summary>How the save and follow handlers answer: 303 back to the page for a form, JSON for members.js.</summary>
public static class ToggleResponses
{
    /// <summary>members.js asks for JSON; a plain form post does not.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The return address if it is local to the portal, otherwise the fallback: never an open redirect.</summary>
    public static string LocalOr(string? returnUrl, string fallback) =>
        // Browsers drop tabs and line breaks from addresses, so "/\t/evil.example" would become "//evil.example".
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : fallback;

    public static IActionResult Answer(HttpRequest request, object json, string? returnUrl, string fallback) =>
        WantsJson(request) ? new JsonResult(json) : new SeeOtherResult(LocalOr(returnUrl, fallback));
}
