using Microsoft.AspNetCore.Mvc.Filters;

namespace EHalsostodet.Web.Members.Accounts;

/// <summary>
/// A page shown to a signed-in account carries their name and suggestions; no shared cache may keep
/// it and hand it to the next visitor. Anonymous pages are left as they are.
/// </summary>
public sealed class NoStoreForSignedInFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            context.HttpContext.Response.Headers.CacheControl = "private, no-store";
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
