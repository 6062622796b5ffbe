using AngleSharp.Html.Parser;
using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Members.Accounts.MemberSteps;

namespace EHalsostodet.Tests.Members.Accounts;

/// <summary>The profile page and the "För dig" suggestions it drives on the start page.</summary>
[TestClass]
public sealed class ProfileTests : PortalTestClass<ProfileTests>
{
    private static Task<HttpResponseMessage> SaveProfileAsync(HttpClient client, string role, string municipality, string[] areas, string[] interests)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("DisplayName", "Kim Enhetschef"),
            new("Role", role),
            new("MunicipalityCode", municipality),
        };
        fields.AddRange(areas.Select(a => new KeyValuePair<string, string>("Areas", a)));
        fields.AddRange(interests.Select(i => new KeyValuePair<string, string>("Interests", i)));
        return PostFieldsAsync(client, "/mina-sidor/profil", fields);
    }

    private static async Task<HttpResponseMessage> PostFieldsAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await Forms.TokenAsync(client, url)));
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [TestMethod]
    public async Task The_profile_is_saved_and_wrong_choices_are_explained_with_the_input_kept()
    {
        const string email = "profil@kommun.example.se";
        var userId = await Factory.CreateUserAsync(email, PortalRoles.Member);
        var client = await SignedInClientAsync(Factory, email);

        var form = await client.GetPageAsync("/mina-sidor/profil");
        Assert.AreEqual(291, form.QuerySelectorAll("#MunicipalityCode option").Length, "290 kommuner och ett tomt val");
        Assert.IsTrue(form.QuerySelectorAll("#MunicipalityCode optgroup").Length >= 21, "grupperade per län");
        Assert.AreEqual("Äldreomsorg", form.QuerySelector("label[for='area-elderlyCare']")!.TextContent);

        using (var wrong = await SaveProfileAsync(client, "enhetschef", "9999", ["elderlyCare"], ["digital-nattillsyn", "finns-inte"]))
        {
            Assert.AreEqual(HttpStatusCode.OK, wrong.StatusCode);
            var page = await new HtmlParser().ParseDocumentAsync(await wrong.Content.ReadAsStringAsync());
            StringAssert.Contains(page.QuerySelector("#municipality-error")!.TextContent, "Välj en kommun i listan");
            StringAssert.Contains(page.QuerySelector("main .alert-error")!.TextContent, "Okänd tagg: finns-inte");
            Assert.AreEqual("enhetschef", page.QuerySelector("#Role option[selected]")!.GetAttribute("value"));
            Assert.IsTrue(page.QuerySelector("#area-elderlyCare")!.HasAttribute("checked"));
            Assert.IsTrue(page.QuerySelector("#interest-digital-nattillsyn")!.HasAttribute("checked"));
            Assert.AreEqual("Kim Enhetschef", page.QuerySelector("#DisplayName")!.GetAttribute("value"));
        }
        Assert.IsFalse(await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberProfiles.AnyAsync(p => p.UserId == userId && p.Role != null)));

        using (var saved = await SaveProfileAsync(client, "enhetschef", "0580", ["elderlyCare", "municipalHealthCare"], ["digital-nattillsyn"]))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        var profile = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == userId));
        Assert.AreEqual("enhetschef", profile.Role);
        Assert.AreEqual("0580", profile.MunicipalityCode);
        CollectionAssert.AreEqual(new[] { "elderlyCare", "municipalHealthCare" }, profile.Areas);
        CollectionAssert.AreEqual(new[] { "digital-nattillsyn" }, profile.Interests);
        var reloaded = await client.GetPageAsync("/mina-sidor/profil");
        Assert.AreEqual("0580", reloaded.QuerySelector("#MunicipalityCode option[selected]")!.GetAttribute("value"));
        StringAssert.Contains(reloaded.QuerySelector("main .alert-success")!.TextContent, "Profilen är sparad");
    }

    [TestMethod]
    public async Task For_you_shows_stories_with_the_interests_and_from_the_same_municipality_group()
    {
        const string email = "forslag@kommun.example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member);
        var client = await SignedInClientAsync(Factory, email);
        using (var saved = await SaveProfileAsync(client, "verksamhetsutvecklare", "0580", [], ["digital-nattillsyn"]))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, saved.StatusCode);
        }
        var tagged = await Factory.WithScopeAsync(s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            return db.PublishedContent.Where(p => p.Type == ContentType.Story &&
                db.PublishedFacets.Any(f => f.ItemId == p.ItemId && f.Facet == FacetNames.Tag && f.Value == "digital-nattillsyn"))
                .Select(p => p.Title).ToListAsync();
        });
        Assert.IsTrue(tagged.Count >= 2);

        var home = await client.GetPageAsync("/");
        var section = home.QuerySelector("section.for-you")!;
        Assert.AreEqual("För dig", section.QuerySelector("h2")!.TextContent);
        var byInterest = section.QuerySelectorAll("ul[aria-labelledby='for-you-interests'] > li").ToList();
        CollectionAssert.AreEquivalent(tagged, byInterest.Select(li => li.QuerySelector(".card-title")!.TextContent.Trim()).ToList());
        Assert.IsTrue(byInterest.All(li => li.QuerySelector(".for-you-reason")!.TextContent == "Du är intresserad av taggen Digital nattillsyn."));

        // Linköping is a larger city (B3), like the example municipalities Storköping and Havsstad.
        var similar = section.QuerySelectorAll("ul[aria-labelledby='for-you-municipalities'] > li").ToList();
        Assert.IsTrue(similar.Count is > 0 and <= 3);
        foreach (var li in similar)
        {
            StringAssert.Contains(li.QuerySelector(".for-you-reason")!.TextContent, "Från en kommun i samma kommungrupp som Linköping");
            var municipality = li.QuerySelector(".card-meta span")!.TextContent;
            Assert.IsTrue(municipality is "Storköping" or "Havsstad", municipality);
            Assert.IsFalse(tagged.Contains(li.QuerySelector(".card-title")!.TextContent.Trim()), "no story twice");
        }

        // Nobody else sees it.
        var anonymous = await Factory.CreateBrowserClient().GetPageAsync("/");
        Assert.IsNull(anonymous.QuerySelector("section.for-you"));
    }

    [TestMethod]
    public async Task Without_a_profile_for_you_invites_the_member_to_fill_it_in()
    {
        const string email = "tom.profil@kommun.example.se";
        await Factory.CreateUserAsync(email, PortalRoles.Member);
        var client = await SignedInClientAsync(Factory, email);

        var section = (await client.GetPageAsync("/")).QuerySelector("section.for-you")!;
        Assert.IsNotNull(section.QuerySelector("a[href='/mina-sidor/profil']"));
        Assert.AreEqual(0, section.QuerySelectorAll(".card").Length);
    }
}
