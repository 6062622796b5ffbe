using AngleSharp.Html.Parser;

namespace EHalsostodet.Tests.Infrastructure;

/// <summary>Posts forms as a browser does: with the antiforgery token from the page.</summary>
internal static class Forms
{
    /// <summary>GETs <paramref name="pageUrl"/>, takes the antiforgery token from its first form (or the one matching <paramref name="formSelector"/>), and posts the fields to the form's action (or the page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string formSelector = "main form[method='post']")
    {
        var html = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var page = await new HtmlParser().ParseDocumentAsync(html);
        var form = page.QuerySelector(formSelector) ?? throw new AssertFailedException($"Inget formulär {formSelector} på {pageUrl}.");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new AssertFailedException($"Formuläret på {pageUrl} saknar antiforgery-token.");
        var action = form.GetAttribute("action");
        var values = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await client.PostAsync(new Uri(string.IsNullOrEmpty(action) ? pageUrl : action, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The antiforgery token of a page's first post form, for tests that build the post themselves.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string pageUrl)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative)));
        return page.QuerySelector("form[method='post'] input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new AssertFailedException($"Ingen antiforgery-token på {pageUrl}.");
    }
}
