using EHalsostodet.Core.Insights;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EHalsostodet.Web.Insights;

/// <summary>A public page that shows one published item, whose views are counted.</summary>
public interface IViewedItemPage
{
    Guid? ViewedItemId { get; }
}

/// <summary>
/// Counts a view of a story, collection or initiative page after it was shown. No cookie is set
/// and nothing about the visitor is stored: only the day's count per item grows. Crawlers,
/// which say so in their user agent, are not counted.
/// </summary>
public sealed class ViewCountingPageFilter(UsageCounter usage) : IAsyncPageFilter
{
    private static readonly string[] CrawlerMarks = ["bot", "crawler", "spider", "slurp", "preview"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (executed.Exception is null && HttpMethods.IsGet(http.Request.Method) &&
            executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult &&
            executed.HandlerInstance is IViewedItemPage { ViewedItemId: { } itemId } &&
            !IsCrawler(http.Request.Headers.UserAgent.ToString()))
        {
            await usage.CountAsync(UsageMetrics.Viewed, itemId, http.RequestAborted);
        }
    }

    private static bool IsCrawler(string userAgent) =>
        CrawlerMarks.Any(mark => userAgent.Contains(mark, StringComparison.OrdinalIgnoreCase));
}
