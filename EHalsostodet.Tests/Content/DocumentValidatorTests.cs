using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Tests.Content;

/// <summary>
/// The one validator: null anywhere in a document is refused by its path, and the rules the story
/// form used to hold alone (names on actors, forums, products and contacts) hold for every client.
/// Stored versions that still hold null (old rows) are read without it and named for the editors.
/// </summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class DocumentValidatorTests
{
    private const string Story = """
        {
          "title": "Digital nattillsyn", "slug": "digital-nattillsyn", "shortDescription": "Kameratillsyn nattetid.",
          "municipalityCode": "X001", "operationalAreas": ["elderlyCare"], "tags": ["Trygghetslarm"],
          "roles": { "actors": [{ "name": "Projektledare" }], "forums": [{ "name": "Styrgrupp" }] },
          "benefits": { "effects": [{ "target": "staff", "indicators": [{ "name": "Besök", "value": 12 }] }] },
          "technology": { "products": [{ "name": "Kamera" }] },
          "process": { "steps": [{ "step": "identify" }, { "step": "investigate" }, { "step": "test" }, { "step": "implement" }, { "step": "manage" }] },
          "lessons": { "tips": ["Börja smått."] },
          "contacts": [{ "name": "Karin" }]
        }
        """;

    private static IReadOnlyList<ValidationError> ValidateWith(string path, JsonNode? value)
    {
        var story = JsonNode.Parse(Story)!;
        var (parent, key) = Locate(story, path);
        if (key.EndsWith(']'))
        {
            var list = parent[key[..key.IndexOf('[')]]!.AsArray();
            list.Add(value);
        }
        else
        {
            parent[key] = value;
        }
        return DocumentValidator.Validate(ContentDocumentSerializer.DeserializeInput(ContentType.Story, story.ToJsonString()));
    }

    private static (JsonNode Parent, string Key) Locate(JsonNode root, string path)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = part.EndsWith(']')
                ? node[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!
                : node[part]!;
        }
        return (node, parts[^1]);
    }

    [TestMethod]
    public void The_example_story_is_valid() =>
        Assert.IsEmpty(DocumentValidator.Validate(ContentDocumentSerializer.DeserializeInput(ContentType.Story, Story)));

    [TestMethod]
    [DataRow("roles.actors[1]")]
    [DataRow("roles.forums[1]")]
    [DataRow("technology.products[1]")]
    [DataRow("contacts[1]")]
    [DataRow("benefits.effects[1]")]
    [DataRow("benefits.effects[0].indicators[1]")]
    [DataRow("lessons.tips[1]")]
    [DataRow("process.steps[5]")]
    [DataRow("tags[1]")]
    public void A_null_entry_in_any_list_is_refused_by_its_path(string path)
    {
        var errors = ValidateWith(path, null);

        var error = errors.Single();
        Assert.AreEqual(path, error.Field);
        Assert.AreEqual($"Raden {path} är tom (null). Ta bort den ur listan eller fyll i den.", error.Message);
    }

    [TestMethod]
    public void Null_entries_in_an_initiative_and_a_collection_are_refused_too()
    {
        var initiative = ContentDocumentSerializer.DeserializeInput(ContentType.Initiative,
            """{"title":"KHI","slug":"khi","purpose":"Syfte","organisations":["SKR", null],"links":[null]}""");

        CollectionAssert.AreEquivalent(new[] { "organisations[1]", "links[0]" }, DocumentValidator.Validate(initiative).Select(e => e.Field).ToArray());
    }

    [TestMethod]
    public void Text_with_the_nul_character_is_refused_by_its_path()
    {
        var errors = ValidateWith("roles.actors[1]", new JsonObject { ["name"] = "Projekt\u0000ledare" });

        Assert.AreEqual("roles.actors[1].name", errors.Single().Field);
        StringAssert.Contains(errors.Single().Message, "innehåller tecknet NUL");
    }

    [TestMethod]
    [DataRow("roles.actors[1]", "Ange aktörens namn.")]
    [DataRow("roles.forums[1]", "Ange forumets namn.")]
    [DataRow("technology.products[1]", "Ange produktens eller tjänstens namn.")]
    [DataRow("contacts[1]", "Ange kontaktpersonens namn.")]
    public void Actors_forums_products_and_contacts_need_a_name_whoever_sends_them(string path, string message)
    {
        JsonNode row = path.StartsWith("contacts", StringComparison.Ordinal)
            ? new JsonObject { ["name"] = " ", ["title"] = "Utan namn" }
            : new JsonObject { ["name"] = " ", ["description"] = "Utan namn" };

        var errors = ValidateWith(path, row);

        var error = errors.Single();
        Assert.AreEqual(path + ".name", error.Field);
        Assert.AreEqual(message, error.Message);
    }

    [TestMethod]
    public void A_stored_version_with_null_is_read_without_it_and_the_back_office_is_told_where()
    {
        var json = JsonNode.Parse(Story)!;
        json["roles"]!["actors"]!.AsArray().Add(null);
        json["tags"]!.AsArray().Insert(0, null);
        json["summary"] = null;

        var document = (StoryDocument)ContentDocumentSerializer.Deserialize(ContentType.Story, json.ToJsonString());
        var stored = ContentDocumentSerializer.ReadStored(ContentType.Story, json.ToJsonString());

        Assert.HasCount(1, document.Roles.Actors);
        CollectionAssert.AreEqual(new[] { "Trygghetslarm" }, document.Tags.ToArray());
        Assert.AreEqual("", document.Summary.Text);
        Assert.IsEmpty(DocumentValidator.Validate(document));
        Assert.IsNotNull(stored.Document);
        StringAssert.Contains(stored.Problem, "roles.actors[1], summary, tags[0]");
    }

    [TestMethod]
    public void A_stored_version_that_cannot_be_read_names_the_field_instead_of_throwing()
    {
        var stored = ContentDocumentSerializer.ReadStored(ContentType.Story, """{"title":"T","slug":"t","roles":{"actors":5}}""");

        Assert.IsNull(stored.Document);
        StringAssert.Contains(stored.Problem, "kan inte läsas (fältet roles.actors)");
    }
}
