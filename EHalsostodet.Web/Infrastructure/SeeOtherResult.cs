using Microsoft.AspNetCore.Mvc;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>303 See Other: after a successful POST the browser GETs the new address.</summary>
public sealed class SeeOtherResult(string url) : IActionResult
{
    public string Url { get; } = url;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Url;
        return Task.CompletedTask;
    }
}
