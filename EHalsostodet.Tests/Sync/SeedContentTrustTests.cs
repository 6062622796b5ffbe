using System.Globalization;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sync;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Sync;

/// <summary>
/// The seed content agrees with its sources: links as the report's Bilaga 2 footnotes correct
/// them, facets that add up to the report's own counts (Figur 5, footnotes 8–18), one phone
/// number per contact, and an initiative either links somewhere or says why it cannot.
/// </summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class SeedContentTrustTests
{
    private static readonly Lazy<IReadOnlyList<SyncFile>> Files = new(() =>
        SyncFolder.ContentFiles(TestPaths.SeedFolder)
            .Select(path => SyncFileReader.Read(path, File.ReadAllText(Path.Combine(TestPaths.SeedFolder, path))))
            .Select(r => r.File ?? throw new AssertFailedException(r.Problem!.ToString()))
            .ToList());

    /// <summary>Addresses copied from the report's damaged table (Bilaga 3) or since moved.</summary>
    private static readonly string[] BadLinkPatterns =
    [
        "://sk.se", "klassa-info.sk.se", "skl.se/", "nyttorealiserig", "battre-arbete-med-nyttorealiserings",
        "/or/uppandlingsmyndigheten", "uppandlingsmyndigheten", "#oggain", "ekonomisktbestand", "RibData/Files/",
        "digitaliseringsnurrar",
    ];

    private static IEnumerable<(SyncFile File, InitiativeDocument Initiative)> Initiatives() =>
        Files.Value.Where(f => f.Document is InitiativeDocument).Select(f => (f, (InitiativeDocument)f.Document));

    /// <summary>The 36 initiatives of Bilaga 3 by their löpnummer, which their ids end with.</summary>
    private static Dictionary<int, InitiativeDocument> ReportInitiatives() =>
        Initiatives().Where(i => i.File.Id.ToString().StartsWith("4b480000-", StringComparison.Ordinal))
            .ToDictionary(i => int.Parse(i.File.Id.ToString()[^4..], CultureInfo.InvariantCulture), i => i.Initiative);

    [TestMethod]
    public void No_link_follows_a_known_bad_pattern()
    {
        var problems = new List<string>();
        foreach (var file in Files.Value.Where(f => f.Document is InitiativeDocument or StoryDocument))
        {
            var urls = file.Document switch
            {
                InitiativeDocument initiative => initiative.Links.Select(l => l.Url),
                _ => [],
            };
            // Stories carry addresses only in their text.
            var text = File.ReadAllText(Path.Combine(TestPaths.SeedFolder, file.RelativePath));
            problems.AddRange(BadLinkPatterns.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => $"{file.RelativePath} innehåller {p}"));
            foreach (var url in urls)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    problems.Add($"{file.RelativePath}: {url} är ingen fullständig webbadress");
                }
            }
        }
        Assert.AreEqual(0, problems.Count, string.Join('\n', problems));
    }

    [TestMethod]
    public void Every_initiative_links_somewhere_or_says_why_not_and_dates_no_review_that_never_happened()
    {
        foreach (var (file, initiative) in Initiatives())
        {
            Assert.IsTrue(initiative.Links.Count > 0 || initiative.NoLinkReason.Trim().Length > 20, $"{file.RelativePath}: varken länk eller skäl");
            Assert.IsNull(file.LastReviewed, $"{file.RelativePath}: lastReviewed påstår en granskning; ange när länken kontrollerades i stället");
        }
    }

    [TestMethod]
    public void Delomraden_add_up_to_the_reports_figure_5_and_footnotes_11_to_15()
    {
        var initiatives = ReportInitiatives();
        Assert.AreEqual(36, initiatives.Count);

        int Count(InitiativeSubArea area) => initiatives.Values.Count(i => i.SubAreas.Contains(area));
        Assert.AreEqual(32, Count(InitiativeSubArea.EHealthGeneral), "E-hälsa övrigt");
        Assert.AreEqual(2, Count(InitiativeSubArea.ConsistentTerminology), "Enhetligare begreppsanvändning");
        Assert.AreEqual(4, Count(InitiativeSubArea.Standards), "Standarder");
        Assert.AreEqual(15, Count(InitiativeSubArea.Regulation), "Regelverk");

        int[] onlyGeneral = [9, 10, 11, 12, 14, 17, 18, 21, 23, 26, 29, 30, 42, 43, 47, 48, 57, 58, 60, 62];
        CollectionAssert.AreEquivalent(onlyGeneral, Numbers(initiatives, i => i.SubAreas is [InitiativeSubArea.EHealthGeneral]), "fotnot 11");
        CollectionAssert.AreEquivalent(new[] { 1, 56 }, Numbers(initiatives, i => i.SubAreas is [InitiativeSubArea.Regulation]), "fotnot 13");
        CollectionAssert.AreEquivalent(new[] { 2 }, Numbers(initiatives, i => i.SubAreas.Order().SequenceEqual([InitiativeSubArea.ConsistentTerminology, InitiativeSubArea.Standards])), "fotnot 14");
        Assert.AreEqual(12, initiatives.Values.Count(i => i.SubAreas.Contains(InitiativeSubArea.EHealthGeneral) && i.SubAreas.Count > 1), "fotnot 12");
    }

    [TestMethod]
    public void Malgrupper_and_verksamhetsomraden_follow_footnotes_8_to_10_and_16_to_18()
    {
        var initiatives = ReportInitiatives();

        Assert.IsTrue(initiatives.Values.All(i => i.TargetGroups.Contains(TargetGroup.DecisionMakers)), "alla stödjer beslutsfattare");
        CollectionAssert.AreEquivalent(new[] { 12 }, Numbers(initiatives, i => i.TargetGroups.Count == 1), "fotnot 16");
        CollectionAssert.AreEquivalent(new[] { 13, 14, 23, 26, 29, 30, 42, 47, 48, 57, 59, 63 }, Numbers(initiatives, i => i.TargetGroups.Count == 2), "fotnot 17");
        CollectionAssert.AreEquivalent(
            new[] { 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 15, 17, 18, 21, 24, 25, 43, 56, 58, 60, 61, 62, 64 },
            Numbers(initiatives, i => i.TargetGroups.Count >= 3), "fotnot 18");

        CollectionAssert.AreEquivalent(
            new[] { 1, 2, 4, 6, 9, 10, 11, 13, 17, 18, 24, 26, 29, 30, 42, 43, 47, 48, 57, 58, 63 },
            Numbers(initiatives, i => i.Sectors.Count == 3), "fotnot 8");
        CollectionAssert.AreEquivalent(new[] { 3, 23, 61, 62 }, Numbers(initiatives, i => i.Sectors is [InitiativeSector.SocialServices]), "fotnot 9");
        CollectionAssert.AreEquivalent(
            new[] { 7, 8, 12, 14, 15, 21, 25, 56, 59, 60, 64 },
            Numbers(initiatives, i => i.Sectors.Order().SequenceEqual([InitiativeSector.SocialServices, InitiativeSector.MunicipalHealthCare])), "fotnot 10");
        CollectionAssert.IsSubsetOf(new[] { InitiativeArea.Collaboration, InitiativeArea.Procurement }, initiatives[25].Areas.ToArray(), "nr 25 hör till upphandling också");
    }

    [TestMethod]
    public void No_phone_number_is_shared_by_two_contacts()
    {
        var contacts = Files.Value
            .SelectMany(f => f.Document is StoryDocument story ? story.Contacts.Select(c => (f.RelativePath, c.Name, Digits: new string(c.Phone.Where(char.IsAsciiDigit).ToArray()))) : [])
            .Where(c => c.Digits.Length > 0)
            .ToList();

        var shared = contacts.GroupBy(c => c.Digits).Where(g => g.Select(c => c.Name).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => $"{c.Name} ({c.RelativePath})"))}")
            .ToList();
        Assert.IsTrue(contacts.Count >= 24);
        Assert.AreEqual(0, shared.Count, string.Join('\n', shared));
    }

    private static int[] Numbers(Dictionary<int, InitiativeDocument> initiatives, Func<InitiativeDocument, bool> predicate) =>
        initiatives.Where(i => predicate(i.Value)).Select(i => i.Key).Order().ToArray();
}
