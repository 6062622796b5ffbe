using System.Net;
using DocumentFormat.OpenXml.Packaging;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Export.ExportFiles;

namespace EHalsostodet.Tests.Export;

/// <summary>Exports that change: caching until the next publish, collections, and members' own collections and plans.</summary>
[TestClass]
public sealed class CachingAndMemberExportTests : PortalTestClass<CachingAndMemberExportTests>
{
    private const string BaseUrl = "https://ehalsostodet.example.se";

    private protected override PortalFactory CreatePortal() => new(settings: new Dictionary<string, string?> { ["Email:PublicBaseUrl"] = BaseUrl });

    private static Task<PublishedContent> PublishedAsync(ContentType type, int skip = 0) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == type).OrderBy(p => p.Slug).Skip(skip).FirstAsync());

    [TestMethod]
    public async Task A_story_export_is_served_from_cache_until_a_republish_changes_it()
    {
        var row = await PublishedAsync(ContentType.Story, skip: 1);
        var client = Factory.CreateClient();

        using var first = await client.GetAsync($"/berattelser/{row.Slug}/pdf");
        using var second = await client.GetAsync($"/berattelser/{row.Slug}/pdf");
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        CollectionAssert.AreEqual(firstBytes, await second.Content.ReadAsByteArrayAsync());
        Assert.AreEqual($"\"{row.VersionId:N}\"", first.Headers.ETag?.Tag);
        Assert.AreEqual(first.Headers.ETag, second.Headers.ETag);
        StringAssert.Contains(QrCodesOnFirstPage(firstBytes), $"{BaseUrl}/berattelser/{row.Slug}");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/berattelser/{row.Slug}/pdf");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.AreEqual(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        await Factory.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Id == row.ItemId);
            var story = ContentDocumentSerializer.Deserialize<StoryDocument>(row.DocumentJson) with { Title = "Ny rubrik för välfärdsteknik" };
            var saved = (SaveResult.Saved)await s.GetRequiredService<ContentStore>().SaveAsync(item.Id, story, item.LatestVersionId, new ContentAuthor("u1", "Redaktör"), "Ny rubrik");
            await s.GetRequiredService<ContentPublisher>().PublishAsync(item, saved.Version, CancellationToken.None);
            return true;
        });

        using var third = await client.GetAsync($"/berattelser/{row.Slug}/pdf");
        Assert.AreNotEqual(first.Headers.ETag, third.Headers.ETag);
        StringAssert.Contains(PdfText(await third.Content.ReadAsByteArrayAsync()), "Ny rubrik för välfärdsteknik");
    }

    [TestMethod]
    public async Task A_collection_PDF_has_a_cover_a_contents_list_and_every_story()
    {
        var collection = await PublishedAsync(ContentType.Collection);
        var titles = await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().CollectionMemberships.AsNoTracking()
            .Where(m => m.CollectionId == collection.ItemId)
            .Join(s.GetRequiredService<PortalDbContext>().PublishedContent, m => m.StoryId, p => p.ItemId, (m, p) => p.Title)
            .ToListAsync());
        Assert.IsNotEmpty(titles);

        var pdf = await DownloadAsync(Factory.CreateClient(), $"/samlingar/{collection.Slug}/pdf", "application/pdf");

        var text = PdfText(pdf);
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        StringAssert.Contains(flat, collection.Title);
        StringAssert.Contains(text, "Innehåll");
        foreach (var title in titles)
        {
            Assert.IsGreaterThanOrEqualTo(2, CountOf(flat, title), $"{title} in the contents and as a heading");
        }
        Assert.AreEqual(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync("/samlingar/finns-inte/pdf")).StatusCode);
    }

    [TestMethod]
    public async Task An_own_collection_PDF_is_for_its_owner_only()
    {
        var story = await PublishedAsync(ContentType.Story, skip: 2);
        var ownerId = await Factory.CreateUserAsync("export-agare@example.se", PortalRoles.Member);
        await Factory.CreateUserAsync("export-annan@example.se", PortalRoles.Member);
        var collectionId = Guid.NewGuid();
        await Factory.WithDbAsync(async db =>
        {
            db.MemberCollections.Add(new MemberCollection
            {
                Id = collectionId, UserId = ownerId, Name = "Inför mötet i Åre", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Items = [new MemberCollectionItem { CollectionId = collectionId, StoryId = story.ItemId, Position = 0, AddedAt = DateTime.UtcNow }],
            });
            await db.SaveChangesAsync();
        });

        var owner = await Factory.SignInAsync("export-agare@example.se");
        var pdf = await DownloadAsync(owner, $"/mina-sidor/samlingar/{collectionId}/pdf", "application/pdf");
        var flat = string.Join(' ', PdfText(pdf).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        StringAssert.Contains(flat, "Inför mötet i Åre");
        StringAssert.Contains(flat, story.Title);

        var other = await Factory.SignInAsync("export-annan@example.se");
        Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync($"/mina-sidor/samlingar/{collectionId}/pdf")).StatusCode);
        var anonymous = Factory.CreateBrowserClient();
        Assert.AreNotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/mina-sidor/samlingar/{collectionId}/pdf")).StatusCode);
    }

    [TestMethod]
    public async Task An_action_plan_exports_to_PDF_and_Word_with_the_members_notes_and_tasks()
    {
        var story = await PublishedAsync(ContentType.Story);
        var ownerId = await Factory.CreateUserAsync("export-plan@example.se", PortalRoles.Member);
        var planId = Guid.NewGuid();
        await Factory.WithDbAsync(async db =>
        {
            db.ActionPlans.Add(new ActionPlan
            {
                Id = planId, UserId = ownerId, StoryId = story.ItemId, Title = "Vår plan för nattillsyn", ShareToken = "delad-plan-token-123",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Steps = [new ActionPlanStep { PlanId = planId, Step = ProcessStepKind.Test, Notes = "Pröva kameror på två avdelningar först." }],
                Tasks = [new ActionPlanTask { Id = Guid.NewGuid(), PlanId = planId, Step = ProcessStepKind.Test, Position = 0, Text = "Boka möte med förvaltningen", Owner = "Åsa Öberg", DueDate = new DateOnly(2027, 2, 1), Done = true }],
            });
            await db.SaveChangesAsync();
        });

        var owner = await Factory.SignInAsync("export-plan@example.se");
        var pdfText = PdfText(await DownloadAsync(owner, $"/mina-sidor/handlingsplaner/{planId}/pdf", "application/pdf"));
        var flat = string.Join(' ', pdfText.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        StringAssert.Contains(flat, "Vår plan för nattillsyn");
        StringAssert.Contains(flat, "Pröva kameror på två avdelningar först.");
        StringAssert.Contains(flat, "Åsa Öberg");
        StringAssert.Contains(flat, story.Title);

        var docx = await DownloadAsync(Factory.CreateClient(), "/delad-handlingsplan/delad-plan-token-123/docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = word.MainDocumentPart!.Document.Body!;
        StringAssert.Contains(body.InnerText, "Pröva kameror på två avdelningar först.");
        var cells = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        CollectionAssert.IsSubsetOf(new[] { "Boka möte med förvaltningen", "Åsa Öberg", "2027-02-01", "Ja" }, cells);

        await Factory.CreateUserAsync("export-framling@example.se", PortalRoles.Member);
        var strangerClient = await Factory.SignInAsync("export-framling@example.se");
        Assert.AreEqual(HttpStatusCode.NotFound, (await strangerClient.GetAsync($"/mina-sidor/handlingsplaner/{planId}/pdf")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await Factory.CreateClient().GetAsync("/delad-handlingsplan/fel-token/pdf")).StatusCode);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
