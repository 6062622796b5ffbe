using System.Text.Json.Nodes;
using EHalsostodet.Core.Content;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>The Swedish names of document fields in the version comparison.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class VersionsFieldNamesTests
{
    [TestMethod]
    [DataRow("title", "Titel")]
    [DataRow("shortDescription", "Kort beskrivning")]
    [DataRow("tags", "Taggar")]
    [DataRow("summary.text", "Sammanfattning › Text")]
    [DataRow("process.text", "Processbeskrivning › Sammanfattning")]
    [DataRow("process.steps[2].challenges", "Processbeskrivning › Testa › Utmaningar")]
    [DataRow("process.steps[0].what", "Processbeskrivning › Identifiera › Vad?")]
    [DataRow("process.steps[4].methodsAndTools", "Processbeskrivning › Förvalta › Metoder och verktyg")]
    [DataRow("lessons.tips", "Lärdomar och tips › Tips")]
    [DataRow("contacts[0].title", "Kontaktpersoner › nr 1 › Befattning")]
    [DataRow("benefits.effects[1].indicators[0].baseline", "Nyttoeffekter › Effekt 2 › Indikatorer › nr 1 › Utgångsvärde")]
    [DataRow("somethingNew.deep", "somethingNew › deep")]
    public void Paths_get_Swedish_names(string path, string expected) =>
        Assert.AreEqual(expected, FieldNames.Label(path));

    [TestMethod]
    public void Array_elements_are_named_from_the_document()
    {
        var document = JsonNode.Parse("""
            {
              "process": { "steps": [ { "step": "manage", "what": "x" } ] },
              "benefits": { "effects": [ { "target": "staff", "text": "y" } ] },
              "contacts": [ { "name": "Karin Lund", "email": "k@example.se" } ]
            }
            """);

        Assert.AreEqual("Processbeskrivning › Förvalta › Vad?", FieldNames.Label("process.steps[0].what", document));
        Assert.AreEqual("Nyttoeffekter › Medarbetare › Text", FieldNames.Label("benefits.effects[0].text", document));
        Assert.AreEqual("Kontaktpersoner › Karin Lund › E-post", FieldNames.Label("contacts[0].email", null, document));
    }
}
