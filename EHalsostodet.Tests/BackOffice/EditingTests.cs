using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice.Editing;

/// <summary>The editor pages /redaktion/innehall/ny/{type} and /redaktion/innehall/{id}/redigera through HTTP.</summary>
[TestClass]
public sealed class EditingTests : PortalTestClass<EditingTests>
{
    private const string EditorEmail = "redaktor.editor@example.se";
    private const string SecondEditorEmail = "redaktor2.editor@example.se";
    private const string NoRoleEmail = "utan.roll@example.se";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Rita Redaktör");
        await Factory.CreateUserAsync(SecondEditorEmail, PortalRoles.Editor, "Ragnar Redaktör");
        await Factory.CreateUserAsync(NoRoleEmail, null, "Utan Roll");
    }

    private static Task<int> CountAsync<T>(Func<PortalDbContext, IQueryable<T>> query) =>
        Factory.WithScopeAsync(s => query(s.GetRequiredService<PortalDbContext>()).CountAsync());

    private static Task<(ContentItem Item, ContentVersion Version)> LatestAsync(Guid id) =>
        Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Id == id);
            return (item, await db.ContentVersions.AsNoTracking().SingleAsync(v => v.Id == item.LatestVersionId));
        });

    private static Guid ItemIdFromLocation(HttpResponseMessage response) => EditingBrowserForm.SavedItemId(response);

    [TestMethod]
    public async Task Creating_a_story_through_the_form_stores_every_field()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var (municipality, initiatives) = await Factory.WithScopeAsync(async s =>
        {
            var code = (await s.GetRequiredService<PortalDbContext>().Municipalities.OrderBy(m => m.Code).FirstAsync()).Code;
            var published = await s.GetRequiredService<PublishedQueries>().InitiativesAsync(null, CancellationToken.None);
            return (code, published.Select(i => i.Id).Take(3).ToList());
        });
        Assert.IsTrue(initiatives.Count >= 3, "the seed has published initiatives");
        var values = new Dictionary<string, string>
        {
            ["title"] = "Läkemedelsrobotar i Provköping",
            ["slug"] = "",
            ["shortDescription"] = "Hur hemtjänsten införde läkemedelsrobotar.",
            ["municipalityCode"] = municipality,
            ["outcome"] = "PartlySuccessful",
            ["period.startYear"] = "2020",
            ["period.endYear"] = "2022",
            ["tags"] = "Läkemedel, Hemtjänst , läkemedel",
            ["summary.text"] = "Sammanfattningen med **fetstil**.",
            ["roles.text"] = "Rollerna.",
            ["roles.actors[1].name"] = "Projektledare",
            ["roles.actors[1].description"] = "Ledde arbetet.",
            ["roles.actors[1].external"] = "true",
            ["roles.forums[0].name"] = "Styrgrupp",
            ["roles.forums[0].description"] = "Träffades varje månad.",
            ["benefits.text"] = "Nyttan i stort.",
            ["benefits.effects[1].text"] = "Medarbetarna sparade tid.",
            ["benefits.effects[1].indicators[1].name"] = "Sparad tid",
            ["benefits.effects[1].indicators[1].value"] = "12,5",
            ["benefits.effects[1].indicators[1].unit"] = "timmar per vecka",
            ["benefits.effects[1].indicators[1].baseline"] = "0",
            ["benefits.effects[1].indicators[1].period"] = "2021",
            ["technology.text"] = "Tekniken.",
            ["technology.products[0].name"] = "Doseringsrobot",
            ["technology.products[0].description"] = "Delar ut läkemedel.",
            ["technology.products[0].isService"] = "false",
            ["technology.products[1].name"] = "Larmtjänst",
            ["technology.products[1].isService"] = "true",
            ["technology.prerequisites"] = "Wifi i bostaden.",
            ["process.text"] = "Processen i korthet.",
            ["lessons.text"] = "Lärdomarna.",
            ["lessons.tips"] = "Börja smått\n\n  Involvera personalen  \n",
            ["contacts[0].name"] = "Karin Kontakt",
            ["contacts[0].title"] = "Enhetschef",
            ["contacts[0].organisation"] = "Provköpings kommun",
            ["contacts[0].email"] = "karin@example.se",
            ["contacts[0].phone"] = "010-123 45 67",
            ["changeNote"] = "Första versionen",
        };
        string[] questions = ["what", "who", "challenges", "successFactors", "lessons", "methodsAndTools"];
        for (var s = 0; s < 5; s++)
        {
            foreach (var question in questions)
            {
                values[$"process.steps[{s}].{question}"] = $"Steg {s} {question}";
            }
        }
        var form = (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/story"))
            .Set(values)
            .Set("operationalAreas", "ElderlyCare", "MunicipalHealthCare")
            .Set("summary.initiativeIds", initiatives[0].ToString(), initiatives[1].ToString())
            .Set("roles.initiativeIds", initiatives[2].ToString())
            .Set("benefits.initiativeIds", initiatives[0].ToString())
            .Set("technology.initiativeIds", initiatives[1].ToString())
            .Set("process.initiativeIds", initiatives[2].ToString())
            .Set("process.steps[2].initiativeIds", initiatives[0].ToString(), initiatives[2].ToString())
            .Set("lessons.initiativeIds", initiatives[1].ToString());

        using var response = await form.SubmitAsync(client);
        var id = ItemIdFromLocation(response);
        var overview = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        StringAssert.Contains(overview.QuerySelector("main [role='status']")?.TextContent, "Sparat som version 1.");
        var (item, version) = await LatestAsync(id);
        Assert.AreEqual(1, version.Number);
        Assert.AreEqual("Första versionen", version.ChangeNote);
        Assert.AreEqual(EHalsostodet.Core.Workflow.WorkflowState.Draft, item.State);
        var story = ContentDocumentSerializer.Deserialize<StoryDocument>(version.DocumentJson);

        Assert.AreEqual("Läkemedelsrobotar i Provköping", story.Title);
        Assert.AreEqual("lakemedelsrobotar-i-provkoping", story.Slug);
        Assert.AreEqual("Hur hemtjänsten införde läkemedelsrobotar.", story.ShortDescription);
        Assert.AreEqual(municipality, story.MunicipalityCode);
        CollectionAssert.AreEqual(new[] { OperationalArea.ElderlyCare, OperationalArea.MunicipalHealthCare }, story.OperationalAreas.ToArray());
        Assert.AreEqual(Outcome.PartlySuccessful, story.Outcome);
        Assert.AreEqual(2020, story.Period!.StartYear);
        Assert.AreEqual(2022, story.Period.EndYear);
        CollectionAssert.AreEqual(new[] { "Läkemedel", "Hemtjänst" }, story.Tags.ToArray());
        Assert.AreEqual("Sammanfattningen med **fetstil**.", story.Summary.Text);
        CollectionAssert.AreEqual(new[] { initiatives[0], initiatives[1] }, story.Summary.InitiativeIds.ToArray());

        Assert.AreEqual("Rollerna.", story.Roles.Text);
        Assert.AreEqual(1, story.Roles.Actors.Count, "empty rows are ignored");
        Assert.AreEqual(new Actor { Name = "Projektledare", Description = "Ledde arbetet.", External = true }, story.Roles.Actors[0]);
        Assert.AreEqual(new Forum { Name = "Styrgrupp", Description = "Träffades varje månad." }, story.Roles.Forums.Single());
        CollectionAssert.AreEqual(new[] { initiatives[2] }, story.Roles.InitiativeIds.ToArray());

        Assert.AreEqual("Nyttan i stort.", story.Benefits.Text);
        var effect = story.Benefits.Effects.Single();
        Assert.AreEqual(BenefitTarget.Staff, effect.Target);
        Assert.AreEqual("Medarbetarna sparade tid.", effect.Text);
        Assert.AreEqual(new Indicator { Name = "Sparad tid", Value = 12.5m, Unit = "timmar per vecka", Baseline = 0m, Period = "2021" }, effect.Indicators.Single());
        CollectionAssert.AreEqual(new[] { initiatives[0] }, story.Benefits.InitiativeIds.ToArray());

        Assert.AreEqual("Tekniken.", story.Technology.Text);
        Assert.AreEqual(2, story.Technology.Products.Count);
        Assert.AreEqual(new TechnologyItem { Name = "Doseringsrobot", Description = "Delar ut läkemedel.", IsService = false }, story.Technology.Products[0]);
        Assert.IsTrue(story.Technology.Products[1].IsService);
        Assert.AreEqual("Wifi i bostaden.", story.Technology.Prerequisites);
        CollectionAssert.AreEqual(new[] { initiatives[1] }, story.Technology.InitiativeIds.ToArray());

        Assert.AreEqual("Processen i korthet.", story.Process.Text);
        CollectionAssert.AreEqual(Enum.GetValues<ProcessStepKind>(), story.Process.Steps.Select(s => s.Step).ToArray());
        for (var s = 0; s < 5; s++)
        {
            var step = story.Process.Steps[s];
            CollectionAssert.AreEqual(
                questions.Select(q => $"Steg {s} {q}").ToArray(),
                new[] { step.What, step.Who, step.Challenges, step.SuccessFactors, step.Lessons, step.MethodsAndTools });
        }
        CollectionAssert.AreEqual(new[] { initiatives[0], initiatives[2] }, story.Process.Steps[2].InitiativeIds.ToArray());
        CollectionAssert.AreEqual(new[] { initiatives[2] }, story.Process.InitiativeIds.ToArray());

        Assert.AreEqual("Lärdomarna.", story.Lessons.Text);
        CollectionAssert.AreEqual(new[] { "Börja smått", "Involvera personalen" }, story.Lessons.Tips.ToArray());
        CollectionAssert.AreEqual(new[] { initiatives[1] }, story.Lessons.InitiativeIds.ToArray());
        Assert.AreEqual(
            new Contact { Name = "Karin Kontakt", Title = "Enhetschef", Organisation = "Provköpings kommun", Email = "karin@example.se", Phone = "010-123 45 67" },
            story.Contacts.Single());

        // The edit form shows the stored story again, field by field.
        var edit = await EditingBrowserForm.LoadAsync(client, $"/redaktion/innehall/{id}/redigera");
        Assert.AreEqual("Läkemedelsrobotar i Provköping", edit.Value("title"));
        Assert.AreEqual("12,5", edit.Value("benefits.effects[1].indicators[0].value"));
        Assert.AreEqual("Steg 4 methodsAndTools", edit.Value("process.steps[4].methodsAndTools"));
        Assert.AreEqual(version.Id.ToString(), edit.Value("baseVersionId"));
    }

    [TestMethod]
    public async Task Invalid_input_is_shown_again_with_Swedish_messages_and_nothing_is_saved()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var before = await CountAsync(db => db.ContentVersions);
        var form = (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/story"))
            .Set("title", "")
            .Set("slug", "Fel Slug!")
            .Set("shortDescription", "Text som ska finnas kvar")
            .Set("roles.actors[0].name", "Aktör som ska finnas kvar")
            .Set("benefits.effects[2].indicators[1].name", "Indikator utan värde")
            .Set("benefits.effects[2].indicators[1].value", "mycket");

        using var response = await form.SubmitAsync(client);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".error-summary")!;
        StringAssert.Contains(summary.TextContent, "Ange en titel.");
        StringAssert.Contains(summary.TextContent, "Adressnamnet (slug) får bara innehålla");
        StringAssert.Contains(summary.TextContent, "Ange värdet som ett tal");
        Assert.IsNotNull(summary.QuerySelector("a[href='#f-title']"));
        Assert.IsNotNull(summary.QuerySelector("a[href='#f-benefits-effects-2-indicators-1-value']"), "the error points at the row the editor typed in");

        var title = page.QuerySelector("#f-title")!;
        StringAssert.Contains(title.GetAttribute("aria-describedby"), "f-title-error");
        StringAssert.Contains(page.QuerySelector("#f-title-error")!.TextContent, "Ange en titel.");
        Assert.AreEqual("Fel Slug!", page.QuerySelector("#f-slug")!.GetAttribute("value"));
        Assert.AreEqual("Text som ska finnas kvar", page.QuerySelector("#f-shortDescription")!.TextContent);
        Assert.AreEqual("Aktör som ska finnas kvar", page.QuerySelector("#f-roles-actors-0-name")!.GetAttribute("value"));
        Assert.AreEqual("mycket", page.QuerySelector("#f-benefits-effects-2-indicators-1-value")!.GetAttribute("value"));
        Assert.AreEqual(before, await CountAsync(db => db.ContentVersions));
    }

    [TestMethod]
    public async Task A_save_from_an_old_version_saves_nothing_and_goes_to_the_comparison_with_the_typed_text_kept()
    {
        var first = await Factory.SignInAsync(EditorEmail);
        var second = await Factory.SignInAsync(SecondEditorEmail);
        var id = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.Where(i => i.Type == ContentType.Page).Select(i => i.Id).FirstAsync());
        var url = $"/redaktion/innehall/{id}/redigera";

        var stale = await EditingBrowserForm.LoadAsync(first, url);
        using (var saved = await (await EditingBrowserForm.LoadAsync(second, url)).Set("title", "Ändrad av någon annan").SubmitAsync(second))
        {
            Assert.AreEqual(id, ItemIdFromLocation(saved));
        }
        var versions = await CountAsync(db => db.ContentVersions.Where(v => v.ItemId == id));

        using var response = await stale.Set("title", "Min egen ändring").Set("body", "Min egen text").SubmitAsync(first);
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.AreEqual($"/redaktion/innehall/{id}/konflikt", response.Headers.Location!.OriginalString);
        Assert.AreEqual(versions, await CountAsync(db => db.ContentVersions.Where(v => v.ItemId == id)));
        Assert.AreEqual("Ändrad av någon annan", (await LatestAsync(id)).Item.Title);

        // The comparison shows both titles, and the typed body as a change of the editor's own.
        var page = await first.GetPageAsync(response.Headers.Location.OriginalString);
        var title = page.QuerySelector("fieldset.merge-field[data-field='title']")!;
        StringAssert.Contains(title.QuerySelector(".merge-yours")!.TextContent, "Min egen ändring");
        StringAssert.Contains(title.QuerySelector(".merge-theirs")!.TextContent, "Ändrad av någon annan");
        Assert.IsNotNull(page.QuerySelector("#du-andrade + .table-wrap th[data-field='body']"));
        var kept = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().EditorDrafts.Select(d => d.FormJson).SingleAsync(d => d.Contains("Min egen text")));
        StringAssert.Contains(kept, "Min egen ändring");
    }

    [TestMethod]
    public async Task Editing_a_published_story_makes_a_new_version_while_the_public_page_stays()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var (id, slug, title) = await Factory.WithScopeAsync(async s =>
        {
            var row = await s.GetRequiredService<PortalDbContext>().PublishedContent.OrderBy(p => p.Slug).LastAsync(p => p.Type == ContentType.Story);
            return (row.ItemId, row.Slug, row.Title);
        });
        var (_, before) = await LatestAsync(id);

        using var response = await (await EditingBrowserForm.LoadAsync(client, $"/redaktion/innehall/{id}/redigera"))
            .Set("title", "Ny titel i utkastet").Set("changeNote", "Ny titel").SubmitAsync(client);
        Assert.AreEqual(id, ItemIdFromLocation(response));

        var (item, after) = await LatestAsync(id);
        Assert.AreEqual(before.Number + 1, after.Number);
        Assert.AreEqual("Ny titel", after.ChangeNote);
        Assert.AreNotEqual(item.LatestVersionId, item.PublishedVersionId);
        // Nothing but the title changed on the way through the form.
        var expected = ContentDocumentSerializer.Deserialize<StoryDocument>(before.DocumentJson) with { Title = "Ny titel i utkastet" };
        Assert.AreEqual(ContentDocumentSerializer.Serialize(expected), after.DocumentJson);

        var publicPage = await Factory.CreateBrowserClient().GetPageAsync($"/berattelser/{slug}");
        Assert.AreEqual(title, publicPage.QuerySelector("h1")!.TextContent.Trim());
    }

    [TestMethod]
    public async Task Markdown_preview_renders_the_text_without_script_and_saves_nothing()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var before = await CountAsync(db => db.ContentVersions);
        using var response = await (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/page"))
            .Set("title", "Förhandsgranskad sida")
            .Set("body", "Det här är **fet** text. <script>alert('x')</script>")
            .SubmitAsync(client, "preview");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = await new HtmlParser().ParseDocumentAsync(html);
        var preview = page.QuerySelector("#f-body-preview")!;
        Assert.AreEqual("fet", preview.QuerySelector("strong")!.TextContent);
        Assert.IsNull(preview.QuerySelector("script"));
        StringAssert.Contains(preview.TextContent, "<script>alert('x')</script>");
        Assert.IsFalse(html.Contains("<script>alert", StringComparison.Ordinal));
        Assert.AreEqual("Förhandsgranskad sida", page.QuerySelector("#f-title")!.GetAttribute("value"));
        Assert.AreEqual("Det här är **fet** text. <script>alert('x')</script>", page.QuerySelector("#f-body")!.TextContent);
        Assert.AreEqual(before, await CountAsync(db => db.ContentVersions));
    }

    [TestMethod]
    public async Task More_rows_adds_empty_rows_and_keeps_what_was_typed()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var before = await CountAsync(db => db.ContentVersions);
        var form = (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/story"))
            .Set("title", "Rader")
            .Set("roles.actors[0].name", "Första")
            .Set("roles.actors[1].name", "Andra");
        Assert.AreEqual(2, form.Page.QuerySelectorAll("input[name$='.name'][name^='roles.actors']").Length);

        using var response = await form.SubmitAsync(client, "rows:roles.actors");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var again = await EditingBrowserForm.FromResponseAsync(form.Url, response);
        Assert.AreEqual(4, again.Page.QuerySelectorAll("input[name$='.name'][name^='roles.actors']").Length);
        Assert.AreEqual("Första", again.Value("roles.actors[0].name"));
        Assert.AreEqual("Andra", again.Value("roles.actors[1].name"));
        Assert.AreEqual("", again.Value("roles.actors[3].name"));
        Assert.AreEqual("Rader", again.Value("title"));
        Assert.AreEqual(2, again.Page.QuerySelectorAll("input[name^='contacts'][name$='.name']").Length, "other groups keep their rows");
        Assert.AreEqual(before, await CountAsync(db => db.ContentVersions));
    }

    [TestMethod]
    public async Task Collections_and_initiatives_are_created_through_their_forms()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var stories = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems
            .Where(i => i.Type == ContentType.Story).OrderBy(i => i.Slug).Select(i => i.Id).Take(3).ToListAsync());

        using var collectionResponse = await (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/collection"))
            .Set("title", "Tema nattillsyn")
            .Set("description", "Berättelser om *natten*.")
            .Set("stories[0].storyId", stories[0].ToString()).Set("stories[0].position", "2")
            .Set("stories[1].storyId", stories[1].ToString()).Set("stories[1].position", "1")
            .Set("tags", "Nattillsyn")
            .SubmitAsync(client);
        var collection = ContentDocumentSerializer.Deserialize<CollectionDocument>((await LatestAsync(ItemIdFromLocation(collectionResponse))).Version.DocumentJson);
        Assert.AreEqual("tema-nattillsyn", collection.Slug);
        Assert.AreEqual("Berättelser om *natten*.", collection.Description);
        CollectionAssert.AreEqual(new[] { stories[1], stories[0] }, collection.StoryIds.ToArray());
        CollectionAssert.AreEqual(new[] { "Nattillsyn" }, collection.Tags.ToArray());

        using var initiativeResponse = await (await EditingBrowserForm.LoadAsync(client, "/redaktion/innehall/ny/initiative"))
            .Set("title", "Utbildning i informationssäkerhet")
            .Set("slug", "utbildning-informationssakerhet")
            .Set("purpose", "Att höja kunskapen.")
            .Set("links[1].url", "https://example.se/kurs")
            .Set("links[1].label", "Kursen")
            .Set("organisations", "E-hälsomyndigheten\nSKR")
            .Set("productionYear", "2019")
            .Set("productionNote", "2019, uppdaterad 2020")
            .Set("sectors", "SocialServices")
            .Set("targetGroups", "DecisionMakers", "Professionals")
            .Set("subAreas", "Regulation")
            .Set("areas", "InformationSecurity", "Law")
            .SubmitAsync(client);
        var initiative = ContentDocumentSerializer.Deserialize<InitiativeDocument>((await LatestAsync(ItemIdFromLocation(initiativeResponse))).Version.DocumentJson);
        Assert.AreEqual(new InitiativeLink { Url = "https://example.se/kurs", Label = "Kursen" }, initiative.Links.Single());
        CollectionAssert.AreEqual(new[] { "E-hälsomyndigheten", "SKR" }, initiative.Organisations.ToArray());
        Assert.AreEqual(2019, initiative.ProductionYear);
        Assert.AreEqual("2019, uppdaterad 2020", initiative.ProductionNote);
        CollectionAssert.AreEqual(new[] { InitiativeSector.SocialServices }, initiative.Sectors.ToArray());
        CollectionAssert.AreEqual(new[] { TargetGroup.DecisionMakers, TargetGroup.Professionals }, initiative.TargetGroups.ToArray());
        CollectionAssert.AreEqual(new[] { InitiativeSubArea.Regulation }, initiative.SubAreas.ToArray());
        CollectionAssert.AreEqual(new[] { InitiativeArea.InformationSecurity, InitiativeArea.Law }, initiative.Areas.ToArray());
    }

    [TestMethod]
    public async Task The_editor_requires_an_editorial_role()
    {
        using var anonymous = await Factory.CreateBrowserClient().GetAsync(new Uri("/redaktion/innehall/ny/story", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, anonymous.StatusCode);
        StringAssert.Contains(anonymous.Headers.Location!.OriginalString, "/redaktion/logga-in");

        var noRole = await Factory.SignInAsync(NoRoleEmail);
        using var denied = await noRole.GetAsync(new Uri("/redaktion/innehall/ny/story", UriKind.Relative));
        if (denied.StatusCode == HttpStatusCode.Redirect)
        {
            StringAssert.Contains(denied.Headers.Location!.OriginalString, "/fel/403");
            using var errorPage = await noRole.GetAsync(denied.Headers.Location);
            Assert.AreEqual(HttpStatusCode.Forbidden, errorPage.StatusCode);
        }
        else
        {
            Assert.AreEqual(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        var id = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().ContentItems.Select(i => i.Id).FirstAsync());
        using var deniedEdit = await noRole.GetAsync(new Uri($"/redaktion/innehall/{id}/redigera", UriKind.Relative));
        Assert.AreNotEqual(HttpStatusCode.OK, deniedEdit.StatusCode);
    }

    [TestMethod]
    public async Task Every_form_field_has_a_label()
    {
        var client = await Factory.SignInAsync(EditorEmail);
        var ids = await Factory.WithScopeAsync(async s => await s.GetRequiredService<PortalDbContext>().ContentItems
            .GroupBy(i => i.Type).Select(g => g.First().Id).ToListAsync());
        var urls = new[] { "story", "collection", "initiative", "page" }.Select(t => $"/redaktion/innehall/ny/{t}")
            .Concat(ids.Select(id => $"/redaktion/innehall/{id}/redigera"));
        foreach (var url in urls)
        {
            var page = await client.GetPageAsync(url);
            var controls = page.QuerySelectorAll("main input, main select, main textarea")
                .Where(e => e.GetAttribute("type") is not ("hidden" or "submit" or "button"))
                .ToList();
            Assert.IsTrue(controls.Count > 0, url);
            foreach (var control in controls)
            {
                var id = control.Id;
                var labelled = !string.IsNullOrEmpty(control.GetAttribute("aria-label")) ||
                    (!string.IsNullOrEmpty(id) && page.QuerySelectorAll("label").Any(l => l.GetAttribute("for") == id && l.TextContent.Trim().Length > 0));
                Assert.IsTrue(labelled, $"{url}: {control.GetAttribute("name")} saknar etikett");
            }
            var allIds = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
            Assert.AreEqual(allIds.Count, allIds.Distinct().Count(), $"{url}: id:n är unika");
            foreach (var describedBy in page.QuerySelectorAll("[aria-describedby]").SelectMany(e => e.GetAttribute("aria-describedby")!.Split(' ')))
            {
                Assert.IsNotNull(page.GetElementById(describedBy), $"{url}: aria-describedby {describedBy}");
            }
            Assert.IsNull(page.QuerySelector("[style]"), $"{url}: ingen inline-stil");
            Assert.IsFalse(page.QuerySelectorAll("script").Any(s => !s.HasAttribute("src")), $"{url}: inget inline-skript");
        }
    }
}
