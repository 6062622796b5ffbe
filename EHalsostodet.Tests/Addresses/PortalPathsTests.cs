using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Export;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Addresses;

/// <summary>
/// The addresses <see cref="PortalPaths"/> builds are the ones the portal answers: each kind is
/// matched by its route (as written in <c>@page</c> or <c>Map…</c>, constraints included), every
/// page of the portal has its address there, and a slug with odd characters stays one segment.
/// </summary>
[TestClass]
public sealed class PortalPathsTests
{
    private static readonly Guid Id = Guid.Parse("6f1d3c2a-8b47-4e0f-9a5d-2c7e1b3f4a90");

    /// <summary>Every kind of address: a name for the test's output, the address built, and the route that answers it.</summary>
    public static IEnumerable<object[]> Kinds()
    {
        object[] Row(string name, string path, string route) => [name, path, route];
        yield return Row("start", PortalPaths.Home, "/");
        yield return Row("berättelser", PortalPaths.StoryList, "/berattelser");
        yield return Row("berättelse", PortalPaths.Story("digital-nattillsyn"), "/berattelser/{slug}");
        yield return Row("berättelse av typ", PortalPaths.Of(ContentType.Story, "digital-nattillsyn"), "/berattelser/{slug}");
        yield return Row("berättelse som pdf", PortalPaths.StoryExport("digital-nattillsyn", ExportFormat.Pdf), "/berattelser/{slug}/{format:regex(^(pdf|pptx|docx)$)}");
        yield return Row("berättelse som pptx", PortalPaths.StoryExport("digital-nattillsyn", ExportFormat.Pptx), "/berattelser/{slug}/{format:regex(^(pdf|pptx|docx)$)}");
        yield return Row("berättelse som docx", PortalPaths.StoryExport("digital-nattillsyn", ExportFormat.Docx), "/berattelser/{slug}/{format:regex(^(pdf|pptx|docx)$)}");
        yield return Row("berättelsens kortversion", PortalPaths.StoryShortPdf("digital-nattillsyn"), "/berattelser/{slug}/kortversion/pdf");
        yield return Row("berättelsens qr-kod", PortalPaths.QrCode(PortalPaths.Story("digital-nattillsyn")), "/berattelser/{slug}/qr.svg");
        yield return Row("samlingar", PortalPaths.CollectionList, "/samlingar");
        yield return Row("samling", PortalPaths.Collection("trygg-hemma"), "/samlingar/{slug}");
        yield return Row("samling av typ", PortalPaths.Of(ContentType.Collection, "trygg-hemma"), "/samlingar/{slug}");
        yield return Row("samling som pdf", PortalPaths.CollectionPdf("trygg-hemma"), "/samlingar/{slug}/pdf");
        yield return Row("samlingens flöde", PortalPaths.CollectionFeed("trygg-hemma"), "/samlingar/{slug}/feed");
        yield return Row("samlingens qr-kod", PortalPaths.QrCode(PortalPaths.Collection("trygg-hemma")), "/samlingar/{slug}/qr.svg");
        yield return Row("initiativ", PortalPaths.InitiativeList, "/kunskapshojande-initiativ");
        yield return Row("initiativ inom område", PortalPaths.InitiativeArea("valfardsteknik"), "/kunskapshojande-initiativ");
        yield return Row("ett initiativ", PortalPaths.Initiative("digitalt-forst"), "/kunskapshojande-initiativ/{slug}");
        yield return Row("initiativ av typ", PortalPaths.Of(ContentType.Initiative, "digitalt-forst"), "/kunskapshojande-initiativ/{slug}");
        yield return Row("sida", PortalPaths.ContentPage("om"), "/{slug:regex(^[a-z0-9-]+$)}");
        yield return Row("sida av typ", PortalPaths.Of(ContentType.Page, "kontakt"), "/{slug:regex(^[a-z0-9-]+$)}");
        yield return Row("om", PortalPaths.About, "/{slug:regex(^[a-z0-9-]+$)}");
        yield return Row("tillgänglighetsredogörelse", PortalPaths.AccessibilityStatement, "/{slug:regex(^[a-z0-9-]+$)}");
        yield return Row("kontakt", PortalPaths.Contact, "/{slug:regex(^[a-z0-9-]+$)}");
        yield return Row("personuppgifter", PortalPaths.Privacy, "/{slug:regex(^[a-z0-9-]+$)}");
        yield return Row("taggar", PortalPaths.TagList, "/taggar");
        yield return Row("tagg", PortalPaths.Tag("trygghetslarm"), "/taggar/{slug}");
        yield return Row("taggens flöde", PortalPaths.TagFeed("trygghetslarm"), "/taggar/{slug}/feed");
        yield return Row("sök", PortalPaths.SearchPage, "/sok");
        yield return Row("sökning", PortalPaths.Search(query: "larm"), "/sok");
        yield return Row("sökning på tagg", PortalPaths.Search(tag: "trygghetslarm"), "/sok");
        yield return Row("skriv till oss", PortalPaths.ContactForm, "/skriv-till-oss");
        yield return Row("skickat", PortalPaths.ContactFormSent, "/skriv-till-oss/skickat");
        yield return Row("webbplatskarta", PortalPaths.Sitemap, "/sitemap.xml");
        yield return Row("delad samling", PortalPaths.SharedCollection("abc123"), "/delad-samling/{token}");
        yield return Row("delad samling som pdf", PortalPaths.SharedCollectionPdf("abc123"), "/delad-samling/{token}/pdf");
        yield return Row("delad samlings qr-kod", PortalPaths.QrCode(PortalPaths.SharedCollection("abc123")), "/delad-samling/{token}/qr.svg");
        yield return Row("delad handlingsplan", PortalPaths.SharedPlan("abc123"), "/delad-handlingsplan/{token}");
        yield return Row("delad handlingsplan som pdf", PortalPaths.SharedPlanExport("abc123", ExportFormat.Pdf), "/delad-handlingsplan/{token}/{format:regex(^(pdf|docx)$)}");
        yield return Row("delad handlingsplan som docx", PortalPaths.SharedPlanExport("abc123", ExportFormat.Docx), "/delad-handlingsplan/{token}/{format:regex(^(pdf|docx)$)}");
        yield return Row("avsluta prenumeration", PortalPaths.Unsubscribe("abc123"), "/avsluta-prenumeration/{token}");
        yield return Row("felsida", PortalPaths.Error(404), "/fel/{code:int?}");

        yield return Row("mina sidor", PortalPaths.Members.Home, "/mina-sidor");
        yield return Row("logga in", PortalPaths.Members.Login(), "/mina-sidor/logga-in");
        yield return Row("logga in och tillbaka", PortalPaths.Members.Login("/berattelser/a?b=c"), "/mina-sidor/logga-in");
        yield return Row("logga ut", PortalPaths.Members.Logout, "/mina-sidor/logga-ut");
        yield return Row("registrera", PortalPaths.Members.Register, "/mina-sidor/registrera");
        yield return Row("glömt lösenord", PortalPaths.Members.ForgotPassword, "/mina-sidor/glomt-losenord");
        yield return Row("bekräfta", PortalPaths.Members.AccountLink(PortalPaths.Members.Confirm, "u1", "t+1/2="), "/mina-sidor/bekrafta");
        yield return Row("nytt lösenord", PortalPaths.Members.AccountLink(PortalPaths.Members.ResetPassword, "u1", "t+1/2="), "/mina-sidor/aterstall-losenord");
        yield return Row("profil", PortalPaths.Members.Profile, "/mina-sidor/profil");
        yield return Row("sparat", PortalPaths.Members.Saved, "/mina-sidor/sparat");
        yield return Row("spara efter inloggning", PortalPaths.Members.ConfirmSave(Id, "tillbaka", "/sok?q=a&b=c"), "/mina-sidor/spara/{id:guid}");
        yield return Row("mina samlingar", PortalPaths.Members.OwnCollections, "/mina-sidor/samlingar");
        yield return Row("min samling", PortalPaths.Members.OwnCollection(Id), "/mina-sidor/samlingar/{id:guid}");
        yield return Row("min samling som pdf", PortalPaths.Members.OwnCollectionPdf(Id), "/mina-sidor/samlingar/{id:guid}/pdf");
        yield return Row("handlingsplaner", PortalPaths.Members.Plans, "/mina-sidor/handlingsplaner");
        yield return Row("handlingsplan", PortalPaths.Members.Plan(Id), "/mina-sidor/handlingsplaner/{id:guid}");
        yield return Row("handlingsplan som pdf", PortalPaths.Members.PlanExport(Id, ExportFormat.Pdf), "/mina-sidor/handlingsplaner/{id:guid}/{format:regex(^(pdf|docx)$)}");
        yield return Row("handlingsplan som docx", PortalPaths.Members.PlanExport(Id, ExportFormat.Docx), "/mina-sidor/handlingsplaner/{id:guid}/{format:regex(^(pdf|docx)$)}");
        yield return Row("notiser", PortalPaths.Members.Notices, "/mina-sidor/notiser");
        yield return Row("notiser sida 2", PortalPaths.Members.NoticesPage(2), "/mina-sidor/notiser");
        yield return Row("inställningar", PortalPaths.Members.Settings, "/mina-sidor/installningar");
        yield return Row("mina uppgifter", PortalPaths.Members.MyData, "/mina-sidor/mina-uppgifter");

        yield return Row("redaktion", PortalPaths.BackOffice.Home, "/redaktion");
        yield return Row("redaktionens inloggning", PortalPaths.BackOffice.Login("/redaktion/innehall"), "/redaktion/logga-in");
        yield return Row("redaktionens utloggning", PortalPaths.BackOffice.Logout, "/redaktion/logga-ut");
        yield return Row("innehåll", PortalPaths.BackOffice.ContentList, "/redaktion/innehall");
        yield return Row("nytt innehåll", PortalPaths.BackOffice.NewContent(ContentType.Story.Key()), "/redaktion/innehall/ny/{type}");
        yield return Row("översikt", PortalPaths.BackOffice.Content(Id), "/redaktion/innehall/{id:guid}");
        yield return Row("redigera", PortalPaths.BackOffice.Edit(Id), "/redaktion/innehall/{id:guid}/redigera");
        yield return Row("konflikt", PortalPaths.BackOffice.Conflict(Id), "/redaktion/innehall/{id:guid}/konflikt");
        yield return Row("förhandsgranska", PortalPaths.BackOffice.Preview(Id), "/redaktion/innehall/{id:guid}/forhandsgranska/{version:int?}");
        yield return Row("historik", PortalPaths.BackOffice.History(Id), "/redaktion/innehall/{id:guid}/historik");
        yield return Row("jämför", PortalPaths.BackOffice.Compare(Id), "/redaktion/innehall/{id:guid}/jamfor");
        yield return Row("jämför två versioner", PortalPaths.BackOffice.Compare(Id, 1, 2), "/redaktion/innehall/{id:guid}/jamfor");
        yield return Row("mediebibliotek", PortalPaths.BackOffice.Media, "/redaktion/media");
        yield return Row("bild", PortalPaths.BackOffice.MediaItem(Id), "/redaktion/media/{id:guid}");
        yield return Row("insikter", PortalPaths.BackOffice.Insights, "/redaktion/insikter");
        yield return Row("insikter om innehåll", PortalPaths.BackOffice.InsightsItem(Id, "fran=2026-01-01"), "/redaktion/insikter/innehall/{id:guid}");
        yield return Row("sökningar utan träffar", PortalPaths.BackOffice.SearchMisses, "/redaktion/sokningar-utan-traffar");
        yield return Row("sökningens ord", PortalPaths.BackOffice.SearchTuning, "/redaktion/sokning");
        yield return Row("redaktionens taggar", PortalPaths.BackOffice.Tags, "/redaktion/taggar");
        yield return Row("meddelanden", PortalPaths.BackOffice.Messages, "/redaktion/meddelanden");
        yield return Row("trasiga länkar", PortalPaths.BackOffice.Links, "/redaktion/lankar");
        yield return Row("granskningslogg", PortalPaths.BackOffice.Audit, "/redaktion/granskningslogg");
        yield return Row("användare", PortalPaths.BackOffice.Users, "/redaktion/anvandare");
        yield return Row("ny användare", PortalPaths.BackOffice.NewUser, "/redaktion/anvandare/ny");
        yield return Row("innehåll som filer", PortalPaths.BackOffice.Sync, "/redaktion/innehall-som-filer");
    }

