using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sync;
using EHalsostodet.Tests.Infrastructure;

namespace EHalsostodet.Tests.Sync;

/// <summary>The seed content a new installation starts with is complete and varied.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class SeedContentTests
{
    private static readonly Lazy<IReadOnlyList<SyncFile>> Files = new(() =>
        SyncFolder.ContentFiles(TestPaths.SeedFolder)
            .Select(path => SyncFileReader.Read(path, File.ReadAllText(Path.Combine(TestPaths.SeedFolder, path))))
            .Select(r => r.File ?? throw new AssertFailedException(r.Problem!.ToString()))
            .ToList());

    private static IEnumerable<(SyncFile File, T Document)> Documents<T>() where T : IContentDocument =>
        Files.Value.Where(f => f.Document is T).Select(f => (f, (T)f.Document));

    [TestMethod]
    public void Every_file_is_named_after_its_slug_and_published()
    {
        foreach (var file in Files.Value)
        {
            Assert.AreEqual(file.Document.Slug + ".yml", Path.GetFileName(file.RelativePath));
            Assert.IsTrue(file.Published, file.RelativePath);
            Assert.IsNotNull(file.ReviewBy, file.RelativePath);
        }
    }

    [TestMethod]
    public void There_are_at_least_twelve_complete_stories()
    {
        var stories = Documents<StoryDocument>().ToList();
        Assert.IsTrue(stories.Count >= 12);
        foreach (var (file, story) in stories)
        {
            var where = file.RelativePath;
            Assert.IsTrue(story.Summary.Text.Length > 200, $"{where}: sammanfattning");
            Assert.IsTrue(story.Roles.Text.Length > 50 && story.Roles.Actors.Count >= 4 && story.Roles.Forums.Count >= 1, $"{where}: roller");
            Assert.IsTrue(story.Roles.Actors.Any(a => a.External) && story.Roles.Actors.Any(a => !a.External), $"{where}: interna och externa aktörer");
            Assert.IsTrue(story.Technology.Text.Length > 50 && story.Technology.Products.Count >= 1 && story.Technology.Prerequisites.Length > 20, $"{where}: teknik");
            Assert.IsTrue(story.Process.Text.Length > 50, $"{where}: processammanfattning");
            CollectionAssert.AreEqual(Enum.GetValues<ProcessStepKind>(), story.Process.Steps.Select(s => s.Step).ToArray(), where);
            foreach (var step in story.Process.Steps)
            {
                string[] fields = [step.What, step.Who, step.Challenges, step.SuccessFactors, step.Lessons, step.MethodsAndTools];
                Assert.IsTrue(fields.All(f => f.Trim().Length > 20), $"{where}: steget {step.Step.Label()} har tomma frågor");
            }
            Assert.IsTrue(story.Benefits.Effects.Select(e => e.Target).Distinct().Count() >= 2, $"{where}: nyttoeffekter för minst två mål");
            Assert.IsTrue(story.Benefits.Effects.Sum(e => e.Indicators.Count) >= 1, $"{where}: mätt indikator");
            Assert.IsTrue(story.Lessons.Text.Length > 50 && story.Lessons.Tips.Count >= 3, $"{where}: lärdomar och tips");
            Assert.IsTrue(story.Contacts.Count >= 1, $"{where}: kontaktperson");
            Assert.IsTrue(story.Tags.Count >= 4, $"{where}: minst fyra taggar");
            Assert.AreEqual(0, DocumentValidator.Validate(story).Count, where);
        }
    }

    [TestMethod]
    public void Stories_cover_every_operational_area_and_every_outcome()
    {
        var stories = Documents<StoryDocument>().Select(d => d.Document).ToList();

        CollectionAssert.AreEquivalent(Enum.GetValues<OperationalArea>(), stories.SelectMany(s => s.OperationalAreas).Distinct().ToArray());
        CollectionAssert.AreEquivalent(Enum.GetValues<Outcome>(), stories.Select(s => s.Outcome).Distinct().ToArray());
        Assert.IsTrue(stories.SelectMany(s => s.Tags).Distinct().Count() >= 15, "a broad tag vocabulary");
    }

    [TestMethod]
    public void Fictional_municipalities_are_the_example_ones()
    {
        var examples = File.ReadAllText(Path.Combine(TestPaths.SeedFolder, SyncFolder.ExampleMunicipalitiesFile));
        foreach (var (file, story) in Documents<StoryDocument>())
        {
            StringAssert.StartsWith(story.MunicipalityCode, "X", file.RelativePath);
            StringAssert.Contains(examples, $"code: {story.MunicipalityCode}", file.RelativePath);
        }
    }

    [TestMethod]
    public void Collections_hold_two_or_more_stories_and_share_at_least_one()
    {
        var collections = Documents<CollectionDocument>().Select(d => d.Document).ToList();

        Assert.IsTrue(collections.Count >= 4);
        Assert.IsTrue(collections.All(c => c.StoryIds.Count >= 2));
        Assert.IsTrue(collections.SelectMany(c => c.StoryIds).GroupBy(id => id).Any(g => g.Count() >= 2));
    }

    [TestMethod]
    public void All_36_knowledge_initiatives_of_bilaga_3_and_those_from_the_other_seeds_have_their_facts_and_an_area()
    {
        var initiatives = Documents<InitiativeDocument>().ToList();

        Assert.AreEqual(36, initiatives.Count(i => i.File.Id.ToString().StartsWith("4b480000-", StringComparison.Ordinal)), "the report's Bilaga 3");
        Assert.AreEqual(3, initiatives.Count(i => i.File.Id.ToString().StartsWith("4b490000-", StringComparison.Ordinal)), "seeds 000–002");
        foreach (var (file, initiative) in initiatives)
        {
            Assert.IsTrue(initiative.Areas.Count >= 1, file.RelativePath);
            Assert.IsTrue(initiative.Organisations.Count >= 1, file.RelativePath);
            Assert.IsTrue(initiative.Sectors.Count >= 1, file.RelativePath);
            Assert.IsTrue(initiative.TargetGroups.Count >= 1, file.RelativePath);
            Assert.IsTrue(initiative.Purpose.Length > 60, file.RelativePath);
            Assert.IsTrue(initiative.Formats.Count >= 1, file.RelativePath);
        }
        CollectionAssert.AreEquivalent(Enum.GetValues<InitiativeArea>(), initiatives.SelectMany(i => i.Document.Areas).Distinct().ToArray());
    }

    [TestMethod]
    public void The_four_pages_exist()
    {
        CollectionAssert.AreEquivalent(
            new[] { "om", "tillganglighetsredogorelse", "kontakt", "personuppgifter" },
            Documents<PageDocument>().Select(p => p.Document.Slug).ToArray());
    }

    [TestMethod]
    public void All_290_municipalities_are_listed_with_county_and_group()
    {
        var problems = new List<SyncProblem>();
        var municipalities = SyncFolder.ReadMunicipalities(TestPaths.SeedFolder, SyncFolder.MunicipalitiesFile, false, problems);

        Assert.AreEqual(0, problems.Count, string.Join('\n', problems));
        Assert.AreEqual(290, municipalities.Count);
        Assert.AreEqual(290, municipalities.Select(m => m.Code).Distinct().Count());
        Assert.IsTrue(municipalities.All(m => m.Code.Length == 4 && m.Code.All(char.IsDigit)));
        Assert.AreEqual(21, municipalities.Select(m => m.County).Distinct().Count());
        CollectionAssert.AreEquivalent(new[] { "0180", "1480", "1280" }, municipalities.Where(m => m.Group == "A1").Select(m => m.Code).ToArray());
        Assert.AreEqual("Gotlands län", municipalities.Single(m => m.Name == "Gotland").County);
    }
}
