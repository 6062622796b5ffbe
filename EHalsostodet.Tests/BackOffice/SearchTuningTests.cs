using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Core.Sync;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>Sökningens ord och bästa träffar: editors tune search, and the public search follows at once.</summary>
[TestClass]
public sealed class SearchTuningTests
{
    private const string Url = "/redaktion/sokning";
    private const string MissesUrl = "/redaktion/sokningar-utan-traffar";
    private const string EditorEmail = "sok.redaktor@example.se";

    /// <summary>A made-up word that nothing in the seed content matches.</summary>
    private const string MadeUp = "qwzxvk";

    private static async Task<(PortalFactory Factory, HttpClient Editor)> StartAsync()
    {
        var factory = new PortalFactory();
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Sara Sökare");
        return (factory, await factory.SignInAsync(EditorEmail));
    }

    private static async Task<JsonObject> SearchAsync(PortalFactory factory, string query)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static int Total(JsonObject results) => results["total"]!.GetValue<int>();

    private static List<Guid> Ids(JsonObject results) => results["hits"]!.AsArray().Select(h => Guid.Parse(h!["id"]!.GetValue<string>())).ToList();

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields, string page = Url) =>
        Forms.PostAsync(client, page, fields, $"main form[action='{page}?handler={handler}']");

    private static async Task<IDocument> PageOfAsync(HttpResponseMessage response)
    {
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "a refused form shows the page again");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static Task<List<string>> GroupsAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchSynonym>().AsNoTracking().OrderBy(g => g.Id).Select(g => g.Words).ToListAsync());

    private static Task<Guid> PublishedIdAsync(PortalFactory factory, string slug) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().Where(p => p.Slug == slug).Select(p => p.ItemId).SingleAsync());

    [TestMethod]
    public void Groups_are_compared_as_search_sees_the_words()
    {
        var group = SynonymGroupRules.Parse("  Robot,robot ; automat\n  digitalt   möte ");

        Assert.IsTrue(group.IsValid, group.Error);
        Assert.AreEqual("Robot, automat, digitalt möte", group.Text);
        Assert.AreEqual(SynonymGroupRules.KeyOf("robotar"), SynonymGroupRules.KeyOf("Robot"));
        Assert.AreEqual(SynonymGroupRules.KeyOf("digitala") + " mot", SynonymGroupRules.KeyOf("digitalt möte"));
        Assert.AreEqual("robot", SynonymGroupRules.WordFor("robot"));
        foreach (var stem in new[] { "kam", "autom", "samtyck", "trygghetslarm" })
        {
            Assert.AreEqual(stem, SynonymGroupRules.KeyOf(SynonymGroupRules.WordFor(stem)!), "a stored search becomes a word that searches the same");
        }
        Assert.IsNull(SynonymGroupRules.WordFor("larm kamer"));
        var conflicts = SynonymGroupRules.Conflicts(["Robotar", "maskin"], ["robot, automat", "kamera, nattkamera"], g => g).ToList();
        Assert.AreEqual(("Robotar", "robot, automat"), conflicts.Single());
    }

    [TestMethod]
    public async Task A_synonym_group_added_on_the_page_makes_the_public_search_find_items_through_it_at_once()
    {
        var (factory, editor) = await StartAsync();
        using var _ = factory;
        Assert.AreEqual(0, Total(await SearchAsync(factory, MadeUp)), "the made-up word finds nothing before");
        var target = await SearchAsync(factory, "samtycke");
        Assert.IsGreaterThan(0, Total(target));

        using var response = await PostAsync(editor, "AddGroup", new() { ["words"] = $"{MadeUp}, samtycke" });

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        var found = await SearchAsync(factory, MadeUp);
        Assert.IsGreaterThan(0, Total(found));
        CollectionAssert.IsSubsetOf(Ids(found), Ids(target));
        CollectionAssert.Contains(Ids(found), Ids(target)[0]);
        var page = await editor.GetPageAsync(Url);
        StringAssert.Contains(page.QuerySelector("[role='status']")!.TextContent, $"Gruppen ”{MadeUp}, samtycke” är tillagd");
        CollectionAssert.Contains(page.Texts("table.synonym-table tbody th").ToList(), $"{MadeUp}, samtycke");
    }

    [TestMethod]
    public async Task Changing_and_deleting_a_group_take_effect_at_once_and_deleting_asks_first()
    {
        var (factory, editor) = await StartAsync();
        using var _ = factory;
        using (await PostAsync(editor, "AddGroup", new() { ["words"] = $"{MadeUp}, samtycke" }))
        {
        }
        var id = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchSynonym>().Where(g => g.Words.StartsWith(MadeUp)).Select(g => g.Id).SingleAsync());
        Assert.IsGreaterThan(0, Total(await SearchAsync(factory, MadeUp)));

        using (var changed = await PostAsync(editor, "ChangeGroup", new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["words"] = $"{MadeUp}, nattillsyn" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, changed.StatusCode);
        }
        var night = Ids(await SearchAsync(factory, "nattillsyn"));
        CollectionAssert.IsSubsetOf(Ids(await SearchAsync(factory, MadeUp)), night);
        CollectionAssert.Contains(await GroupsAsync(factory), $"{MadeUp}, nattillsyn");

        var ask = await editor.GetPageAsync($"{Url}?ta-bort={id}");
        var confirm = ask.QuerySelector("#bekrafta")!;
        StringAssert.Contains(confirm.TextContent, $"Ta bort gruppen ”{MadeUp}, nattillsyn”?");
        Assert.IsNotNull(confirm.QuerySelector("form[action='/redaktion/sokning?handler=DeleteGroup'] button"));
        Assert.IsNotNull(confirm.QuerySelector("a[href='/redaktion/sokning']"), "the editor can cancel");
        Assert.IsTrue(await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchSynonym>().AnyAsync(g => g.Id == id)), "asking removes nothing");

        using (var deleted = await Forms.PostAsync(editor, $"{Url}?ta-bort={id}", new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "#bekrafta form"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, deleted.StatusCode);
        }
        Assert.AreEqual(0, Total(await SearchAsync(factory, MadeUp)));
        CollectionAssert.DoesNotContain(await GroupsAsync(factory), $"{MadeUp}, nattillsyn");
    }

    [TestMethod]
    public async Task A_best_bet_puts_the_chosen_item_first_even_for_a_query_that_found_nothing_and_is_in_the_audit_log()
    {
        var (factory, editor) = await StartAsync();
        using var _ = factory;
        var contact = await PublishedIdAsync(factory, "kontakt");
        var before = await SearchAsync(factory, "larm");
        Assert.IsGreaterThan(0, Total(before));
        CollectionAssert.DoesNotContain(Ids(before), contact, "the contact page is not about alarms");

        using (var response = await PostAsync(editor, "AddBestBet", new() { ["query"] = "Larmen!", ["itemId"] = contact.ToString() }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        }
        var after = await SearchAsync(factory, "larm");
        Assert.AreEqual(contact, Ids(after)[0], "first for the same query in another form, though the search was kept in the result cache");
        Assert.AreEqual(Total(before) + 1, Total(after));

        Assert.AreEqual(0, Total(await SearchAsync(factory, MadeUp)));
        using (var response = await PostAsync(editor, "AddBestBet", new() { ["query"] = MadeUp, ["itemId"] = contact.ToString() }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        }
        var nothingBefore = await SearchAsync(factory, MadeUp);
        Assert.AreEqual(1, Total(nothingBefore));
        Assert.AreEqual(contact, Ids(nothingBefore)[0]);

        var page = await editor.GetPageAsync(Url);
        var row = page.QuerySelectorAll("table.best-bet-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "larm");
        Assert.AreEqual("/kontakt", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.AreEqual("Kontakt", row.QuerySelector("a")!.TextContent.Trim());
        var audit = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.ItemId == contact && a.Action == AuditLog.BestBetAdded).ToListAsync());
        Assert.AreEqual(2, audit.Count);
        Assert.IsTrue(audit.All(a => a.UserName == "Sara Sökare"));
        CollectionAssert.AreEquivalent(new[] { "Sökningen ”larm”", $"Sökningen ”{MadeUp}”" }, audit.Select(a => a.Comment).ToArray());

        var betId = row.QuerySelector("input[name='id']")!.GetAttribute("value")!;
        using (var removed = await Forms.PostAsync(editor, Url, new Dictionary<string, string> { ["id"] = betId }, $"main form[action='{Url}?handler=DeleteBestBet']"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, removed.StatusCode);
        }
        CollectionAssert.DoesNotContain(Ids(await SearchAsync(factory, "larm")), contact);
        Assert.IsTrue(await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AuditEntries.AnyAsync(a => a.ItemId == contact && a.Action == AuditLog.BestBetRemoved)));
    }

    [TestMethod]
    public async Task The_searches_without_hits_page_answers_a_miss_with_a_synonym_or_a_best_bet_in_one_step()
    {
        var (factory, editor) = await StartAsync();
        using var _ = factory;
        // "zyxwera" is counted by its stem; the synonym is stored as a word that gives the same stem.
        foreach (var query in new[] { MadeUp, MadeUp, "zyxwera", "zwqkft xqjvrp" })
        {
            Assert.AreEqual(0, Total(await SearchAsync(factory, query)), query);
        }
        var page = await editor.GetPageAsync(MissesUrl);
        var rows = page.QuerySelectorAll("table.search-misses tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim());
        Assert.AreEqual(3, rows.Count);
        Assert.IsNotNull(rows[MadeUp].QuerySelector("form[action$='handler=Synonym'] input[name='word']"));
        Assert.IsNotNull(rows[MadeUp].QuerySelector("form[action$='handler=BestBet'] input[name='title'][list]"));
        Assert.IsNull(rows["xqjvrp zwqkft"].QuerySelector("form[action$='handler=Synonym']"), "a synonym is one word");
        foreach (var field in page.QuerySelectorAll("main table input:not([type='hidden'])"))
        {
            var label = page.QuerySelector($"label[for='{field.Id}']");
            Assert.IsNotNull(label, field.OuterHtml);
            StringAssert.Contains(label.TextContent, "”", "each field's label names its search");
        }

        using (var response = await PostAsync(editor, "Synonym", new() { ["query"] = MadeUp, ["word"] = "samtycke" }, MissesUrl))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        }
        var done = await editor.GetPageAsync(MissesUrl);
        StringAssert.Contains(done.QuerySelector("[role='status']")!.TextContent, $"Ny synonymgrupp ”samtycke, {MadeUp}”");
        CollectionAssert.IsSubsetOf(Ids(await SearchAsync(factory, MadeUp)), Ids(await SearchAsync(factory, "samtycke")));
        Assert.IsGreaterThan(0, Total(await SearchAsync(factory, MadeUp)));

        // The list holds the search as the index's terms, not as typed.
        var missKey = SearchMissCounter.Normalise(["zyxwera"]);
        using (var response = await PostAsync(editor, "Synonym", new() { ["query"] = missKey, ["word"] = "Samtycken" }, MissesUrl))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, "the group with the word is found by the word in another form");
        }
        CollectionAssert.Contains(await GroupsAsync(factory), $"samtycke, {MadeUp}, {SynonymGroupRules.WordFor(missKey)}");
        Assert.IsGreaterThan(0, Total(await SearchAsync(factory, "zyxwerorna")), "another form of the missed word finds the same");

        var contact = await PublishedIdAsync(factory, "kontakt");
        using (var response = await PostAsync(editor, "BestBet", new() { ["query"] = "xqjvrp zwqkft", ["title"] = "kontakt" }, MissesUrl))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        }
        var answered = await editor.GetPageAsync(MissesUrl);
        StringAssert.Contains(answered.QuerySelector("[role='status']")!.TextContent, "”Kontakt” visas nu först när någon söker på ”xqjvrp zwqkft”");
        var found = await SearchAsync(factory, "zwqkft xqjvrp");
        Assert.AreEqual(contact, Ids(found)[0]);
        var row = answered.QuerySelectorAll("table.search-misses tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "xqjvrp zwqkft");
        StringAssert.Contains(System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " "), "Bästa träff: Kontakt");
    }

    [TestMethod]
    public async Task Refused_forms_say_why_point_to_the_field_and_keep_what_was_typed()
    {
        var (factory, editor) = await StartAsync();
        using var _ = factory;
        var groups = await GroupsAsync(factory);
        var longWord = new string('x', 101);
        var tooMany = string.Join(", ", Enumerable.Range(0, 20).Select(i => $"ord{i}{new string('y', 50)}"));
        var cases = new (string Words, string Message)[]
        {
            ("", "Skriv minst två ord"),
            ("samtycke", "minst två olika ord"),
            ($"{MadeUp}, , samtycke", "Ett av orden är tomt"),
            ($"{MadeUp}, samtycke,", "Ett av orden är tomt"),
            ($"samtycke, {longWord}", "högst 100 tecken"),
            (tooMany, "högst 1000 tecken"),
            ("hemtjänst, Hemtjänsten", "är samma ord för sökningen"),
            ($"{MadeUp}, Robotar", "”Robotar” finns redan i gruppen ”robot, automat”"),
            ("!!!, samtycke", "inga bokstäver eller siffror"),
        };
        foreach (var (words, message) in cases)
        {
            using var response = await PostAsync(editor, "AddGroup", new() { ["words"] = words });
            var page = await PageOfAsync(response);
            var summary = page.QuerySelector("main .error-summary[role='alert']");
            Assert.IsNotNull(summary, words);
            StringAssert.Contains(summary.TextContent, message, words);
            Assert.AreEqual("#ny-grupp", summary.QuerySelector("a")!.GetAttribute("href"), words);
            var field = page.QuerySelector("#ny-grupp")!;
            Assert.AreEqual(words, field.GetAttribute("value") ?? "", "what was typed is kept");
            Assert.AreEqual("true", field.GetAttribute("aria-invalid"), words);
            StringAssert.Contains(field.GetAttribute("aria-describedby"), "ny-grupp-fel");
            StringAssert.Contains(page.QuerySelector("#ny-grupp-fel")!.TextContent, message);
        }

        var groupId = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchSynonym>().Where(g => g.Words == "robot, automat").Select(g => g.Id).SingleAsync());
        using (var response = await PostAsync(editor, "ChangeGroup", new() { ["id"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["words"] = "robot, medicin" }))
        {
            var page = await PageOfAsync(response);
            StringAssert.Contains(page.QuerySelector(".error-summary")!.TextContent, "”medicin” finns redan i gruppen ”läkemedel, medicin”");
            Assert.AreEqual($"#grupp-{groupId}", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
            Assert.AreEqual("robot, medicin", page.QuerySelector($"#grupp-{groupId}")!.GetAttribute("value"));
        }

        var contact = (await PublishedIdAsync(factory, "kontakt")).ToString();
        foreach (var (query, item, field, message) in new[]
        {
            ("", contact, "ny-sokning", "Skriv den sökning"),
            ("-larm", contact, "ny-sokning", "minst ett ord att söka på"),
            ("larmen", "", "nytt-innehall", "Välj det publicerade innehåll"),
            ("larmen", Guid.NewGuid().ToString(), "nytt-innehall", "inte publicerat"),
        })
        {
            using var response = await PostAsync(editor, "AddBestBet", new() { ["query"] = query, ["itemId"] = item });
            var page = await PageOfAsync(response);
            StringAssert.Contains(page.QuerySelector(".error-summary")!.TextContent, message, query);
            Assert.AreEqual("#" + field, page.QuerySelector(".error-summary a")!.GetAttribute("href"), query);
            Assert.AreEqual(query, page.QuerySelector("#ny-sokning")!.GetAttribute("value") ?? "");
            Assert.AreEqual(item == contact ? contact : null, page.QuerySelector("#nytt-innehall option[selected]")?.GetAttribute("value"));
        }

        await SearchAsync(factory, MadeUp);
        using (var response = await PostAsync(editor, "Synonym", new() { ["query"] = MadeUp, ["word"] = MadeUp.ToUpperInvariant() }, MissesUrl))
        {
            var page = await PageOfAsync(response);
            StringAssert.Contains(page.QuerySelector(".error-summary")!.TextContent, "är samma ord som");
            Assert.AreEqual("#synonym-0", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
            Assert.AreEqual(MadeUp.ToUpperInvariant(), page.QuerySelector("#synonym-0")!.GetAttribute("value"));
        }
        using (var response = await PostAsync(editor, "BestBet", new() { ["query"] = MadeUp, ["title"] = "i" }, MissesUrl))
        {
            var page = await PageOfAsync(response);
            StringAssert.Contains(page.QuerySelector(".error-summary")!.TextContent, "Skriv hela titeln");
            Assert.AreEqual("i", page.QuerySelector("#basta-traff-0")!.GetAttribute("value"));
        }

        CollectionAssert.AreEqual(groups, await GroupsAsync(factory), "nothing refused was stored");
        Assert.AreEqual(0, await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchBestBet>().CountAsync()));
    }

    [TestMethod]
    public async Task Members_and_anonymous_visitors_can_neither_see_nor_change_the_tuning()
    {
        var (factory, editor) = await StartAsync();
        using var _ = factory;
        const string memberEmail = "sok.medlem@example.se";
        await factory.CreateUserAsync(memberEmail, PortalRoles.Member);
        var member = await factory.SignInAsync(memberEmail);
        var anonymous = factory.CreateBrowserClient();
        var groups = await GroupsAsync(factory);
        var token = await Forms.TokenAsync(member, "/mina-sidor/profil");

        foreach (var url in new[] { Url, MissesUrl })
        {
            using var anonymousGet = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.AreEqual(HttpStatusCode.Redirect, anonymousGet.StatusCode, url);
            StringAssert.Contains(anonymousGet.Headers.Location!.OriginalString, "/redaktion/logga-in?", url);
            using var memberGet = await member.GetAsync(new Uri(url, UriKind.Relative));
            await AccessAssert.ForbiddenAsync(member, memberGet);
        }
        foreach (var (url, fields) in new[]
        {
            ($"{Url}?handler=AddGroup", new Dictionary<string, string> { ["words"] = $"{MadeUp}, samtycke" }),
            ($"{Url}?handler=DeleteGroup", new Dictionary<string, string> { ["id"] = "1" }),
            ($"{Url}?handler=AddBestBet", new Dictionary<string, string> { ["query"] = "larm", ["itemId"] = (await PublishedIdAsync(factory, "kontakt")).ToString() }),
            ($"{MissesUrl}?handler=Synonym", new Dictionary<string, string> { ["query"] = MadeUp, ["word"] = "samtycke" }),
        })
        {
            using var anonymousPost = await anonymous.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
            Assert.AreEqual(HttpStatusCode.Redirect, anonymousPost.StatusCode, url);
            StringAssert.Contains(anonymousPost.Headers.Location!.OriginalString, "/redaktion/logga-in?", url);
            using var memberPost = await member.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
            await AccessAssert.ForbiddenAsync(member, memberPost);
        }

        CollectionAssert.AreEqual(groups, await GroupsAsync(factory));
        Assert.AreEqual(0, await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Set<SearchBestBet>().CountAsync()));
        var home = await editor.GetPageAsync("/redaktion");
        Assert.IsTrue(home.QuerySelectorAll("nav a").Any(a => a.GetAttribute("href") == Url), "editors find the page in the menu");
        var tuning = await editor.GetPageAsync(Url);
        Assert.AreEqual("Sökningens ord och bästa träffar", tuning.QuerySelector("h1")!.TextContent.Trim());
        Assert.AreEqual("page", tuning.QuerySelector($"nav a[href='{Url}']")!.GetAttribute("aria-current"));
        foreach (var field in tuning.QuerySelectorAll("main input:not([type='hidden']), main select"))
        {
            Assert.IsNotNull(tuning.QuerySelector($"label[for='{field.Id}']"), field.OuterHtml);
        }
    }

    [TestMethod]
    public async Task The_seed_synonyms_are_in_the_database_after_the_first_start_and_help_real_searches()
    {
        var factory = SeededPortal.Factory;
        var groups = await GroupsAsync(factory);
        var lines = File.ReadAllLines(Path.Combine(TestPaths.SeedFolder, SyncFolder.SynonymsFile)).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();

        Assert.IsGreaterThanOrEqualTo(15, lines.Count);
        CollectionAssert.AreEqual(lines, groups);
        CollectionAssert.Contains(groups, "robot, automat");
        var content = string.Join('\n', Directory.EnumerateFiles(Path.Combine(TestPaths.SeedFolder, "content"), "*.yml", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var word in new[] { "socialbidrag", "närstående", "läsplatta", "äldreboende", "detektor" })
        {
            Assert.IsFalse(content.Contains(word, StringComparison.OrdinalIgnoreCase), word);
            Assert.IsGreaterThan(0, Total(await SearchAsync(factory, word)), $"”{word}” is not in the seed content but finds it through its synonyms");
        }
    }
}