    [TestMethod]
    [DynamicData(nameof(Kinds))]
    public void The_address_built_for_each_kind_is_answered_by_its_route(string kind, string path, string route)
    {
        var endpoints = Endpoints().Where(e => Pattern(e) == route).ToList();
        Assert.IsNotEmpty(endpoints, $"{kind}: the portal has no route {route}");
        Assert.IsTrue(endpoints.Any(e => Matches(e, path, out _)), $"{kind}: {path} is not answered by {route}");
    }

    [TestMethod]
    public void Every_page_of_the_portal_has_its_address_in_PortalPaths()
    {
        var built = Kinds().Select(row => (string)row[2]).ToHashSet(StringComparer.Ordinal);
        var pages = Endpoints()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.Any(m => m.GetType().Name == "PageRouteMetadata"))
            .Select(Pattern).Distinct().ToList();
        Assert.IsNotEmpty(pages);
        var missing = pages.Where(p => !built.Contains(p)).ToList();
        Assert.IsEmpty(missing, "pages without a PortalPaths method (add one, and a row above): " + string.Join(", ", missing));
    }

    [TestMethod]
    public void A_slug_with_odd_characters_stays_one_segment_and_reaches_the_route_unchanged()
    {
        const string odd = "å ä/ö?x=1&y#z%";
        foreach (var (path, route) in new[]
        {
            (PortalPaths.Story(odd), "/berattelser/{slug}"),
            (PortalPaths.Collection(odd), "/samlingar/{slug}"),
            (PortalPaths.Initiative(odd), "/kunskapshojande-initiativ/{slug}"),
            (PortalPaths.Tag(odd), "/taggar/{slug}"),
        })
        {
            StringAssert.DoesNotMatch(path, new System.Text.RegularExpressions.Regex("[ ?#&åäö]"), path);
            var segments = path.Split('/');
            Assert.AreEqual(odd, Uri.UnescapeDataString(segments[^1]), path);
            Assert.IsTrue(Matches(Endpoints().Single(e => Pattern(e) == route), path, out var values), path);
            Assert.AreEqual(odd, Uri.UnescapeDataString((string)values["slug"]!), path);
        }
    }

    [TestMethod]
    public void Query_values_are_escaped_and_unset_ones_left_out()
    {
        Assert.AreEqual("/sok?q=v%C3%A5rd%20%26%20omsorg", PortalPaths.Search(query: "vård & omsorg"));
        Assert.AreEqual("/sok?tag=a%2Fb", PortalPaths.Search(tag: "a/b"));
        Assert.AreEqual("/sok", PortalPaths.Search());
        Assert.AreEqual("/mina-sidor/logga-in?ReturnUrl=%2Fsok%3Fq%3Da%26sida%3D2", PortalPaths.Members.Login("/sok?q=a&sida=2"));
        Assert.AreEqual("/mina-sidor/logga-in", PortalPaths.Members.Login(""));
        Assert.AreEqual($"/redaktion/innehall/{Id}/jamfor?fran=1&till=2", PortalPaths.BackOffice.Compare(Id, 1, 2));
        Assert.AreEqual("/redaktion/meddelanden?status=open&x=1", PortalPaths.WithQuery(PortalPaths.WithQuery(PortalPaths.BackOffice.Messages, ("status", "open")), ("x", "1")));
    }

    private static IEnumerable<RouteEndpoint> Endpoints() =>
        SeededPortal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Pattern(RouteEndpoint endpoint)
    {
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
        return pattern == "/Index" ? "/" : pattern;
    }

    /// <summary>Whether the route takes the path (its query string aside), as routing would: segments, then each parameter's constraints.</summary>
    private static bool Matches(RouteEndpoint endpoint, string address, out RouteValueDictionary values)
    {
        values = new RouteValueDictionary();
        var pattern = endpoint.RoutePattern;
        var matcher = new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults));
        if (!matcher.TryMatch(PathString.FromUriComponent(address.Split('?', 2)[0]), values))
        {
            return false;
        }
        var resolver = SeededPortal.Factory.Services.GetRequiredService<IInlineConstraintResolver>();
        foreach (var (name, policies) in pattern.ParameterPolicies)
        {
            if (values[name] is null)
            {
                continue; // an optional parameter left out
            }
            foreach (var policy in policies)
            {
                var constraint = policy.ParameterPolicy as IRouteConstraint ?? resolver.ResolveConstraint(policy.Content!);
                if (constraint is not null && !constraint.Match(null, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
