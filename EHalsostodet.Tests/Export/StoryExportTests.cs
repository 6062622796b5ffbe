using System.Net;
using DocumentFormat.OpenXml.Packaging;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using P = DocumentFormat.OpenXml.Presentation;
using W = DocumentFormat.OpenXml.Wordprocessing;
using static EHalsostodet.Tests.Export.ExportFiles;

namespace EHalsostodet.Tests.Export;

/// <summary>A published story downloaded as PDF, PowerPoint and Word, read back with the tools a reader would use.</summary>
[TestClass]
public sealed class StoryExportTests
{
    private static readonly string[] StepNames = ["Identifiera", "Undersöka", "Testa", "Införa", "Förvalta"];

    /// <summary>A seed story with indicators, contacts and Swedish letters in its title.</summary>
    private static async Task<StoryDocument> StoryAsync() =>
        await SeededPortal.Factory.WithScopeAsync(async s =>
        {
            var rows = await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Where(p => p.Type == ContentType.Story).OrderBy(p => p.Slug).ToListAsync();
            return rows.Select(r => ContentDocumentSerializer.Deserialize<StoryDocument>(r.DocumentJson))
                .First(d => d.Benefits.Effects.Any(e => e.Indicators.Count > 0) && d.Contacts.Count > 0 && d.Process.Steps.Count == 5);
        });

