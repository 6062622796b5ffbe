using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using EHalsostodet.Core.Export;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using A = DocumentFormat.OpenXml.Drawing;
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
        var slides = Slides(deck);
        var titles = slides.Select(part => part.Slide.Descendants<P.Shape>().First().TextBody!.InnerText).ToList();
        CollectionAssert.AreEqual(new[]
        {
            story.Title, "Sammanfattning", "Nyttoeffekter", "Steg 1: Identifiera", "Steg 2: Undersöka", "Steg 3: Testa", "Steg 4: Införa", "Steg 5: Förvalta", "Lärdomar och tips", "Kontaktpersoner",
        }, titles.Select(t => t.Replace(" (forts.)", "", StringComparison.Ordinal)).Distinct().ToList(), string.Join(" | ", titles));
        StringAssert.Contains(slides[^1].Slide.InnerText, story.Contacts[0].Name);
        StringAssert.Contains(slides[^1].Slide.InnerText, $"http://localhost:5000/berattelser/{story.Slug}");
        var titleSlide = slides[0].Slide.InnerText;
        StringAssert.Contains(titleSlide, "E-hälsostödet");
        StringAssert.Contains(titleSlide, story.ShortDescription);
        StringAssert.Contains(titleSlide, "Innehållet kommer från kommunen");
        var master = deck.PresentationPart!.SlideMasterParts.Single().SlideMaster.InnerText;
        StringAssert.Contains(master, $"E-hälsostödet · http://localhost:5000/berattelser/{story.Slug}", "every slide's foot names the portal and the story");
        var errors = new OpenXmlValidator().Validate(deck).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.IsEmpty(errors, string.Join("\n", errors));
    }

    [TestMethod]
    public async Task The_PowerPoint_deck_of_the_richest_story_keeps_every_paragraph_of_every_step_and_shows_indicators_as_tables_with_column_headers()
    {
        var (slug, document) = await SeededPortal.Factory.WithScopeAsync(async s =>
        {
            var rows = await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().Where(p => p.Type == ContentType.Story).ToListAsync();
            var richest = rows.OrderByDescending(r => r.DocumentJson.Length).First();
            return (richest.Slug, await s.GetRequiredService<PublishedExports>().BuildStoryAsync(richest, s.GetRequiredService<PublicUrls>().BaseUrl, CancellationToken.None));
        });
        var pptx = await DownloadAsync(SeededPortal.CreateClient(), $"/berattelser/{slug}/pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

        using var deck = PresentationDocument.Open(new MemoryStream(pptx), false);
        var slides = Slides(deck);
        // The body text of every slide in order, without the titles: a paragraph split over two slides reads on.
        var bodyParagraphs = slides.SelectMany(part => part.Slide.Descendants<P.Shape>()
            .Where(shape => shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape?.Type?.Value is not (P.PlaceholderValues.Title or P.PlaceholderValues.CenteredTitle))
            .SelectMany(shape => shape.Descendants<A.Paragraph>())).ToList();
        var body = Flat(string.Join(" ", bodyParagraphs.Select(p => p.InnerText)));
        var steps = document.Sections.Where(s => s.Key.StartsWith("process.", StringComparison.Ordinal)).ToList();
        Assert.HasCount(5, steps);
        var checkedTexts = 0;
        foreach (var step in steps)
        {
            Assert.IsTrue(slides.Any(s => s.Slide.Descendants<P.Shape>().First().InnerText == step.Heading), step.Heading);
            foreach (var block in step.Blocks)
            {
                var texts = block switch
                {
                    ExportParagraph paragraph => [paragraph.Text],
                    ExportList list => list.Items,
                    ExportSubheading subheading => [subheading.Text],
                    ExportLink link => [link.Url],
                    _ => (IReadOnlyList<string>)[],
                };
                foreach (var text in texts)
                {
                    StringAssert.Contains(body, Flat(text), $"{step.Heading}: the deck lost text");
                    checkedTexts++;
                }
            }
            foreach (var question in new[] { "Lärdomar", "Metoder och verktyg" }.Where(q => step.Blocks.OfType<ExportSubheading>().Any(h => h.Text == q)))
            {
                var heading = bodyParagraphs.FirstOrDefault(p => p.InnerText == question);
                Assert.IsNotNull(heading, $"{step.Heading}: {question}");
                Assert.IsNotNull(heading.ParagraphProperties?.GetFirstChild<A.NoBullet>(), $"{question} is a heading, not a bullet");
                Assert.IsTrue(heading.Descendants<A.RunProperties>().All(r => r.Bold?.Value == true), $"{question} is set in bold");
            }
        }
        Assert.IsGreaterThan(30, checkedTexts);
        Assert.IsFalse(bodyParagraphs.Any(p => p.InnerText.EndsWith(" …", StringComparison.Ordinal)), "no sentence is cut short");

        var tables = slides.SelectMany(part => part.Slide.Descendants<A.Table>())
            .Select(t => t.Elements<A.TableRow>().Select(r => r.Elements<A.TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        var indicatorTables = document.Section("benefits")!.Blocks.OfType<ExportTable>().ToList();
        Assert.IsNotEmpty(indicatorTables, "the richest story has measured indicators");
        foreach (var indicator in indicatorTables.SelectMany(t => t.Rows.Select(r => (t.Columns, Row: r))))
        {
            var table = tables.FirstOrDefault(t => t.Skip(1).Any(r => r.SequenceEqual(indicator.Row)));
            Assert.IsNotNull(table, $"no table row for the indicator {indicator.Row[0]}");
            CollectionAssert.AreEqual(indicator.Columns.ToList(), table[0], "the table's first row names the columns");
        }
        Assert.IsTrue(slides.SelectMany(part => part.Slide.Descendants<A.Table>()).All(t => t.GetFirstChild<A.TableProperties>()?.FirstRow?.Value == true), "the first row is marked as the header row");
        var errors = new OpenXmlValidator().Validate(deck).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.IsEmpty(errors, string.Join("\n", errors));
    }

    private static List<SlidePart> Slides(PresentationDocument deck)
    {
        var presentation = deck.PresentationPart!;
        return presentation.Presentation.SlideIdList!.Elements<P.SlideId>().Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!)).ToList();
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

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
    public async Task The_story_page_offers_the_four_downloads()
    {
        var story = await StoryAsync();
        var page = await SeededPortal.CreateClient().GetPageAsync($"/berattelser/{story.Slug}");
        var links = page.QuerySelectorAll(".downloads a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        CollectionAssert.AreEqual(new[]
        {
            ("Ladda ner som PDF", $"/berattelser/{story.Slug}/pdf"), ("Kortversion som PDF", $"/berattelser/{story.Slug}/kortversion/pdf"),
            ("PowerPoint", $"/berattelser/{story.Slug}/pptx"), ("Word", $"/berattelser/{story.Slug}/docx"),
        }, links);
    }

    [TestMethod]
    public async Task The_short_PDF_of_every_seed_story_has_the_summary_and_benefits_with_link_and_QR_code_on_at_most_two_pages()
    {
        var client = SeededPortal.CreateClient();
        var stories = await SeededPortal.Factory.WithScopeAsync(async s =>
            (await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking().Where(p => p.Type == ContentType.Story).ToListAsync())
                .Select(r => ContentDocumentSerializer.Deserialize<StoryDocument>(r.DocumentJson)).ToList());
        Assert.IsGreaterThan(1, stories.Count);
        foreach (var story in stories)
        {
            using var response = await client.GetAsync($"/berattelser/{story.Slug}/kortversion/pdf");
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, story.Slug);
            Assert.AreEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            StringAssert.Contains(response.Content.Headers.ContentDisposition!.ToString(), $"{story.Slug}-kortversion.pdf");
            var pdf = await response.Content.ReadAsByteArrayAsync();

            Assert.IsLessThanOrEqualTo(2, OpenPdf(pdf).PageCount, $"{story.Slug}: the short version has at most two pages");
            var text = PdfText(pdf);
            var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            StringAssert.Contains(flat, story.Title);
            StringAssert.Contains(text, "Sammanfattning");
            StringAssert.Contains(text, "Nyttoeffekter");
            StringAssert.Contains(text.Replace("\n", "", StringComparison.Ordinal), $"http://localhost:5000/berattelser/{story.Slug}");
            Assert.AreEqual($"http://localhost:5000/berattelser/{story.Slug}", QrCodesOnFirstPage(pdf).Trim(), story.Slug);
            if (story.Benefits.Effects.SelectMany(e => e.Indicators).FirstOrDefault() is { } indicator)
            {
                // A name wraps inside its table cell, and pdftotext reads the cells of a row side by side.
                foreach (var word in indicator.Name.Split(' '))
                {
                    StringAssert.Contains(flat, word, $"{story.Slug}: {indicator.Name}");
                }
                StringAssert.Contains(text, "Utgångsläge");
            }
            Assert.IsFalse(text.Contains("Steg 1: Identifiera", StringComparison.Ordinal), "the process steps are only in the full version");
        }
    }

    [TestMethod]
    public void A_short_version_too_long_for_two_pages_leaves_out_the_end_and_says_where_to_read_the_rest()
    {
        _ = new ExportRenderer(Microsoft.Extensions.Options.Options.Create(new ExportOptions()));
        var longText = string.Join(" ", Enumerable.Repeat("Kommunen mätte tiden till beslut varje månad och följde upp resultaten i nämnden.", 20));
        var document = new ExportDocument("En mycket lång berättelse", "Kort om berättelsen.", [new ExportFact("Kommun", "Exempelby")], [],
            "http://localhost:5000/berattelser/lang", "Innehållet kommer från kommunen.",
        [
            new ExportSection("summary", "Sammanfattning", 1, [.. Enumerable.Range(1, 12).Select(i => new ExportParagraph($"Stycke {i}. {longText}"))]),
            new ExportSection("benefits", "Nyttoeffekter", 1, [new ExportSubheading("Medarbetare"), .. Enumerable.Range(1, 12).Select(i => new ExportParagraph($"Nytta {i}. {longText}"))]),
        ]);

        var pdf = Core.Export.Pdf.PdfExportRenderer.Summary(document);

        Assert.AreEqual(2, OpenPdf(pdf).PageCount);
        var text = PdfText(pdf);
        StringAssert.Contains(text, "Stycke 1.");
        StringAssert.Contains(text, "Nytta 1.");
        Assert.IsFalse(text.Contains("Stycke 12.", StringComparison.Ordinal));
        StringAssert.Contains(text, "Kortversionen har inte plats för allt");
    }
    /// <summary>With one render at a time, a render that fails or is cancelled must give its turn back, or every later export would wait for ever.</summary>
    [TestMethod]
    public async Task A_render_that_fails_or_is_cancelled_gives_its_turn_back_to_the_ones_waiting()
    {
        using var renderer = new ExportRenderer(Microsoft.Extensions.Options.Options.Create(new ExportOptions { MaxConcurrentRendering = 1 }));
        var document = new ExportDocument("Tur i tur", "Kort om berättelsen.", [new ExportFact("Kommun", "Exempelby")], [],
            "http://localhost:5000/berattelser/tur", "Innehållet kommer från kommunen.",
            [new ExportSection("summary", "Sammanfattning", 1, [new ExportParagraph("Ett stycke.")])]);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => renderer.RenderAsync(document, (ExportFormat)99, CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => renderer.RenderAsync(document, ExportFormat.Pdf, cancelled.Token));
        var files = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => renderer.RenderAsync(document, ExportFormat.Pdf, CancellationToken.None))))
            .WaitAsync(TimeSpan.FromMinutes(1));

        foreach (var pdf in files)
        {
            StringAssert.Contains(PdfText(pdf), "Tur i tur");
        }
    }
}
