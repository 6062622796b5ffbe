using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice.Editing;

/// <summary>
/// Two editors save the same item from the same version: the second save goes (303) to the
/// conflict page, which merges what only one changed and lets the editor choose the rest, and
/// saves on top of the latest version without losing either text.
/// </summary>
[TestClass]
public sealed class ConflictResolutionTests : PortalTestClass<ConflictResolutionTests>
{
    private const string FirstEmail = "forsta.konflikt@example.se";
    private const string SecondEmail = "andra.konflikt@example.se";
    private const string ThirdEmail = "tredje.konflikt@example.se";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync(FirstEmail, PortalRoles.Editor, "Frida Först");
        await Factory.CreateUserAsync(SecondEmail, PortalRoles.Editor, "Sara Sist");
        await Factory.CreateUserAsync(ThirdEmail, PortalRoles.Editor, "Tore Tredje");
    }

    /// <summary>A new story of its own for each test, so the tests do not meet each other's versions.</summary>
    private static async Task<Guid> NewStoryAsync(HttpClient client, string title)
    {
        var seed = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems
            .Where(i => i.Type == ContentType.Story && i.PublishedVersionId != null).OrderBy(i => i.Slug).Select(i => i.Id).FirstAsync());
        var form = (await EditingBrowserForm.LoadAsync(client, $"/redaktion/innehall/{seed}/redigera"))
            .Set("title", title).Set("slug", "");
        // Saving a seed story's form as a new story: post it to the new-story page.
        var values = form.Fields.Where(f => f.Key != "baseVersionId" && f.Key != "draftOwner").ToList();
        var fresh = await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/story");
        var token = fresh.Value("__RequestVerificationToken");
        values.RemoveAll(f => f.Key == "__RequestVerificationToken");
        values.Add(new("__RequestVerificationToken", token));
        values.Add(new("editorAction", "save"));
        using var response = await client.PostAsync(new Uri("/redaktion/innehall/ny/story", UriKind.Relative), new FormUrlEncodedContent(values));
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, await response.Content.ReadAsStringAsync());
        return EditingBrowserForm.SavedItemId(response);
    }

    private static Task<List<ContentVersion>> VersionsAsync(Guid id) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentVersions.AsNoTracking()
            .Where(v => v.ItemId == id).OrderBy(v => v.Number).ToListAsync());

    private static Task<int> DraftCountAsync(Guid id) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().EditorDrafts.CountAsync(d => d.Target.EndsWith(id.ToString())));

    private static async Task<StoryDocument> LatestStoryAsync(Guid id) =>
        ContentDocumentSerializer.Deserialize<StoryDocument>((await VersionsAsync(id)).Last().DocumentJson);

    /// <summary>Both editors open the form; the first saves its changes; the second's save meets them.</summary>
    private static async Task<(HttpClient Second, string ConflictUrl)> ConflictAsync(
        Guid id, Dictionary<string, string> first, Dictionary<string, string> second)
    {
        var firstClient = await Factory.SignInAsync(FirstEmail);
        var secondClient = await Factory.SignInAsync(SecondEmail);
        var url = $"/redaktion/innehall/{id}/redigera";
        var stale = await EditingBrowserForm.LoadAsync(secondClient, url);
        using (var saved = await (await EditingBrowserForm.LoadAsync(firstClient, url)).Set(first).SubmitAsync(firstClient))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        var versions = (await VersionsAsync(id)).Count;
        using var response = await stale.Set(second).SubmitAsync(secondClient);
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, "the conflict is answered with a redirect, not a page");
        var conflictUrl = response.Headers.Location!.OriginalString;
        Assert.AreEqual($"/redaktion/innehall/{id}/konflikt", conflictUrl);
        Assert.AreEqual(versions, (await VersionsAsync(id)).Count, "nothing is saved yet");
        return (secondClient, conflictUrl);
    }

    private static async Task<HttpResponseMessage> PostChoicesAsync(HttpClient client, string url, IDocument page, IDictionary<string, string> overrides, string action = "save")
    {
        var form = page.QuerySelector("form#merge-form")!;
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("latestVersionId", form.QuerySelector("input[name='latestVersionId']")!.GetAttribute("value")!),
            new("changeNote", "Sammanfogat"),
            new("resolveAction", action),
        };
        foreach (var hidden in form.QuerySelectorAll("input[name$='.path']"))
        {
            values.Add(new(hidden.GetAttribute("name")!, hidden.GetAttribute("value")!));
        }
        foreach (var (name, value) in overrides)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    /// <summary>The index of the conflict fieldset for a document path.</summary>
    private static int ConflictIndex(IDocument page, string path)
    {
        var hidden = page.QuerySelectorAll("form#merge-form input[name$='.path']").ToList();
        var index = hidden.FindIndex(h => h.GetAttribute("value") == path);
        Assert.IsGreaterThanOrEqualTo(0, index, $"no conflict for {path}: {string.Join(", ", hidden.Select(h => h.GetAttribute("value")))}");
        return index;
    }

    /// <summary>The own text as shown: an input's value or a textarea's text.</summary>
    private static string OwnText(IDocument page, int index) =>
        page.QuerySelector($"[name='choices[{index}].text']") is { } field
            ? (field.GetAttribute("value") ?? field.TextContent).Trim()
            : throw new AssertFailedException($"no own text field {index}");

    [TestMethod]
    public async Task Fields_only_one_editor_changed_merge_by_themselves_and_both_are_saved()
    {
        var owner = await Factory.SignInAsync(FirstEmail);
        var id = await NewStoryAsync(owner, "Konflikt utan krock");
        var (second, url) = await ConflictAsync(id,
            new() { ["process.steps[2].challenges"] = "Förstas utmaningar i testet." },
            new() { ["summary.text"] = "Andras nya sammanfattning.", ["lessons.tips"] = "Andras tips" });

        var page = await second.GetPageAsync(url);
        Assert.IsNull(page.QuerySelector("fieldset.merge-field"), "no field needs a choice");
        var theirs = page.QuerySelectorAll("#andra-andrade + .table-wrap th[data-field]").Select(th => (th.GetAttribute("data-field"), th.TextContent.Trim())).ToList();
        var yours = page.QuerySelectorAll("#du-andrade + .table-wrap th[data-field]").Select(th => (th.GetAttribute("data-field"), th.TextContent.Trim())).ToList();
        CollectionAssert.Contains(theirs, ("process.steps[2].challenges", "Processbeskrivning › Testa › Utmaningar"));
        CollectionAssert.Contains(yours, ("summary.text", "Sammanfattning › Text"));
        CollectionAssert.Contains(yours, ("lessons.tips", "Lärdomar och tips › Tips"));
        StringAssert.Contains(page.QuerySelector("h2#andra-andrade")!.TextContent, "Frida Först");
        // A reload (or Back from the comparison) shows the same page: it is not the answer to a post.
        Assert.AreEqual(page.QuerySelector("main")!.TextContent, (await second.GetPageAsync(url)).QuerySelector("main")!.TextContent);

        using var saved = await PostChoicesAsync(second, url, page, new Dictionary<string, string>());
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.AreEqual($"/redaktion/innehall/{id}", saved.Headers.Location!.OriginalString);
        var story = await LatestStoryAsync(id);
        Assert.AreEqual("Förstas utmaningar i testet.", story.Process.Steps[2].Challenges);
        Assert.AreEqual("Andras nya sammanfattning.", story.Summary.Text);
        CollectionAssert.AreEqual(new[] { "Andras tips" }, story.Lessons.Tips.ToArray());
        var versions = await VersionsAsync(id);
        Assert.AreEqual("Sammanfogat", versions.Last().ChangeNote);
        Assert.AreEqual(3, versions.Count);
        Assert.AreEqual(0, await DraftCountAsync(id), "the draft is gone once saved");
    }

    [TestMethod]
    public async Task For_fields_both_changed_the_editor_keeps_theirs_their_own_or_writes_a_new_text()
    {
        var owner = await Factory.SignInAsync(FirstEmail);
        var id = await NewStoryAsync(owner, "Konflikt med krock");
        var (second, url) = await ConflictAsync(id,
            new() { ["title"] = "Förstas titel", ["summary.text"] = "Förstas sammanfattning.", ["lessons.text"] = "Förstas lärdomar." },
            new() { ["title"] = "Andras titel", ["summary.text"] = "Andras sammanfattning.", ["lessons.text"] = "Andras lärdomar.", ["technology.prerequisites"] = "Andras förutsättningar." });

        var page = await second.GetPageAsync(url);
        var fields = page.QuerySelectorAll("fieldset.merge-field").ToDictionary(f => f.GetAttribute("data-field")!);
        CollectionAssert.AreEquivalent(new[] { "title", "summary.text", "lessons.text" }, fields.Keys.ToArray());
        Assert.AreEqual("Sammanfattning › Text", fields["summary.text"].QuerySelector("legend")!.TextContent.Trim());
        StringAssert.Contains(fields["summary.text"].QuerySelector(".merge-theirs ins")!.TextContent, "Förstas");
        StringAssert.Contains(fields["summary.text"].QuerySelector(".merge-yours ins")!.TextContent, "Andras");
        Assert.IsNotNull(fields["summary.text"].QuerySelector("textarea, input[type='text']"), "a text field can be written anew");

        // Without a choice nothing is saved and the written text stays.
        var summary = ConflictIndex(page, "summary.text");
        using (var missing = await PostChoicesAsync(second, url, page, new Dictionary<string, string>
        {
            [$"choices[{summary}].choice"] = "own",
            [$"choices[{summary}].text"] = "Förstas och andras sammanfattning.",
        }))
        {
            Assert.AreEqual(HttpStatusCode.OK, missing.StatusCode);
            var again = await new HtmlParser().ParseDocumentAsync(await missing.Content.ReadAsStringAsync());
            StringAssert.Contains(again.QuerySelector(".error-summary")!.TextContent, "Välj vilken text som ska gälla för Titel");
            Assert.AreEqual("Förstas och andras sammanfattning.", OwnText(again, summary));
            Assert.IsNotNull(again.QuerySelector($"input[name='choices[{summary}].choice'][value='own'][checked]"));
            Assert.AreEqual(2, (await VersionsAsync(id)).Count);
        }

        using var saved = await PostChoicesAsync(second, url, page, new Dictionary<string, string>
        {
            [$"choices[{ConflictIndex(page, "title")}].choice"] = "yours",
            [$"choices[{summary}].choice"] = "own",
            [$"choices[{summary}].text"] = "Förstas och andras sammanfattning.",
            [$"choices[{ConflictIndex(page, "lessons.text")}].choice"] = "theirs",
        });
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var story = await LatestStoryAsync(id);
        Assert.AreEqual("Andras titel", story.Title);
        Assert.AreEqual("Förstas och andras sammanfattning.", story.Summary.Text);
        Assert.AreEqual("Förstas lärdomar.", story.Lessons.Text);
        Assert.AreEqual("Andras förutsättningar.", story.Technology.Prerequisites, "the field only the second editor changed");
        Assert.AreEqual(0, await DraftCountAsync(id));
        var overview = await second.GetPageAsync($"/redaktion/innehall/{id}");
        StringAssert.Contains(overview.QuerySelector("main [role='status']")!.TextContent, "Sparat som version 3");
    }

    [TestMethod]
    public async Task A_version_saved_while_comparing_is_shown_before_anything_is_saved_and_the_choices_stay()
    {
        var owner = await Factory.SignInAsync(FirstEmail);
        var id = await NewStoryAsync(owner, "Konflikt i tre led");
        var (second, url) = await ConflictAsync(id,
            new() { ["summary.text"] = "Förstas sammanfattning." },
            new() { ["summary.text"] = "Andras sammanfattning." });
        var page = await second.GetPageAsync(url);

        var third = await Factory.SignInAsync(ThirdEmail);
        using (var saved = await (await EditingBrowserForm.LoadAsync(third, $"/redaktion/innehall/{id}/redigera")).Set("summary.text", "Tredjes sammanfattning.").SubmitAsync(third))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        var summary = ConflictIndex(page, "summary.text");
        using var response = await PostChoicesAsync(second, url, page, new Dictionary<string, string>
        {
            [$"choices[{summary}].choice"] = "own",
            [$"choices[{summary}].text"] = "Min sammanvägning.",
        });
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var again = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        StringAssert.Contains(again.QuerySelector("main [role='alert']")!.TextContent, "Någon sparade version 3");
        StringAssert.Contains(again.QuerySelector("fieldset.merge-field .merge-theirs")!.TextContent, "Tredjes");
        Assert.AreEqual("Min sammanvägning.", OwnText(again, summary));
        Assert.AreEqual(3, (await VersionsAsync(id)).Count, "nothing of the second editor's is saved yet");

        using var saved2 = await PostChoicesAsync(second, url, again, new Dictionary<string, string>
        {
            [$"choices[{summary}].choice"] = "own",
            [$"choices[{summary}].text"] = "Min sammanvägning.",
        });
        Assert.AreEqual(HttpStatusCode.SeeOther, saved2.StatusCode);
        Assert.AreEqual("Min sammanvägning.", (await LatestStoryAsync(id)).Summary.Text);
    }

    [TestMethod]
    public async Task Merge_and_continue_editing_opens_the_merged_form_on_top_of_the_latest_version()
    {
        var owner = await Factory.SignInAsync(FirstEmail);
        var id = await NewStoryAsync(owner, "Konflikt att redigera vidare");
        var (second, url) = await ConflictAsync(id,
            new() { ["title"] = "Förstas titel vidare" },
            new() { ["summary.text"] = "Andras sammanfattning vidare." });
        var page = await second.GetPageAsync(url);

        using var response = await PostChoicesAsync(second, url, page, new Dictionary<string, string>(), action: "edit");
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.AreEqual($"/redaktion/innehall/{id}/redigera?utkast=1", response.Headers.Location!.OriginalString);
        var form = await EditingBrowserForm.LoadAsync(second, response.Headers.Location!.OriginalString);
        Assert.AreEqual("Förstas titel vidare", form.Value("title"));
        Assert.AreEqual("Andras sammanfattning vidare.", form.Value("summary.text").Trim());
        Assert.AreEqual("Sammanfogat", form.Value("changeNote"));
        var latest = (await VersionsAsync(id)).Last();
        Assert.AreEqual(latest.Id.ToString(), form.Value("baseVersionId"));
        Assert.AreEqual(2, latest.Number, "nothing saved until Spara");

        using var saved = await form.SubmitAsync(second);
        Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        var story = await LatestStoryAsync(id);
        Assert.AreEqual("Förstas titel vidare", story.Title);
        Assert.AreEqual("Andras sammanfattning vidare.", story.Summary.Text);
    }

    [TestMethod]
    public async Task Nobody_else_sees_the_kept_text_and_its_writer_can_throw_it_away()
    {
        var owner = await Factory.SignInAsync(FirstEmail);
        var id = await NewStoryAsync(owner, "Konflikt som slängs");
        var (second, url) = await ConflictAsync(id,
            new() { ["summary.text"] = "Förstas hemliga sammanfattning." },
            new() { ["summary.text"] = "Andras hemliga sammanfattning." });

        var third = await Factory.SignInAsync(ThirdEmail);
        var thirdsView = await third.GetPageAsync(url);
        Assert.IsNull(thirdsView.QuerySelector("form#merge-form"));
        Assert.IsFalse(thirdsView.MainText().Contains("Andras hemliga", StringComparison.Ordinal));
        var thirdsEditor = await third.GetPageAsync($"/redaktion/innehall/{id}/redigera?utkast=1");
        Assert.IsNull(thirdsEditor.QuerySelector("#draft-offer, #draft-restored"));
        Assert.IsFalse(thirdsEditor.MainText().Contains("Andras hemliga", StringComparison.Ordinal));

        var page = await second.GetPageAsync(url);
        var discard = page.QuerySelector("form.merge-discard")!;
        using var response = await second.PostAsync(new Uri(discard.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", discard.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)]));
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.AreEqual(0, await DraftCountAsync(id));
        Assert.IsNull((await second.GetPageAsync(url)).QuerySelector("form#merge-form"));
        Assert.AreEqual("Förstas hemliga sammanfattning.", (await LatestStoryAsync(id)).Summary.Text);
    }
}
