using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>
/// A page posted with a body that cannot be read as a form (a multipart body that ends before its
/// closing boundary, a malformed header) answers 400. Without this, Razor Pages binds nothing and
/// runs the handler with empty values, which then fails further in (a 500). Pages that check the
/// antiforgery token are refused before they get here; this covers the few that do not.
/// </summary>
public sealed class UnreadableFormFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        // The error page, run again for the same request, must not refuse it a second time.
        var errorPage = context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (request.HasFormContentType && !errorPage)
        {
            try
            {
                // The form is read once and kept, so this costs nothing when binding could read it.
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                context.Result = new StatusCodeResult(e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
                return;
            }
        }
        await next();
    }
}
