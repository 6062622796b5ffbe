using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.BackOffice.Editing;

/// <summary>
/// The editor form as a browser sends it: every field with its current value (checked boxes,
/// selected options, textarea text), with some values replaced and one submit button pressed.
/// </summary>
internal sealed class EditingBrowserForm
{
    private readonly List<KeyValuePair<string, string>> fields;

    private EditingBrowserForm(string url, IDocument page, List<KeyValuePair<string, string>> fields)
    {
        Url = url;
        Page = page;
        this.fields = fields;
    }

    public string Url { get; }

    public IDocument Page { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    public static async Task<EditingBrowserForm> LoadAsync(HttpClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        return FromPage(url, page);
    }

    public static async Task<EditingBrowserForm> FromResponseAsync(string url, HttpResponseMessage response) =>
        FromPage(url, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));

    public static EditingBrowserForm FromPage(string url, IDocument page)
    {
        var form = page.QuerySelector("form#editor-form") as IHtmlFormElement
            ?? throw new AssertFailedException($"Inget redigeringsformulär på {url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.HasAttribute("checked"))
                    {
                        fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                    }
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.TextContent));
                    break;
                case IHtmlSelectElement select:
                    var selected = select.QuerySelectorAll("option").Where(o => o.HasAttribute("selected")).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.QuerySelector("option") is { } first)
                    {
                        selected.Add(first);
                    }
                    fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(name, o.GetAttribute("value") ?? o.TextContent)));
                    break;
            }
        }
        return new EditingBrowserForm(url, page, fields);
    }

    /// <summary>Replaces every value of the field with the given one (or several, for multiple choices).</summary>
    public EditingBrowserForm Set(string name, params string[] values)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public EditingBrowserForm Set(IEnumerable<KeyValuePair<string, string>> values)
    {
        foreach (var group in values.GroupBy(v => v.Key))
        {
            Set(group.Key, group.Select(v => v.Value).ToArray());
        }
        return this;
    }

    public string Value(string name) => fields.Single(f => f.Key == name).Value;

    /// <summary>The item a successful "Spara" saved: it answers 303 back to the item's editor.</summary>
    public static Guid SavedItemId(HttpResponseMessage response)
    {
        Assert.AreEqual(System.Net.HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var match = System.Text.RegularExpressions.Regex.Match(location, "^/redaktion/innehall/([0-9a-f-]{36})/redigera$");
        Assert.IsTrue(match.Success, $"Spara leads back to the editor, not to {location}");
        return Guid.Parse(match.Groups[1].Value);
    }

    /// <summary>Posts the form as if the button with name "editorAction" and this value was pressed.</summary>
    public Task<HttpResponseMessage> SubmitAsync(HttpClient client, string action = "save")
    {
        var body = new List<KeyValuePair<string, string>>(fields) { new("editorAction", action) };
        return client.PostAsync(new Uri(Url, UriKind.Relative), new FormUrlEncodedContent(body));
    }
}
