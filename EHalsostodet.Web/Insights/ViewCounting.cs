using EHalsostodet.Core.Insights;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EHalsostodet.Web.Insights;

/// <summary>A public page that shows one published item, whose views are counted.</summary>
public interface IViewedItemPage
{
    Guid? ViewedItemId { get; }
}

/// <summary>A public page that shows one tag, whose uses rank it among the popular tags.</summary>
public interface IUsedTagPage
{
    string? UsedTagSlug { get; }
}

/// <summary>
/// Marks the answer of a story, collection or initiative page with the item it shows (a tag's page
/// with the tag), in a header
/// that <see cref="ViewCountingMiddleware"/> takes off again. The header travels with the page into
/// the output cache, so a view served from the cache is counted as one rendered is.
/// </summary>
public sealed class ViewCountingPageFilter : IAsyncPageFilter
{
    public const string ViewedItemHeader = "X-Viewed-Item";
    public const string UsedTagHeader = "X-Used-Tag";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null && HttpMethods.IsGet(context.HttpContext.Request.Method) &&
            executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            if (executed.HandlerInstance is IViewedItemPage { ViewedItemId: { } itemId })
            {
                context.HttpContext.Response.Headers[ViewedItemHeader] = itemId.ToString("N");
            }
            if (executed.HandlerInstance is IUsedTagPage { UsedTagSlug: { } slug })
            {
                context.HttpContext.Response.Headers[UsedTagHeader] = Uri.EscapeDataString(slug);
            }
        }
    }
}

/// <summary>
/// Counts a view of a story, collection or initiative page, or a use of a tag's page, when it is sent, rendered or from the
/// cache. No cookie is set and nothing about the visitor is stored: only the day's count per item
/// grows. Crawlers, which say so in their user agent, are not counted.
/// </summary>
public sealed class ViewCountingMiddleware(RequestDelegate next)
{
    private static readonly string[] CrawlerMarks = ["bot", "crawler", "spider", "slurp", "preview"];

    public Task InvokeAsync(HttpContext context, UsageCounter usage)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var viewed = Take(headers, ViewCountingPageFilter.ViewedItemHeader);
            var tag = Take(headers, ViewCountingPageFilter.UsedTagHeader);
            if (context.Response.StatusCode != StatusCodes.Status200OK || IsCrawler(context.Request.Headers.UserAgent.ToString()))
            {
                return Task.CompletedTask;
            }
            if (Guid.TryParseExact(viewed, "N", out var itemId))
            {
                return usage.CountAsync(UsageMetrics.Viewed, itemId, context.RequestAborted);
            }
            if (tag is { Length: > 0 })
            {
                return usage.CountAsync(UsageMetrics.TagUsed, Uri.UnescapeDataString(tag), context.RequestAborted);
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static string? Take(IHeaderDictionary headers, string name)
    {
        if (!headers.TryGetValue(name, out var value))
        {
            return null;
        }
        headers.Remove(name);
        return value.ToString();
    }

    private static bool IsCrawler(string userAgent) =>
        CrawlerMarks.Any(mark => userAgent.Contains(mark, StringComparison.OrdinalIgnoreCase));
}
