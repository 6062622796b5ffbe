using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sync;

namespace EHalsostodet.Tests.Sync;

[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class SyncFileReaderTests
{
    private const string ValidPage = """
        id: 9a9e0000-0000-4000-8000-0000000000aa
        type: page
        state: published
        reviewBy: 2027-01-31
        document:
          title: "Om: portalen"
          slug: om-portalen
          body: |
            ## Rubrik
            Text med å, ä och ö.
        """;

    [TestMethod]
    public void A_valid_file_becomes_a_typed_document()
    {
        var (file, problem) = SyncFileReader.Read("content/pages/om-portalen.yml", ValidPage);

        Assert.IsNull(problem);
        Assert.AreEqual(ContentType.Page, file!.Type);
        Assert.IsTrue(file.Published);
        Assert.AreEqual(new DateOnly(2027, 1, 31), file.ReviewBy);
        var page = (PageDocument)file.Document;
        Assert.AreEqual("Om: portalen", page.Title);
        StringAssert.Contains(page.Body, "å, ä och ö");
    }

    [TestMethod]
    public void Unquoted_numbers_are_accepted_where_text_is_expected()
    {
        var yaml = """
            id: 5e0a0000-0000-4000-8000-0000000000aa
            type: story
            state: draft
            document:
              title: Test
              slug: test
              benefits:
                effects:
                  - target: staff
                    indicators:
                      - { name: Larm, value: 12.5, baseline: 30, period: 2019 }
            """;

        var (file, problem) = SyncFileReader.Read("content/stories/test.yml", yaml);

        Assert.IsNull(problem, problem?.ToString());
        var indicator = ((StoryDocument)file!.Document).Benefits.Effects[0].Indicators[0];
        Assert.AreEqual("2019", indicator.Period);
        Assert.AreEqual(12.5m, indicator.Value);
    }

    [TestMethod]
    public void Broken_yaml_is_reported_with_its_line()
    {
        var yaml = ValidPage.Replace("  slug: om-portalen", "  slug: [om-portalen", StringComparison.Ordinal);

        var (file, problem) = SyncFileReader.Read("content/pages/om-portalen.yml", yaml);

        Assert.IsNull(file);
        Assert.AreEqual("content/pages/om-portalen.yml", problem!.RelativePath);
        Assert.IsTrue(problem.Line >= 7, problem.ToString());
        StringAssert.StartsWith(problem.Message, "Filen är inte giltig YAML");
    }

    [TestMethod]
    public void An_unknown_enum_value_points_to_the_field_line()
    {
        var yaml = """
            id: 5e0a0000-0000-4000-8000-0000000000aa
            type: story
            state: published
            document:
              title: Test
              slug: test
              outcome: superb
            """;

        var (_, problem) = SyncFileReader.Read("content/stories/test.yml", yaml);

        Assert.AreEqual(7, problem!.Line);
        StringAssert.Contains(problem.Message, "\"outcome\"");
    }

    [TestMethod]
    public void A_misspelt_field_is_refused_with_its_line()
    {
        var yaml = ValidPage.Replace("  body: |", "  bodi: |", StringComparison.Ordinal);

        var (_, problem) = SyncFileReader.Read("content/pages/om-portalen.yml", yaml);

        Assert.AreEqual(8, problem!.Line);
        StringAssert.Contains(problem.Message, "okänt fält");
    }

    [TestMethod]
    [DataRow("id: inte-ett-guid", "\"id\"")]
    [DataRow("type: article", "\"type\"")]
    [DataRow("state: live", "\"state\"")]
    [DataRow("reviewBy: 31/1/2027", "\"reviewBy\"")]
    public void Bad_header_values_are_explained(string line, string mentioned)
    {
        var key = line.Split(':')[0];
        var yaml = string.Join('\n', ValidPage.Split('\n').Select(l => l.StartsWith(key + ":", StringComparison.Ordinal) ? line : l));

        var (_, problem) = SyncFileReader.Read("content/pages/x.yml", yaml);

        StringAssert.Contains(problem!.Message, mentioned);
    }
}
