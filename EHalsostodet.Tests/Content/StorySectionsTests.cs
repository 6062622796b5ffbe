using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Export.ExportFiles;

namespace EHalsostodet.Tests.Content;

/// <summary>The table of a story's sections, and the story page and the PDF that show them.</summary>
[TestClass]
public sealed partial class StorySectionsTests
{
    /// <summary>A valid HTML id that also works unescaped in an address's fragment and in a CSS selector.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex PlainId();

    private static IEnumerable<string> HeadingsInReadingOrder => StorySections.InReadingOrder.Select(s => s.Heading);

    [TestMethod]
    public void The_anchors_are_unique_valid_HTML_ids()
    {
        var ids = StorySections.All.SelectMany(s => new[] { s.Anchor, s.HeadingId })
            .Concat(Enum.GetValues<ProcessStepKind>().Select(StorySections.StepAnchor))
            .ToList();

        foreach (var id in ids)
        {
            StringAssert.Matches(id, PlainId());
        }
        CollectionAssert.AllItemsAreUnique(ids);
        CollectionAssert.AllItemsAreUnique(StorySections.All.Select(s => s.Heading).ToList());
        CollectionAssert.AllItemsAreUnique(StorySections.StepQuestions.Select(q => q.Label).ToList());
    }

    [TestMethod]
    public void The_keys_are_the_properties_of_a_story_and_of_its_steps()
    {
        var story = new StoryDocument { Title = "Titel", Slug = "titel", Process = new ProcessSection { Steps = [new ProcessStep()] } };
        var json = JsonNode.Parse(ContentDocumentSerializer.Serialize(story))!.AsObject();

        CollectionAssert.IsSubsetOf(StorySections.All.Select(s => s.Key).ToList(), json.Select(p => p.Key).ToList());
        CollectionAssert.IsSubsetOf(StorySections.StepQuestions.Select(q => q.Key).ToList(), json["process"]!["steps"]![0]!.AsObject().Select(p => p.Key).ToList());
        CollectionAssert.AllItemsAreUnique(StorySections.All.Select(s => s.Key).ToList());
    }

    [TestMethod]
    public void Version_comparison_and_sync_reports_name_each_section_by_its_heading()
    {
        foreach (var section in StorySections.All)
        {
            Assert.AreEqual(section.Heading, FieldNames.Label(section.Key));
        }
        foreach (var question in StorySections.StepQuestions)
        {
            Assert.AreEqual($"Processbeskrivning › Testa › {question.Label}", FieldNames.Label($"process.steps[2].{question.Key}"));
        }
    }

    [TestMethod]
    public async Task The_story_page_and_its_contents_show_the_sections_of_the_table_in_reading_order()
    {
        var slug = await StorySlugAsync();
        var page = await SeededPortal.CreateClient().GetPageAsync($"/berattelser/{slug}");

        var sections = page.QuerySelectorAll(".story-sections section")
            .Where(s => StorySections.All.Any(t => t.Anchor == s.Id)).ToList();
        CollectionAssert.AreEqual(StorySections.InReadingOrder.Select(s => s.Anchor).ToList(), sections.Select(s => s.Id).ToList());
        CollectionAssert.AreEqual(HeadingsInReadingOrder.ToList(),
            sections.Select(s => page.GetElementById(s.GetAttribute("aria-labelledby")!)!.TextContent.Trim()).ToList(), "each section is labelled by its heading");
        Assert.IsTrue(StorySections.InReadingOrder.Where(s => s.InOverview).All(s => page.GetElementById(s.Anchor)!.ParentElement!.Id == "oversikt"));

        var contents = page.QuerySelectorAll("nav.toc a")
            .Where(a => StorySections.All.Any(s => a.GetAttribute("href") == "#" + s.Anchor)).ToList();
        CollectionAssert.AreEqual(HeadingsInReadingOrder.ToList(), contents.Select(a => a.TextContent.Trim()).ToList());
        CollectionAssert.AreEqual(StorySections.InReadingOrder.Select(s => "#" + s.Anchor).ToList(), contents.Select(a => a.GetAttribute("href")).ToList());

        foreach (var step in page.QuerySelectorAll("li.process-step"))
        {
            CollectionAssert.AreEqual(StorySections.StepQuestions.Select(q => q.Label).ToList(), step.QuerySelectorAll("dt").Select(d => d.TextContent.Trim()).ToList(), step.Id);
        }
        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        CollectionAssert.AllItemsAreUnique(ids);
    }

    [TestMethod]
    public async Task The_story_PDF_shows_the_sections_of_the_table_in_reading_order()
    {
        var slug = await StorySlugAsync();
        var pdf = await DownloadAsync(SeededPortal.CreateClient(), $"/berattelser/{slug}/pdf", "application/pdf");

        var chapters = OpenPdf(pdf).Outlines[0].Outlines.Select(o => o.Title).ToList();
        CollectionAssert.AreEqual(HeadingsInReadingOrder.ToList(), chapters, "the bookmarks of the chapters");
        var lines = PdfText(pdf).Split('\n').Select(l => l.Trim()).ToList();
        var at = 0;
        foreach (var heading in HeadingsInReadingOrder)
        {
            var found = lines.IndexOf(heading, at);
            Assert.AreNotEqual(-1, found, $"{heading} as a line after the chapter before it");
            at = found + 1;
        }
    }

    private static Task<string> StorySlugAsync() =>
        SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
            .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).Select(p => p.Slug).FirstAsync());
}
