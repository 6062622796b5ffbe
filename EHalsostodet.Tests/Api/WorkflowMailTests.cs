using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>The mails that workflow actions through the API cause.</summary>
[TestClass]
public sealed class WorkflowMailTests
{
    private const string EditorEmail = "redaktor@example.se";
    private const string ReviewerEmail = "granskare@example.se";
    private const string OtherReviewerEmail = "granskare2@example.se";

    private static async Task<IReadOnlyList<Mail>> MailsAboutAsync(PortalFactory factory, string title) =>
        (await factory.DispatchAndReadMailAsync()).Select(Mail.Parse).Where(m => m.Text.Contains(title, StringComparison.Ordinal)).ToList();

    [TestMethod]
    public async Task A_submit_tells_the_reviewers_but_not_the_submitter()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor);
        await factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer);
        await factory.CreateUserAsync(OtherReviewerEmail, PortalRoles.Reviewer);
        using var editor = await factory.BearerClientAsync(EditorEmail);
        var id = await CreateStoryAsync(editor, "Granskningsbrev i Postby");

        await ActOkAsync(editor, id, "submit", new { comment = "Klar att läsa" });

        var mails = await MailsAboutAsync(factory, "Granskningsbrev i Postby");
        CollectionAssert.AreEquivalent(new[] { ReviewerEmail, OtherReviewerEmail }, mails.Select(m => m.To).ToArray());
        Assert.IsTrue(mails.All(m => m.Body.Contains("Klar att läsa", StringComparison.Ordinal)));
        Assert.IsFalse(mails.Any(m => m.To.Contains(EditorEmail, StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task A_reject_needs_a_comment_and_sends_it_to_the_editor()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor);
        await factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer);
        using var editor = await factory.BearerClientAsync(EditorEmail);
        using var reviewer = await factory.BearerClientAsync(ReviewerEmail);
        var id = await CreateStoryAsync(editor, "Returbrev i Postby");
        await ActOkAsync(editor, id, "submit");

        using (var withoutComment = await ActAsync(reviewer, id, "reject", new { comment = "  " }))
        {
            StringAssert.Contains((await ProblemAsync(withoutComment, HttpStatusCode.Conflict)).Detail(), "kommentar");
        }
        using (var withoutBody = await reviewer.PostAsync(new Uri($"{Prefix}/content/{id}/workflow/reject", UriKind.Relative), null))
        {
            StringAssert.Contains((await ProblemAsync(withoutBody, HttpStatusCode.Conflict)).Detail(), "kommentar");
        }
        Assert.AreEqual("inReview", await StateAsync(editor, id));

        Assert.AreEqual("draft", await ActOkAsync(reviewer, id, "reject", new { comment = "Lägg till kontaktuppgifter för förvaltningen." }));

        var toEditor = (await MailsAboutAsync(factory, "Returbrev i Postby")).Where(m => m.To.Contains(EditorEmail, StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, toEditor);
        StringAssert.Contains(toEditor[0].Body, "Lägg till kontaktuppgifter för förvaltningen.");
    }
}
