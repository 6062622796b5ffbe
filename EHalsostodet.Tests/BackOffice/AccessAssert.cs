using System.Net;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>What a signed-in user without the right role gets from a back-office page.</summary>
internal static class AccessAssert
{
    /// <summary>Either 403 directly, or the cookie sign-in's redirect to the 403 page, which answers 403.</summary>
    public static async Task ForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return;
        }
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}");
        var target = response.Headers.Location!;
        var location = target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString;
        StringAssert.StartsWith(location, "/fel/403");
        var page = await client.GetPageAsync(location, HttpStatusCode.Forbidden);
        StringAssert.Contains(page.MainText(), "behörighet");
    }
}
