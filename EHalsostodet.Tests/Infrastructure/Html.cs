using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EHalsostodet.Tests.Infrastructure;

internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(expected, response.StatusCode, $"GET {url}");
        StringAssert.StartsWith(response.Content.Headers.ContentType?.MediaType, "text/html");
        return await Parser.ParseDocumentAsync(body);
    }

    public static IReadOnlyList<string> Texts(this IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();

    public static string MainText(this IDocument page) =>
        page.QuerySelector("main")?.TextContent ?? throw new AssertFailedException("Sidan saknar <main>.");
}
