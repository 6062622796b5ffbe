using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>Nobody approves their own change, unless Workflow:FourEyes is turned off.</summary>
[TestClass]
public sealed class FourEyesTests : PortalTestClass<FourEyesTests>
{
    private const string EditorEmail = "redaktor@example.se";
    private const string ReviewerEmail = "granskare@example.se";
    private const string OtherReviewerEmail = "granskare2@example.se";
    private const string AdminEmail = "admin.fyraoga@example.se";

    private static HttpClient editor = null!;
    private static HttpClient reviewer = null!;
    private static HttpClient otherReviewer = null!;
    private static HttpClient admin = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        editor = await ApiClientOfNewAccountAsync(EditorEmail, PortalRoles.Editor);
        reviewer = await ApiClientOfNewAccountAsync(ReviewerEmail, PortalRoles.Reviewer);
        otherReviewer = await ApiClientOfNewAccountAsync(OtherReviewerEmail, PortalRoles.Reviewer);
        admin = await ApiClientOfNewAccountAsync(AdminEmail, PortalRoles.Administrator);
    }

    [TestMethod]
    public async Task A_reviewer_cannot_approve_what_they_wrote_and_submitted_but_another_reviewer_can()
    {
        var id = await CreateStoryAsync(reviewer, "Egen granskning i Fyraöga");
        await ActOkAsync(reviewer, id, "submit");

        using (var own = await ActAsync(reviewer, id, "approve"))
        {
            StringAssert.Contains((await ProblemAsync(own, HttpStatusCode.Forbidden)).Detail(), "fyraögonsprincipen");
        }
        Assert.AreEqual("inReview", await StateAsync(reviewer, id));
        Assert.AreEqual("published", await ActOkAsync(otherReviewer, id, "approve"));
    }

    [TestMethod]
    public async Task A_reviewer_cannot_approve_a_change_they_wrote_part_of_even_when_someone_else_submitted_it()
    {
        var id = await CreateStoryAsync(editor, "Delad text i Fyraöga");
        using (var saved = await PutTitleAsync(reviewer, id, 1, "Delad text i Fyraöga, rättad"))
        {
            Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode);
        }
        await ActOkAsync(editor, id, "submit");

        using (var own = await ActAsync(reviewer, id, "approve"))
        {
            StringAssert.Contains((await ProblemAsync(own, HttpStatusCode.Forbidden)).Detail(), "fyraögonsprincipen");
        }
        Assert.AreEqual("published", await ActOkAsync(otherReviewer, id, "approve"));
    }

    [TestMethod]
    public async Task After_unpublish_trash_and_restore_a_reviewer_who_once_edited_may_approve_unless_they_changed_it_since_the_last_approval()
    {
        var id = await CreateStoryAsync(editor, "Återställd i Fyraöga");
        using (var saved = await PutTitleAsync(reviewer, id, 1, "Återställd i Fyraöga, rättad"))
        {
            Assert.AreEqual(HttpStatusCode.OK, saved.StatusCode);
        }
        await ActOkAsync(editor, id, "submit");
        Assert.AreEqual("published", await ActOkAsync(otherReviewer, id, "approve"), "version 2, partly the reviewer's, is approved by another");
        Assert.AreEqual("unpublished", await ActOkAsync(reviewer, id, "unpublish"));
        Assert.AreEqual("trashed", await ActOkAsync(reviewer, id, "trash"));
        Assert.AreEqual("draft", await ActOkAsync(admin, id, "restore"));
        await ActOkAsync(editor, id, "submit");

        // Nothing written or submitted since version 2 was approved is the reviewer's: they may publish it again.
        Assert.AreEqual("published", await ActOkAsync(reviewer, id, "approve"));

        using (var changed = await PutTitleAsync(reviewer, id, 2, "Återställd i Fyraöga, ändrad igen"))
        {
            Assert.AreEqual(HttpStatusCode.OK, changed.StatusCode);
        }
        await ActOkAsync(editor, id, "submit");
        using (var own = await ActAsync(reviewer, id, "approve"))
        {
            StringAssert.Contains((await ProblemAsync(own, HttpStatusCode.Forbidden)).Detail(), "Du har själv skrivit en del av ändringen");
        }
        Assert.AreEqual("published", await ActOkAsync(otherReviewer, id, "approve"));
    }

    [TestMethod]
    public async Task Whoever_sent_the_change_for_review_since_the_last_approval_may_not_approve_it_even_after_a_rejection()
    {
        var id = await CreateStoryAsync(editor, "Skickad två gånger i Fyraöga");
        await ActOkAsync(reviewer, id, "submit");
        Assert.AreEqual("draft", await ActOkAsync(otherReviewer, id, "reject", new { comment = "Ett stavfel kvar." }));
        await ActOkAsync(editor, id, "submit");

        using (var own = await ActAsync(reviewer, id, "approve"))
        {
            StringAssert.Contains((await ProblemAsync(own, HttpStatusCode.Forbidden)).Detail(), "Du skickade själv ändringen på granskning");
        }
        Assert.AreEqual("published", await ActOkAsync(otherReviewer, id, "approve"));
    }

    [TestMethod]
    public async Task Without_four_eyes_a_reviewer_may_approve_their_own_change()
    {
        using var relaxed = new PortalFactory(settings: new Dictionary<string, string?> { ["Workflow:FourEyes"] = "false" });
        await relaxed.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer);
        using var client = await relaxed.BearerClientAsync(ReviewerEmail);
        var id = await CreateStoryAsync(client, "Ensam granskare i Fyraöga");
        await ActOkAsync(client, id, "submit");

        Assert.AreEqual("published", await ActOkAsync(client, id, "approve"));
        Assert.AreEqual("Ensam granskare i Fyraöga", await PublicStoryTextAsync(relaxed, "ensam-granskare-i-fyraoga"));
    }
}
