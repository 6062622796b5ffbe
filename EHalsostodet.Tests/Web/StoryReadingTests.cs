using EHalsostodet.Core.Content;
using EHalsostodet.Tests.Infrastructure;
using EHalsostodet.Tests.Members.Saving;

namespace EHalsostodet.Tests.Web;

/// <summary>A long story as the server sends it, before any script: steps that open on demand, sharing near the top, a way back to the contents.</summary>
[TestClass]
public sealed class StoryReadingTests
{
    [TestMethod]
    public async Task Every_step_opens_on_demand_and_the_button_that_opens_all_waits_for_its_script()
    {
        var story = await SavingPortal.PublishedAsync(SeededPortal.Factory, ContentType.Story);
        var page = await SeededPortal.CreateClient().GetPageAsync(story.Url);

        var steps = page.QuerySelectorAll("ol.process-steps > li.process-step");
        Assert.AreEqual(5, steps.Length);
        foreach (var step in steps)
        {
            var details = step.QuerySelector(":scope > details")!;
            Assert.IsFalse(details.HasAttribute("open"), step.Id);
            Assert.IsNotNull(details.QuerySelector(":scope > summary > h3"), step.Id);
            Assert.AreEqual(6, details.QuerySelectorAll("dl > dt").Length, step.Id);
        }
        Assert.IsTrue(page.QuerySelector("button[data-steps-toggle]")!.ParentElement!.HasAttribute("hidden"), "without story.js there is no button to press");
        Assert.IsNotNull(page.QuerySelector("script[src^='/js/story.']"), "the story's script");
    }

    [TestMethod]
    public async Task Sharing_and_downloads_are_offered_in_the_header_and_the_contents_are_a_jump_away()
    {
        var story = await SavingPortal.PublishedAsync(SeededPortal.Factory, ContentType.Story);
        var page = await SeededPortal.CreateClient().GetPageAsync(story.Url);

        var shortcut = page.QuerySelector("header.story-header details.share-and-download")!;
        Assert.AreEqual("Dela / Ladda ner", shortcut.QuerySelector("summary")!.TextContent.Trim());
        var downloads = shortcut.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")).ToList();
        CollectionAssert.AreEqual(page.QuerySelectorAll("aside.downloads a[download]").Select(a => a.GetAttribute("href")).ToList(), downloads, "the same four exports as at the end");
        CollectionAssert.AreEqual(new[] { $"{story.Url}/pdf", $"{story.Url}/kortversion/pdf", $"{story.Url}/pptx", $"{story.Url}/docx" }, downloads);
        StringAssert.StartsWith(shortcut.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"), "mailto:?subject=");
        Assert.IsNotNull(page.GetElementById(shortcut.QuerySelector("a[href^='#']")!.GetAttribute("href")!.TrimStart('#')), "the link to the share panel leads somewhere");

        var jump = page.QuerySelector("a.toc-jump")!;
        Assert.AreEqual("nav", page.GetElementById(jump.GetAttribute("href")!.TrimStart('#'))!.LocalName);
        foreach (var table in page.QuerySelectorAll(".table-wrap"))
        {
            Assert.AreEqual("0", table.GetAttribute("tabindex"));
            Assert.IsNotNull(page.GetElementById(table.GetAttribute("aria-describedby")!), "the scroll hint is there");
        }
    }
}
