using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Tests.Unit;

/// <summary>Who may take which workflow action in which state, and what must come with it: the rules alone, without a portal.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class WorkflowRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
    private static readonly WorkflowActor Editor = Actor("redaktor", PortalRoles.Editor);
    private static readonly WorkflowActor Reviewer = Actor("granskare", PortalRoles.Reviewer);
    private static readonly WorkflowActor Administrator = Actor("admin", PortalRoles.Administrator);

    private static WorkflowActor Actor(string id, params string[] roles) => new(id, id, roles.ToHashSet());

    private static ContentItem Item(WorkflowState state, bool live = false, string? submittedBy = null)
    {
        var latest = Guid.NewGuid();
        return new ContentItem
        {
            Id = Guid.NewGuid(), State = state, LatestVersionId = latest, SubmittedById = submittedBy,
            PublishedVersionId = live ? Guid.NewGuid() : null,
        };
    }

    private static (bool Forbidden, string? Reason) Check(WorkflowAction action, ContentItem item, WorkflowActor actor, ChangeContributors? contributors = null, bool fourEyes = true) =>
        WorkflowRules.Check(action, item, actor, contributors ?? ChangeContributors.None, fourEyes);

    [TestMethod]
    public void An_editor_submits_but_only_a_reviewer_approves_rejects_and_unpublishes()
    {
        Assert.IsNull(Check(WorkflowAction.Submit, Item(WorkflowState.Draft), Editor).Reason);
        foreach (var action in new[] { WorkflowAction.Approve, WorkflowAction.Reject })
        {
            var (forbidden, reason) = Check(action, Item(WorkflowState.InReview), Editor);
            Assert.IsTrue(forbidden, action.ToString());
            Assert.AreEqual("Bara en Granskare eller Administratör kan göra det.", reason);
            Assert.IsNull(Check(action, Item(WorkflowState.InReview), Reviewer).Reason, action.ToString());
        }
        Assert.IsTrue(Check(WorkflowAction.Unpublish, Item(WorkflowState.Published, live: true), Editor).Forbidden);
        Assert.IsNull(Check(WorkflowAction.Unpublish, Item(WorkflowState.Published, live: true), Reviewer).Reason);
    }

    [TestMethod]
    public void An_editor_trashes_only_what_is_neither_live_nor_scheduled()
    {
        Assert.IsNull(Check(WorkflowAction.Trash, Item(WorkflowState.Draft), Editor).Reason);
        var (forbidden, reason) = Check(WorkflowAction.Trash, Item(WorkflowState.Published, live: true), Editor);
        Assert.IsTrue(forbidden);
        StringAssert.Contains(reason, "publicerat eller schemalagt");
    }

    [TestMethod]
    public void Only_an_administrator_restores_and_only_from_the_trash()
    {
        Assert.IsTrue(Check(WorkflowAction.Restore, Item(WorkflowState.Trashed), Reviewer).Forbidden);
        Assert.IsNull(Check(WorkflowAction.Restore, Item(WorkflowState.Trashed), Administrator).Reason);
        Assert.AreEqual((false, "Bara innehåll i papperskorgen kan återställas."), Check(WorkflowAction.Restore, Item(WorkflowState.Draft), Administrator));
        Assert.AreEqual((false, "Innehållet ligger i papperskorgen. Återställ det först."), Check(WorkflowAction.Submit, Item(WorkflowState.Trashed), Administrator));
    }

    [TestMethod]
    public void The_state_must_fit_the_action()
    {
        Assert.AreEqual((false, "Innehållet väntar redan på granskning."), Check(WorkflowAction.Submit, Item(WorkflowState.InReview), Editor));
        Assert.AreEqual((false, "Bara innehåll som väntar på granskning kan godkännas eller skickas tillbaka."), Check(WorkflowAction.Approve, Item(WorkflowState.Draft), Reviewer));
        Assert.AreEqual((false, "Innehållet är varken publicerat eller schemalagt."), Check(WorkflowAction.Unpublish, Item(WorkflowState.Draft), Reviewer));
        Assert.AreEqual((false, "Innehållet är redan arkiverat."), Check(WorkflowAction.Archive, Item(WorkflowState.Archived), Reviewer));
        var published = Item(WorkflowState.Published);
        published.PublishedVersionId = published.LatestVersionId;
        StringAssert.Contains(Check(WorkflowAction.Submit, published, Editor).Reason, "den senaste versionen är redan publicerad");
    }

    [TestMethod]
    public void Four_eyes_keep_the_submitter_and_the_authors_from_approving_unless_turned_off()
    {
        var item = Item(WorkflowState.InReview, submittedBy: Reviewer.UserId);
        var (forbidden, reason) = Check(WorkflowAction.Approve, item, Reviewer);
        Assert.IsTrue(forbidden);
        StringAssert.Contains(reason, "fyraögonsprincipen");

        var author = new ChangeContributors(new HashSet<string> { Reviewer.UserId }, new HashSet<string>());
        StringAssert.Contains(Check(WorkflowAction.Approve, Item(WorkflowState.InReview), Reviewer, author).Reason, "skrivit en del av ändringen");
        var earlierSubmitter = new ChangeContributors(new HashSet<string>(), new HashSet<string> { Reviewer.UserId });
        Assert.IsTrue(Check(WorkflowAction.Approve, Item(WorkflowState.InReview), Reviewer, earlierSubmitter).Forbidden);

        Assert.IsNull(Check(WorkflowAction.Approve, item, Reviewer, author, fourEyes: false).Reason);
        Assert.IsNull(Check(WorkflowAction.Approve, item, Administrator, author).Reason, "another reviewer may approve");
    }

    [TestMethod]
    public void The_available_actions_are_those_the_rules_allow()
    {
        CollectionAssert.AreEquivalent(new[] { WorkflowAction.Submit, WorkflowAction.Trash },
            WorkflowRules.Available(Item(WorkflowState.Draft), Editor, ChangeContributors.None, fourEyes: true).ToArray());
        CollectionAssert.AreEquivalent(new[] { WorkflowAction.Approve, WorkflowAction.Reject, WorkflowAction.Archive, WorkflowAction.Trash },
            WorkflowRules.Available(Item(WorkflowState.InReview), Reviewer, ChangeContributors.None, fourEyes: true).ToArray());
    }

    [TestMethod]
    public void Rejecting_and_archiving_need_a_comment_other_actions_do_not()
    {
        Assert.AreEqual("Skriv en kommentar som förklarar vad som behöver ändras.", WorkflowRules.RequestReason(WorkflowAction.Reject, new WorkflowRequest("  "), Now));
        Assert.AreEqual("Ange varför innehållet arkiveras.", WorkflowRules.RequestReason(WorkflowAction.Archive, new WorkflowRequest(), Now));
        Assert.IsNull(WorkflowRules.RequestReason(WorkflowAction.Reject, new WorkflowRequest("Sammanfattningen saknar resultat."), Now));
        foreach (var action in Enum.GetValues<WorkflowAction>().Where(a => !WorkflowRules.RequiresComment(a)))
        {
            Assert.IsNull(WorkflowRules.RequestReason(action, new WorkflowRequest(), Now), action.ToString());
        }
        CollectionAssert.AreEquivalent(new[] { WorkflowAction.Reject, WorkflowAction.Archive },
            Enum.GetValues<WorkflowAction>().Where(WorkflowRules.RequiresComment).ToArray());
    }

    [TestMethod]
    public void Times_and_the_public_change_note_are_checked()
    {
        Assert.AreEqual("Avpubliceringen måste ligga efter publiceringen.",
            WorkflowRules.RequestReason(WorkflowAction.Approve, new WorkflowRequest(PublishAt: Now.AddDays(2), UnpublishAt: Now.AddDays(1)), Now));
        Assert.AreEqual("Tiden för avpublicering har redan passerat.",
            WorkflowRules.RequestReason(WorkflowAction.Approve, new WorkflowRequest(UnpublishAt: Now.AddMinutes(-1)), Now));
        Assert.IsNull(WorkflowRules.RequestReason(WorkflowAction.Approve, new WorkflowRequest(PublishAt: Now.AddDays(1), UnpublishAt: Now.AddDays(2)), Now));
        var tooLong = new string('a', ContentVersion.PublicChangeNoteMaxLength + 1);
        StringAssert.Contains(WorkflowRules.RequestReason(WorkflowAction.Submit, new WorkflowRequest(PublicChangeNote: tooLong), Now), $"högst {ContentVersion.PublicChangeNoteMaxLength} tecken");
        Assert.IsNull(WorkflowRules.RequestReason(WorkflowAction.Submit, new WorkflowRequest(PublicChangeNote: tooLong[1..] + "  "), Now), "the note is trimmed first");
    }
}
