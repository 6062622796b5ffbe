using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Markdown;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Members.Saving;
using Microsoft.EntityFrameworkCore;
using static EHalsostodet.Tests.Members.Saving.SavingPortal;

namespace EHalsostodet.Tests.Members.Plans;

/// <summary>"Min handlingsplan": started from a story, filled in step by step without JavaScript, shared read-only, owner only.</summary>
[TestClass]
public sealed class ActionPlanPagesTests : PortalTestClass<ActionPlanPagesTests>
{
    private const string ListPath = "/mina-sidor/handlingsplaner";

    private static HttpClient Anonymous() =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<(Guid Id, string Path)> StartPlanAsync(HttpClient client, SeedItem story)
    {
        using var response = await SubmitAsync(client, story.Url, "form.start-plan-form");
        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        StringAssert.StartsWith(location, ListPath + "/");
        return (Guid.Parse(location[(ListPath.Length + 1)..]), location);
    }

    private static IElement StepSection(IDocument page, ProcessStepKind step) =>
        page.QuerySelector($"section#steg-{step.ToString().ToLowerInvariant()}") ?? throw new AssertFailedException($"Steget {step} saknas.");

    private static async Task<HttpResponseMessage> SubmitInStepAsync(HttpClient client, string path, ProcessStepKind step, string formClass, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(path);
        var form = StepSection(page, step).QuerySelector($"form.{formClass}") ?? throw new AssertFailedException($"Formuläret {formClass} saknas.");
        return await SubmitAsync(client, form, path, values);
    }

    [TestMethod]
    public async Task A_visitor_is_asked_to_sign_in_and_a_member_sees_the_button()
    {
        var story = await PublishedAsync(Factory, ContentType.Story);
        var anonymous = await Anonymous().GetPageAsync(story.Url);
        Assert.IsNull(anonymous.QuerySelector("form.start-plan-form"));
        var login = anonymous.QuerySelector("section.start-plan a")!.GetAttribute("href")!;
        Assert.AreEqual("/mina-sidor/logga-in?ReturnUrl=" + Uri.EscapeDataString(story.Url), login);

        var (_, client) = await MemberAsync(Factory, "plan-knapp@example.se");
        var page = await client.GetPageAsync(story.Url);
        StringAssert.Contains(page.QuerySelector("form.start-plan-form button")!.TextContent, "Gör en egen handlingsplan");
    }

