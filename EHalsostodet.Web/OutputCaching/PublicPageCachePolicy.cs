using System.Diagnostics;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>
/// Keeps the rendering of a <see cref="PublicPageAttribute">public page</see> for visitors who are
/// not signed in, once per address, query and Accept-Encoding (responses are kept compressed),
/// tagged with what the page shows (<see cref="ShownContentTags"/>). Only a 200 without cookies
/// is kept. Members reach it through <see cref="PersonalPartsMiddleware"/>, which asks as a visitor.
/// </summary>
public sealed class PublicPageCachePolicy(IOptions<PublicPageCacheOptions> options) : IOutputCachePolicy
{
    /// <summary>The HttpContext item that holds when the request started to be rendered (a <see cref="Stopwatch"/> timestamp).</summary>
    public const string RenderStartedKey = "OutputCache.RenderStarted";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var page = http.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>();
        if (page is null || !options.Value.Enabled)
        {
            return ValueTask.CompletedTask;
        }
        var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) &&
            http.User.Identity?.IsAuthenticated != true &&
            string.IsNullOrEmpty(http.Request.Headers.Authorization);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // Concurrent first requests for a page wait for one rendering.
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.ResponseExpirationTimeSpan = options.Value.Duration;
        context.Tags.Add(PublicPageTags.All);
        foreach (var type in page.Lists)
        {
            context.Tags.Add(PublicPageTags.List(type));
        }
        http.Items[RenderStartedKey] = Stopwatch.GetTimestamp();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Runs when the page has been sent; only decides whether it is kept (the headers are <see cref="EntityTagMiddleware"/>'s).</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!IsShareable(context.HttpContext.Response))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>A 200 without cookies that nothing marked private.</summary>
    public static bool IsShareable(HttpResponse response)
    {
        var cacheControl = response.Headers.CacheControl.ToString();
        return response.StatusCode == StatusCodes.Status200OK && response.Headers.SetCookie.Count == 0 &&
            !cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) && !cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase);
    }
}
