using EHalsostodet.Core.Members.Saving;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.OutputCaching.PersonalParts;

/// <summary>
/// A member's rendered personal parts, kept so that the next view of a page does not render them
/// again. A part is kept only where all it shows is the account, the page's address and what the
/// member saved, follows and collects; the key holds all of these, with the
/// <see cref="Core.Accounts.PortalUser.MemberStateVersion"/> this request's session check read and
/// the antiforgery cookie the part's tokens were made for. Without a version or a cookie nothing is
/// kept or read, and a rendering that had to set a new antiforgery cookie is not kept.
/// </summary>
public sealed class RenderedPartCache(IOptions<AntiforgeryOptions> antiforgery) : IDisposable
{
    /// <summary>The parts that depend on nothing else ("För dig" reads the member's profile, so it is rendered each time).</summary>
    private static readonly HashSet<string> KeptViews =
        ["_MemberMenu.cshtml", "_MemberActions.cshtml", "_SaveButton.cshtml", "_FollowButton.cshtml", "_StartPlan.cshtml"];

    /// <summary>At most about 8 MB of rendered parts (sizes are counted in bytes of the key and the HTML).</summary>
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 8 * 1024 * 1024 });

    /// <summary>The key of a part for this request, or null when it may not be kept.</summary>
    public string? KeyOf(HttpContext http, PersonalPart part, string payload)
    {
        if (!KeptViews.Contains(Path.GetFileName(part.ViewPath)) || http.User.MemberId() is not { } userId ||
            http.RequestServices.GetRequiredService<MemberStateVersions>().Of(userId) is not { } version ||
            antiforgery.Value.Cookie.Name is not { } cookieName || !http.Request.Cookies.TryGetValue(cookieName, out var cookie))
        {
            return null;
        }
        return string.Join('\n', userId, version, cookie, http.Request.Path.Value, http.Request.QueryString.Value, payload);
    }

    public string? Find(string key) => cache.TryGetValue(key, out string? html) ? html : null;

    public void Keep(HttpContext http, string key, string html)
    {
        var name = antiforgery.Value.Cookie.Name;
        if (http.Response.Headers.SetCookie.Any(c => c is not null && name is not null && c.StartsWith(name + "=", StringComparison.Ordinal)))
        {
            return;
        }
        cache.Set(key, html, new MemoryCacheEntryOptions { Size = (key.Length + html.Length) * 2, SlidingExpiration = TimeSpan.FromMinutes(10) });
    }

    public void Dispose() => cache.Dispose();
}
