using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Tests.Content;

[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class DocumentModelTests
{
    private static StoryDocument Story() => new()
    {
        Title = "Digital nattillsyn",
        Slug = "digital-nattillsyn",
        ShortDescription = "Kameratillsyn nattetid.",
        MunicipalityCode = "X001",
        OperationalAreas = [OperationalArea.ElderlyCare],
        Outcome = Outcome.PartlySuccessful,
        Tags = ["Trygghetslarm"],
        Benefits = new BenefitsSection
        {
            Effects = [new BenefitEffect { Target = BenefitTarget.Staff, Indicators = [new Indicator { Name = "Besök per natt", Value = 12, Baseline = 30, Unit = "st" }] }],
        },
        Process = new ProcessSection
        {
            Steps = Enum.GetValues<ProcessStepKind>().Select(s => new ProcessStep { Step = s, What = "Något gjordes." }).ToList(),
        },
    };

    [TestMethod]
    public void Every_document_type_serialises_title_and_slug_in_camel_case()
    {
        IContentDocument[] documents =
        [
            Story(),
            new CollectionDocument { Title = "Samling", Slug = "samling" },
            new InitiativeDocument { Title = "KHI", Slug = "khi" },
            new PageDocument { Title = "Om", Slug = "om" },
        ];
        foreach (var document in documents)
        {
            var json = JsonNode.Parse(ContentDocumentSerializer.Serialize(document))!.AsObject();
            Assert.AreEqual(document.Title, (string?)json["title"]);
            Assert.AreEqual(document.Slug, (string?)json["slug"]);
            Assert.IsFalse(json.ContainsKey("Title"));
        }
    }

    [TestMethod]
    public void Story_round_trips_with_enums_as_camel_case_text()
    {
        var json = ContentDocumentSerializer.Serialize(Story());

        StringAssert.Contains(json, "\"outcome\":\"partlySuccessful\"");
        StringAssert.Contains(json, "\"operationalAreas\":[\"elderlyCare\"]");
        StringAssert.Contains(json, "\"step\":\"identify\"");
        StringAssert.Contains(json, "\"target\":\"staff\"");
        var back = (StoryDocument)ContentDocumentSerializer.Deserialize(ContentType.Story, json);
        Assert.AreEqual(ContentDocumentSerializer.Serialize(back), json);
        Assert.AreEqual(30m, back.Benefits.Effects[0].Indicators[0].Baseline);
    }

    [TestMethod]
    public void Unknown_fields_are_refused_rather_than_silently_dropped()
    {
        Assert.ThrowsExactly<System.Text.Json.JsonException>(() =>
            ContentDocumentSerializer.Deserialize(ContentType.Page, """{"title":"Om","slug":"om","bodyy":"x"}"""));
    }

    [TestMethod]
    public void A_valid_story_has_no_errors()
    {
        Assert.AreEqual(0, DocumentValidator.Validate(Story()).Count);
    }

    [TestMethod]
    public void Steps_out_of_order_are_refused_in_swedish()
    {
        var story = Story() with
        {
            Process = new ProcessSection { Steps = [new ProcessStep { Step = ProcessStepKind.Test }, new ProcessStep { Step = ProcessStepKind.Identify }] },
        };

        var error = DocumentValidator.Validate(story).Single();

        Assert.AreEqual("process.steps", error.Field);
        StringAssert.Contains(error.Message, "Identifiera, Undersöka, Testa, Införa och Förvalta");
    }

    [TestMethod]
    public void Missing_title_bad_slug_and_bad_email_are_all_reported()
    {
        var story = Story() with { Title = " ", Slug = "Åh nej!", Contacts = [new Contact { Name = "A", Email = "inte-en-adress" }] };

        var fields = DocumentValidator.Validate(story).Select(e => e.Field).ToList();

        CollectionAssert.AreEquivalent(new[] { "title", "slug", "contacts[0].email" }, fields);
    }

    [TestMethod]
    public void A_collection_needs_two_different_stories()
    {
        var id = Guid.NewGuid();
        var errors = DocumentValidator.Validate(new CollectionDocument { Title = "S", Slug = "s", StoryIds = [id, id] });

        Assert.AreEqual(1, errors.Count(e => e.Field == "storyIds" && e.Message.Contains("två gånger", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow("Äldreomsorg på distans", "aldreomsorg-pa-distans")]
    [DataRow("  Område/samverkan ", "omrade-samverkan")]
    [DataRow("LSS – daglig verksamhet", "lss-daglig-verksamhet")]
    public void Slugs_are_ascii_words_joined_by_hyphens(string text, string expected)
    {
        Assert.AreEqual(expected, Slugs.FromText(text));
        Assert.IsTrue(Slugs.IsValid(expected));
    }
}