    [TestMethod]
    public async Task The_story_PDF_holds_the_whole_story_as_searchable_text_with_page_numbers()
    {
        var story = await StoryAsync();
        var pdf = await DownloadAsync(SeededPortal.CreateClient(), $"/berattelser/{story.Slug}/pdf", "application/pdf");
        if (Environment.GetEnvironmentVariable("EXPORT_SAMPLE_FOLDER") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{story.Slug}.pdf"), pdf);
        }

        var text = PdfText(pdf);
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        StringAssert.Contains(flat, story.Title);
        foreach (var heading in new[] { "Sammanfattning", "Nyttoeffekter", "Nyckelroller och organisation", "Teknik", "Processbeskrivning", "Lärdomar och tips", "Kontaktpersoner" })
        {
            StringAssert.Contains(text, heading);
        }
        foreach (var step in StepNames)
        {
            StringAssert.Contains(text, step);
        }
        StringAssert.Contains(flat, story.Benefits.Effects.SelectMany(e => e.Indicators).First().Name);
        StringAssert.Contains(text, story.Contacts[0].Name);
        StringAssert.Contains(text, "Innehållet kommer från kommunen");
        StringAssert.Contains(text, "Sida 1 av");
        // A long address wraps inside the word, so the lines are joined without a space.
        StringAssert.Contains(text.Replace("\n", "", StringComparison.Ordinal), $"http://localhost:5000/berattelser/{story.Slug}");

        var info = PdfInfo(pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2)).Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        Assert.AreEqual(story.Title, info["Title"]);
        Assert.AreEqual("E-hälsostödet", info["Author"]);
        Assert.AreEqual("yes", info["Tagged"]);
        Assert.IsGreaterThanOrEqualTo(2, int.Parse(info["Pages"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task The_story_PDF_has_bookmarks_a_language_and_a_QR_code_of_the_page_address()
    {
        var story = await StoryAsync();
        var pdf = await DownloadAsync(SeededPortal.CreateClient(), $"/berattelser/{story.Slug}/pdf", "application/pdf");

        var document = OpenPdf(pdf);
        Assert.AreEqual("sv-SE", document.Internals.Catalog.Elements.GetString("/Lang"));
        Assert.AreEqual(1, document.Outlines.Count, "the story title is the top bookmark");
        var sections = document.Outlines[0].Outlines.Select(o => o.Title).ToList();
        CollectionAssert.IsSubsetOf(new[] { "Sammanfattning", "Nyttoeffekter", "Processbeskrivning", "Kontaktpersoner" }, sections);
        StringAssert.Contains(string.Join('|', document.Outlines[0].Outlines.Single(o => o.Title == "Processbeskrivning").Outlines.Select(o => o.Title)), "Steg 1: Identifiera");

        Assert.AreEqual($"http://localhost:5000/berattelser/{story.Slug}", QrCodesOnFirstPage(pdf).Trim());
        var firstPageLinks = Enumerable.Range(0, document.Pages[0].Annotations.Count)
            .Select(i => document.Pages[0].Annotations[i].Elements.GetDictionary("/A")?.Elements.GetString("/URI")).ToList();
        CollectionAssert.Contains(firstPageLinks, $"http://localhost:5000/berattelser/{story.Slug}", "the address next to the QR code is a link");
    }

    [TestMethod]
    public async Task The_PowerPoint_deck_has_a_title_slide_summary_benefits_five_steps_lessons_and_contact()
    {
        var story = await StoryAsync();
        var pptx = await DownloadAsync(SeededPortal.CreateClient(), $"/berattelser/{story.Slug}/pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

        using var deck = PresentationDocument.Open(new MemoryStream(pptx), false);
        var presentation = deck.PresentationPart!;
        var titles = presentation.Presentation.SlideIdList!.Elements<P.SlideId>()
            .Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!))
            .Select(part => part.Slide.Descendants<P.Shape>().First().TextBody!.InnerText)
            .ToList();
        CollectionAssert.AreEqual(new[]
        {
            story.Title, "Sammanfattning", "Nytta", "Steg 1: Identifiera", "Steg 2: Undersöka", "Steg 3: Testa", "Steg 4: Införa", "Steg 5: Förvalta", "Lärdomar", "Kontakt",
        }, titles);
        var contactSlide = (SlidePart)presentation.GetPartById(presentation.Presentation.SlideIdList.Elements<P.SlideId>().Last().RelationshipId!);
        StringAssert.Contains(contactSlide.Slide.InnerText, story.Contacts[0].Name);
    }

    [TestMethod]
    public async Task The_Word_document_has_heading_styles_for_every_section_and_step()
    {
        var story = await StoryAsync();
        var docx = await DownloadAsync(SeededPortal.CreateClient(), $"/berattelser/{story.Slug}/docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().ToList();
        List<string> WithStyle(string style) => paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText).ToList();
        Assert.AreEqual(story.Title, WithStyle("Title").Single());
        CollectionAssert.IsSubsetOf(new[] { "Sammanfattning", "Nyttoeffekter", "Teknik", "Processbeskrivning", "Lärdomar och tips", "Kontaktpersoner" }, WithStyle("Heading1"));
        CollectionAssert.IsSubsetOf(StepNames.Select((s, i) => $"Steg {i + 1}: {s}").ToList(), WithStyle("Heading2"));
        Assert.IsNotNull(word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<W.Style>().SingleOrDefault(s => s.StyleId == "Heading1"));
    }

    [TestMethod]
    public async Task Downloads_are_named_after_the_story_and_counted_and_unknown_stories_are_not_found()
    {
        var story = await StoryAsync();
        var client = SeededPortal.CreateClient();
        using var response = await client.GetAsync($"/berattelser/{story.Slug}/docx");
        StringAssert.Contains(response.Content.Headers.GetValues("Content-Disposition").Single(), $"filename*=UTF-8''{story.Slug}.docx");

        await SeededPortal.Factory.FlushUsageCountsAsync();
        var counted = await SeededPortal.Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().UsageCounts
            .Where(u => u.Metric == UsageMetrics.Exported).SumAsync(u => u.Count));
        Assert.IsGreaterThanOrEqualTo(1, counted);

        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync("/berattelser/finns-inte/pdf")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync($"/berattelser/{story.Slug}/exe")).StatusCode);
    }

    [TestMethod]
    public async Task The_story_page_offers_the_three_downloads()
    {
        var story = await StoryAsync();
        var page = await SeededPortal.CreateClient().GetPageAsync($"/berattelser/{story.Slug}");
        var links = page.QuerySelectorAll(".downloads a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        CollectionAssert.AreEqual(new[]
        {
            ("Ladda ner som PDF", $"/berattelser/{story.Slug}/pdf"), ("PowerPoint", $"/berattelser/{story.Slug}/pptx"), ("Word", $"/berattelser/{story.Slug}/docx"),
        }, links);
    }
}