    [TestMethod]
    public async Task A_plan_from_a_story_has_the_five_steps_with_the_storys_prompts()
    {
        var (userId, client) = await MemberAsync(Factory, "plan-start@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story);
        var document = await QueryAsync(Factory, async db => ContentDocumentSerializer.Deserialize<StoryDocument>(
            (await db.PublishedContent.SingleAsync(p => p.ItemId == story.Id)).DocumentJson));
        var stepWithChallenges = document.Process.Steps.First(s => s.Challenges.Length > 0 && s.SuccessFactors.Length > 0);

        var (id, path) = await StartPlanAsync(client, story);

        var plan = await QueryAsync(Factory, db => db.ActionPlans.Include(p => p.Steps).SingleAsync(p => p.Id == id));
        Assert.AreEqual(userId, plan.UserId);
        Assert.AreEqual(story.Id, plan.StoryId);
        Assert.AreEqual($"Handlingsplan: {story.Title}", plan.Title);
        CollectionAssert.AreEquivalent(Enum.GetValues<ProcessStepKind>(), plan.Steps.Select(s => s.Step).ToArray());

        var page = await client.GetPageAsync(path);
        Assert.AreEqual($"Handlingsplan: {story.Title}", page.QuerySelector("h1")!.TextContent.Trim());
        CollectionAssert.AreEqual(new[] { "Identifiera", "Undersöka", "Testa", "Införa", "Förvalta" }, page.Texts("section.plan-step > h2").ToArray());
        var prompts = StepSection(page, stepWithChallenges.Step).QuerySelector(".plan-prompts")!.TextContent;
        StringAssert.Contains(Normalise(prompts), Normalise(MarkdownRenderer.ToPlainText(stepWithChallenges.Challenges)));
        StringAssert.Contains(Normalise(prompts), Normalise(MarkdownRenderer.ToPlainText(stepWithChallenges.SuccessFactors)));
        Assert.AreEqual($"{story.Url}", page.QuerySelector("p.lead a")!.GetAttribute("href"));
        Assert.IsNotNull(page.QuerySelector($"a[href='{path}/pdf']"));
        Assert.IsNotNull(page.QuerySelector($"a[href='{path}/docx']"));
    }

    [TestMethod]
    public async Task Notes_tasks_with_owner_and_date_and_ticking_done_show_as_progress()
    {
        var (userId, client) = await MemberAsync(Factory, "plan-flode@example.se");
        var (id, path) = await StartPlanAsync(client, await PublishedAsync(Factory, ContentType.Story, 1));

        using (var notes = await SubmitInStepAsync(client, path, ProcessStepKind.Identify, "plan-notes", new() { ["Notes"] = "Behovet: trygghet på natten.\nÄgare: äldrenämnden." }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, notes.StatusCode);
        }
        using (var add = await SubmitInStepAsync(client, path, ProcessStepKind.Test, "task-add-form",
            new() { ["TaskText"] = "Pröva nattkameror i två boenden", ["TaskOwner"] = "Åsa Öberg", ["TaskDueDate"] = "2027-03-15" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, add.StatusCode, await add.Content.ReadAsStringAsync());
        }
        using (var second = await SubmitInStepAsync(client, path, ProcessStepKind.Test, "task-add-form", new() { ["TaskText"] = "Utvärdera med personalen" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, second.StatusCode);
        }

        var task = await QueryAsync(Factory, db => db.Set<ActionPlanTask>().SingleAsync(t => t.PlanId == id && t.Text == "Pröva nattkameror i två boenden"));
        Assert.AreEqual(ProcessStepKind.Test, task.Step);
        Assert.AreEqual("Åsa Öberg", task.Owner);
        Assert.AreEqual(new DateOnly(2027, 3, 15), task.DueDate);
        Assert.IsFalse(task.Done);
        Assert.AreEqual("Behovet: trygghet på natten.\nÄgare: äldrenämnden.",
            await QueryAsync(Factory, db => db.Set<ActionPlanStep>().Where(s => s.PlanId == id && s.Step == ProcessStepKind.Identify).Select(s => s.Notes).SingleAsync()));

        var page = await client.GetPageAsync(path);
        Assert.AreEqual("Status: 0 av 2 uppgifter klara.", page.QuerySelector("#progress")!.TextContent.Trim());
        var item = page.QuerySelector($"li#uppgift-{task.Id:N}")!;
        StringAssert.Contains(item.TextContent, "Att göra");
        StringAssert.Contains(item.TextContent, "Ansvarig: Åsa Öberg");
        StringAssert.Contains(item.TextContent, "2027-03-15");
        using (var done = await SubmitAsync(client, item.QuerySelector("form.task-done-form")!, path))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, done.StatusCode);
        }

        Assert.IsTrue(await QueryAsync(Factory, db => db.Set<ActionPlanTask>().Where(t => t.Id == task.Id).Select(t => t.Done).SingleAsync()));
        page = await client.GetPageAsync(path);
        Assert.AreEqual("Status: 1 av 2 uppgifter klara.", page.QuerySelector("#progress")!.TextContent.Trim());
        StringAssert.Contains(page.QuerySelector($"li#uppgift-{task.Id:N} .badge")!.TextContent, "Klar");
        Assert.AreEqual("Behovet: trygghet på natten.\nÄgare: äldrenämnden.", StepSection(page, ProcessStepKind.Identify).QuerySelector("textarea[name='Notes']")!.TextContent.Replace("\r\n", "\n", StringComparison.Ordinal));

        var list = await client.GetPageAsync(ListPath);
        var row = list.QuerySelector($"a[href='{path}']")!.ParentElement!;
        StringAssert.Contains(row.TextContent, "1 av 2 uppgifter klara");
        Assert.IsNotNull((await client.GetPageAsync("/mina-sidor")).QuerySelector($"a[href='{ListPath}']"));

        using (var edit = await SubmitAsync(client, page.QuerySelector($"li#uppgift-{task.Id:N} form.task-edit-form")!, path,
            new Dictionary<string, string> { ["TaskText"] = "Pröva nattkameror i tre boenden", ["TaskDueDate"] = "" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, edit.StatusCode);
        }
        var edited = await QueryAsync(Factory, db => db.Set<ActionPlanTask>().AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.AreEqual("Pröva nattkameror i tre boenden", edited.Text);
        Assert.IsNull(edited.DueDate);
        Assert.AreEqual(userId, await QueryAsync(Factory, db => db.ActionPlans.Where(p => p.Id == id).Select(p => p.UserId).SingleAsync()));
    }

    [TestMethod]
    public async Task A_refused_task_keeps_what_was_typed_and_says_why_in_Swedish()
    {
        var (_, client) = await MemberAsync(Factory, "plan-fel@example.se");
        var (id, path) = await StartPlanAsync(client, await PublishedAsync(Factory, ContentType.Story, 2));

        using var response = await SubmitInStepAsync(client, path, ProcessStepKind.Implement, "task-add-form",
            new() { ["TaskText"] = "  ", ["TaskOwner"] = "Kim Lind", ["TaskDueDate"] = "2027-02-30" });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        var form = StepSection(page, ProcessStepKind.Implement).QuerySelector("form.task-add-form")!;
        StringAssert.Contains(form.QuerySelector("#add-implement-text-error")!.TextContent, "Skriv vad som ska göras");
        StringAssert.Contains(form.QuerySelector("#add-implement-date-error")!.TextContent, "giltigt datum");
        Assert.AreEqual("true", form.QuerySelector("#add-implement-text")!.GetAttribute("aria-invalid"));
        Assert.AreEqual("Kim Lind", form.QuerySelector("#add-implement-owner")!.GetAttribute("value"));
        Assert.AreEqual("2027-02-30", form.QuerySelector("#add-implement-date")!.GetAttribute("value"));
        Assert.IsNotNull(page.QuerySelector(".error-summary[role='alert']"));
        Assert.AreEqual("", StepSection(page, ProcessStepKind.Test).QuerySelector("#add-test-owner")!.GetAttribute("value") ?? "", "Bara det skickade formuläret ska få värdena.");
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.Set<ActionPlanTask>().CountAsync(t => t.PlanId == id)));

        using var tooLong = await SubmitInStepAsync(client, path, ProcessStepKind.Implement, "task-add-form",
            new() { ["TaskText"] = new string('x', 1001), ["TaskOwner"] = new string('y', 201) });
        var refused = await ParseAsync(tooLong);
        StringAssert.Contains(refused.QuerySelector("#add-implement-text-error")!.TextContent, "högst 1000 tecken");
        StringAssert.Contains(refused.QuerySelector("#add-implement-owner-error")!.TextContent, "högst 200 tecken");

        using var rename = await SubmitAsync(client, path, "form.rename-form", new Dictionary<string, string> { ["PlanTitle"] = "" });
        Assert.AreEqual(HttpStatusCode.OK, rename.StatusCode);
        StringAssert.Contains((await ParseAsync(rename)).QuerySelector("#plan-title-error")!.TextContent, "Ange ett namn");
        using var renamed = await SubmitAsync(client, path, "form.rename-form", new Dictionary<string, string> { ["PlanTitle"] = "Nattillsyn 2027" });
        Assert.AreEqual(HttpStatusCode.SeeOther, renamed.StatusCode);
        Assert.AreEqual("Nattillsyn 2027", await QueryAsync(Factory, db => db.ActionPlans.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [TestMethod]
    public async Task A_shared_plan_is_readable_without_signing_in_and_gone_after_revoking()
    {
        var (_, client) = await MemberAsync(Factory, "plan-dela@example.se");
        var (id, path) = await StartPlanAsync(client, await PublishedAsync(Factory, ContentType.Story, 3));
        using (var add = await SubmitInStepAsync(client, path, ProcessStepKind.Manage, "task-add-form", new() { ["TaskText"] = "Utse förvaltningsägare" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, add.StatusCode);
        }
        using (var share = await SubmitAsync(client, path, "form.share-form"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, share.StatusCode);
        }
        var token = await QueryAsync(Factory, db => db.ActionPlans.Where(p => p.Id == id).Select(p => p.ShareToken).SingleAsync());
        Assert.IsNotNull(token);
        Assert.IsTrue(token.Length >= 20, "Länken ska vara svår att gissa.");
        var shareUrl = (await client.GetPageAsync(path)).QuerySelector("#share-url")!.GetAttribute("value")!;
        StringAssert.EndsWith(shareUrl, $"/delad-handlingsplan/{token}");

        var sharedPath = $"/delad-handlingsplan/{token}";
        using (var raw = await Anonymous().GetAsync(new Uri(sharedPath, UriKind.Relative)))
        {
            Assert.AreEqual("noindex", raw.Headers.GetValues("X-Robots-Tag").Single());
        }
        var shared = await Anonymous().GetPageAsync(sharedPath);
        StringAssert.Contains(shared.MainText(), "Utse förvaltningsägare");
        Assert.AreEqual("noindex", shared.Head!.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
        Assert.AreEqual(0, shared.QuerySelectorAll("main form").Length, "En delad plan går bara att läsa.");
        Assert.IsNotNull(shared.QuerySelector($"a[href='{sharedPath}/pdf']"));
        Assert.IsNotNull(shared.QuerySelector($"a[href='{sharedPath}/docx']"));

        using (var revoke = await SubmitAsync(client, path, "form.revoke-form"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, revoke.StatusCode);
        }
        await Anonymous().GetPageAsync(sharedPath, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task Another_member_gets_404_for_someone_elses_plan_and_cannot_change_it()
    {
        var (_, owner) = await MemberAsync(Factory, "plan-agare@example.se");
        var (id, path) = await StartPlanAsync(owner, await PublishedAsync(Factory, ContentType.Story, 4));
        var (_, other) = await MemberAsync(Factory, "plan-annan@example.se");

        await other.GetPageAsync(path, HttpStatusCode.NotFound);
        var token = await Forms.TokenAsync(other, "/mina-sidor/samlingar");
        using var post = await other.PostAsync(new Uri($"{path}?handler=Rename", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PlanTitle"] = "Kapad", ["__RequestVerificationToken"] = token,
        }));
        Assert.AreEqual(HttpStatusCode.NotFound, post.StatusCode);
        using var delete = await other.PostAsync(new Uri($"{path}?handler=Delete", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Confirm"] = "true", ["__RequestVerificationToken"] = token,
        }));
        Assert.AreEqual(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.AreEqual(1, await QueryAsync(Factory, db => db.ActionPlans.CountAsync(p => p.Id == id && p.Title != "Kapad")));
        Assert.IsFalse((await other.GetPageAsync(ListPath)).MainText().Contains("Handlingsplan:", StringComparison.Ordinal));

        using var anonymous = await Anonymous().GetAsync(new Uri(path, UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Redirect, anonymous.StatusCode);
        StringAssert.StartsWith(anonymous.Headers.Location!.OriginalString, "/mina-sidor/logga-in");
    }

    [TestMethod]
    public async Task Deleting_a_plan_needs_confirmation_and_removes_its_rows()
    {
        var (_, client) = await MemberAsync(Factory, "plan-radera@example.se");
        var (id, path) = await StartPlanAsync(client, await PublishedAsync(Factory, ContentType.Story, 5));
        using (var add = await SubmitInStepAsync(client, path, ProcessStepKind.Identify, "task-add-form", new() { ["TaskText"] = "Kartlägg behovet" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, add.StatusCode);
        }

        using (var unconfirmed = await SubmitAsync(client, path, "form.delete-form"))
        {
            Assert.AreEqual(HttpStatusCode.OK, unconfirmed.StatusCode);
            StringAssert.Contains((await ParseAsync(unconfirmed)).QuerySelector("#confirm-error")!.TextContent, "Kryssa i rutan");
        }
        Assert.AreEqual(1, await QueryAsync(Factory, db => db.ActionPlans.CountAsync(p => p.Id == id)));

        using var confirmed = await SubmitAsync(client, path, "form.delete-form", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.AreEqual(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.AreEqual(ListPath, confirmed.Headers.Location!.OriginalString);
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.ActionPlans.CountAsync(p => p.Id == id)));
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.Set<ActionPlanStep>().CountAsync(s => s.PlanId == id)));
        Assert.AreEqual(0, await QueryAsync(Factory, db => db.Set<ActionPlanTask>().CountAsync(t => t.PlanId == id)));
        await client.GetPageAsync(path, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task The_member_data_export_contains_the_plans()
    {
        var (_, client) = await MemberAsync(Factory, "plan-export@example.se");
        var story = await PublishedAsync(Factory, ContentType.Story, 6);
        var (id, path) = await StartPlanAsync(client, story);
        using (var add = await SubmitInStepAsync(client, path, ProcessStepKind.Investigate, "task-add-form",
            new() { ["TaskText"] = "Jämför tre leverantörer", ["TaskOwner"] = "Inköp", ["TaskDueDate"] = "2027-05-01" }))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, add.StatusCode);
        }

        var page = await client.GetPageAsync("/mina-sidor/mina-uppgifter");
        using var response = await client.GetAsync(new Uri(page.QuerySelector("main a[download]")!.GetAttribute("href")!, UriKind.Relative));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var plan = json["actionPlans"]![0]!;
        Assert.AreEqual(id, plan["id"]!.GetValue<Guid>());
        Assert.AreEqual($"Handlingsplan: {story.Title}", plan["title"]!.GetValue<string>());
        Assert.AreEqual(story.Title, plan["storyTitle"]!.GetValue<string>());
        var investigate = plan["steps"]!.AsArray().Single(s => s!["step"]!.GetValue<string>() == "Undersöka")!;
        var task = investigate["tasks"]![0]!;
        Assert.AreEqual("Jämför tre leverantörer", task["text"]!.GetValue<string>());
        Assert.AreEqual("Inköp", task["owner"]!.GetValue<string>());
        Assert.AreEqual("2027-05-01", task["dueDate"]!.GetValue<string>());
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
