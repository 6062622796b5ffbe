using System.Text.Json.Nodes;
using EHalsostodet.Core.Content.Merging;

namespace EHalsostodet.Tests.Content;

/// <summary>The three-way merge rules, on documents written as the portal stores them.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class DocumentMergeTests
{
    private static JsonNode Json(string json) => JsonNode.Parse(json.Replace('\'', '"'))!;

    [TestMethod]
    public void A_field_only_one_side_changed_takes_that_sides_value()
    {
        var result = DocumentMerge.Merge(
            Json("{'title':'A','body':'Text','slug':'a'}"),
            Json("{'title':'A','body':'Min text','slug':'a'}"),
            Json("{'title':'Ny titel','body':'Text','slug':'a'}"));

        Assert.IsEmpty(result.Conflicts);
        Assert.AreEqual("Ny titel", result.Merged["title"]!.GetValue<string>());
        Assert.AreEqual("Min text", result.Merged["body"]!.GetValue<string>());
    }

    [TestMethod]
    public void A_field_both_changed_alike_is_no_conflict_and_one_changed_differently_is()
    {
        var result = DocumentMerge.Merge(
            Json("{'title':'A','body':'Text'}"),
            Json("{'title':'B','body':'Min text'}"),
            Json("{'title':'B','body':'Deras text'}"));

        var conflict = result.Conflicts.Single();
        Assert.AreEqual("body", conflict.Path);
        Assert.AreEqual("Text", conflict.Base!.GetValue<string>());
        Assert.AreEqual("Min text", conflict.Yours!.GetValue<string>());
        Assert.AreEqual("Deras text", conflict.Theirs!.GetValue<string>());
        Assert.IsTrue(conflict.IsText);
        Assert.AreEqual("B", result.Merged["title"]!.GetValue<string>());
        Assert.AreEqual("Deras text", result.Merged["body"]!.GetValue<string>(), "until chosen, the latest version's value stays");
    }

    [TestMethod]
    public void The_choice_for_a_conflict_goes_into_the_merged_document()
    {
        var common = Json("{'summary':{'text':'Text'},'lessons':{'text':'L'}}");
        var yours = Json("{'summary':{'text':'Min'},'lessons':{'text':'Mina lärdomar'}}");
        var theirs = Json("{'summary':{'text':'Deras'},'lessons':{'text':'Deras lärdomar'}}");

        var result = DocumentMerge.Merge(common, yours, theirs, c => c.Path == "summary.text"
            ? ConflictChoice.Use(JsonValue.Create("Min och deras"))
            : ConflictChoice.Use(c.Yours));

        CollectionAssert.AreEqual(new[] { "summary.text", "lessons.text" }, result.Conflicts.Select(c => c.Path).ToArray());
        Assert.AreEqual("Min och deras", result.Merged["summary"]!["text"]!.GetValue<string>());
        Assert.AreEqual("Mina lärdomar", result.Merged["lessons"]!["text"]!.GetValue<string>());
    }

    [TestMethod]
    public void Rows_merge_field_by_field_while_both_sides_keep_the_same_rows()
    {
        var common = Json("{'contacts':[{'name':'Eva','phone':'1','email':'e@x.se'},{'name':'Ola','phone':'2'}]}");
        var yours = Json("{'contacts':[{'name':'Eva','phone':'11','email':'e@x.se'},{'name':'Ola','phone':'2'}]}");
        var theirs = Json("{'contacts':[{'name':'Eva','phone':'1','email':'eva@x.se'},{'name':'Ola Olsson','phone':'2'}]}");

        var result = DocumentMerge.Merge(common, yours, theirs);

        Assert.IsEmpty(result.Conflicts);
        Assert.AreEqual("11", result.Merged["contacts"]![0]!["phone"]!.GetValue<string>());
        Assert.AreEqual("eva@x.se", result.Merged["contacts"]![0]!["email"]!.GetValue<string>());
        Assert.AreEqual("Ola Olsson", result.Merged["contacts"]![1]!["name"]!.GetValue<string>());
    }

    [TestMethod]
    public void A_list_whose_rows_both_sides_changed_in_number_is_one_field()
    {
        var common = Json("{'contacts':[{'name':'Eva'}]}");
        var yours = Json("{'contacts':[{'name':'Eva'},{'name':'Ny hos mig'}]}");
        var theirs = Json("{'contacts':[]}");

        var result = DocumentMerge.Merge(common, yours, theirs);

        var conflict = result.Conflicts.Single();
        Assert.AreEqual("contacts", conflict.Path);
        Assert.IsFalse(conflict.IsText);
        Assert.AreEqual(2, conflict.Yours!.AsArray().Count);
    }

    [TestMethod]
    public void A_row_added_by_one_side_only_is_taken_whole()
    {
        var common = Json("{'contacts':[{'name':'Eva'}],'title':'T'}");
        var yours = Json("{'contacts':[{'name':'Eva'},{'name':'Ny'}],'title':'T'}");
        var theirs = Json("{'contacts':[{'name':'Eva'}],'title':'Ny titel'}");

        var result = DocumentMerge.Merge(common, yours, theirs);

        Assert.IsEmpty(result.Conflicts);
        Assert.AreEqual(2, result.Merged["contacts"]!.AsArray().Count);
        Assert.AreEqual("Ny titel", result.Merged["title"]!.GetValue<string>());
    }

    [TestMethod]
    public void Steps_merge_question_by_question_only_for_the_same_step()
    {
        var common = Json("{'steps':[{'step':'identify','what':'V','who':'W'},{'step':'investigate','what':'U'}]}");
        var yours = Json("{'steps':[{'step':'identify','what':'Mitt vad','who':'W'},{'step':'investigate','what':'U'}]}");
        var theirs = Json("{'steps':[{'step':'identify','what':'V','who':'Deras vem'},{'step':'investigate','what':'Deras U'}]}");

        var merged = DocumentMerge.Merge(common, yours, theirs).Merged;

        Assert.AreEqual("Mitt vad", merged["steps"]![0]!["what"]!.GetValue<string>());
        Assert.AreEqual("Deras vem", merged["steps"]![0]!["who"]!.GetValue<string>());
        Assert.AreEqual("Deras U", merged["steps"]![1]!["what"]!.GetValue<string>());

        // Effects for other target groups in the same places are not rows of the same kind.
        var effects = DocumentMerge.Merge(
            Json("{'effects':[{'target':'individual','text':'A'}]}"),
            Json("{'effects':[{'target':'staff','text':'B'}]}"),
            Json("{'effects':[{'target':'individual','text':'C'}]}"));
        Assert.AreEqual("effects", effects.Conflicts.Single().Path);
    }

    [TestMethod]
    public void Lists_of_plain_values_are_one_field_and_a_removed_field_can_be_chosen()
    {
        var result = DocumentMerge.Merge(
            Json("{'tags':['Larm'],'summary':'S'}"),
            Json("{'tags':['Larm','Natt']}"),
            Json("{'tags':['Trygghet'],'summary':'Ny'}"),
            c => ConflictChoice.Use(c.Yours));

        CollectionAssert.AreEquivalent(new[] { "tags", "summary" }, result.Conflicts.Select(c => c.Path).ToArray());
        CollectionAssert.AreEqual(new[] { "Larm", "Natt" }, result.Merged["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());
        Assert.IsFalse(result.Merged.ContainsKey("summary"), "choosing the side that removed the field removes it");
        Assert.IsTrue(result.Conflicts.Single(c => c.Path == "summary").IsText);
    }
}
