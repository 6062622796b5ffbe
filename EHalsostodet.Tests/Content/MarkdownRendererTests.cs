using EHalsostodet.Core.Markdown;

namespace EHalsostodet.Tests.Content;

[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [TestMethod]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = renderer.ToHtml("Hej <script>alert(1)</script> <img src=x onerror=alert(1)>");

        Assert.IsFalse(html.Contains("<script", StringComparison.OrdinalIgnoreCase));
        Assert.IsFalse(html.Contains("<img", StringComparison.OrdinalIgnoreCase));
        StringAssert.Contains(html, "&lt;script&gt;");
    }

    [TestMethod]
    [DataRow("[klicka](javascript:alert(1))")]
    [DataRow("[klicka](data:text/html;base64,PHNjcmlwdD4=)")]
    [DataRow("[klicka](vbscript:msgbox)")]
    [DataRow("<javascript:alert(1)>")]
    public void Links_with_script_schemes_lose_their_target(string markdown)
    {
        var html = renderer.ToHtml(markdown);

        Assert.IsFalse(html.Contains("javascript:", StringComparison.OrdinalIgnoreCase), html);
        Assert.IsFalse(html.Contains("data:", StringComparison.OrdinalIgnoreCase), html);
        Assert.IsFalse(html.Contains("vbscript:", StringComparison.OrdinalIgnoreCase), html);
    }

    [TestMethod]
    public void Web_mail_and_local_links_are_kept()
    {
        var html = renderer.ToHtml("[a](https://www.socialstyrelsen.se) [b](mailto:info@example.se) [c](/berattelser)");

        StringAssert.Contains(html, "href=\"https://www.socialstyrelsen.se\"");
        StringAssert.Contains(html, "href=\"mailto:info@example.se\"");
        StringAssert.Contains(html, "href=\"/berattelser\"");
    }

    [TestMethod]
    public void Headings_move_down_under_the_section_heading()
    {
        Assert.AreEqual("<h3>Rubrik</h3>", renderer.ToHtml("# Rubrik", 2).Trim());
        Assert.AreEqual("<h6>Djup</h6>", renderer.ToHtml("##### Djup", 3).Trim());
    }
}

[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class TeaserTests
{
    [TestMethod]
    public void A_teaser_is_the_first_paragraph_without_formatting()
    {
        Assert.AreEqual("Första stycket med fetstil.", Teaser.From("Första stycket med **fetstil**.\n\nAndra stycket."));
    }

    [TestMethod]
    public void A_long_paragraph_is_cut_at_a_word_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("välfärdsteknik", 40));

        var teaser = Teaser.From(text, 100);

        Assert.IsTrue(teaser.Length <= 100);
        StringAssert.EndsWith(teaser, "välfärdsteknik…");
    }

    [TestMethod]
    [DataRow("Kommunen införde nattkameror 2019, och IFO:s mottagning följde efter.")]
    [DataRow("    Indragen rad som blir kod")]
    [DataRow("Läs mer på www.socialstyrelsen.se eller https://www.ehalsomyndigheten.se/ (2020) 50 % färre larm; \"citat\" – 'enkla'")]
    [DataRow("Skriv till info@example.se om frågor.")]
    [DataRow("3) Tredje steget")]
    [DataRow("a. Första punkten")]
    [DataRow("iv. Fjärde")]
    [DataRow("- Punkt")]
    [DataRow("2020. Året då allt började")]
    [DataRow("Det gick *bra* och __mycket__ bra")]
    [DataRow("A & O, 1 < 2, \\escape, ~~bort~~, ^upp^, ++in++, ==märkt==, `kod`, [länk](/a), ![bild](/b), # rubrik, > citat, a | b")]
    [DataRow("Två\nrader")]
    public void Plain_text_of_a_line_is_what_parsing_the_markdown_gives(string markdown)
    {
        Assert.AreEqual(MarkdownRenderer.ParsedPlainText(markdown), MarkdownRenderer.ToPlainText(markdown));
    }

    [TestMethod]
    public void Every_text_line_of_the_seed_content_gets_the_plain_text_parsing_would_give()
    {
        var folder = Path.Combine(EHalsostodet.Tests.Infrastructure.TestPaths.SeedFolder, "content");
        var lines = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).SelectMany(File.ReadLines)
            .Select(line => line.Contains(':') ? line[(line.IndexOf(':') + 1)..].Trim().Trim('"', '\'', '>', '|', '-').Trim() : line.Trim())
            .Where(text => text.Length > 0).Distinct().ToList();
        var plain = lines.Where(MarkdownRenderer.IsPlain).ToList();

        Assert.IsGreaterThan(1000, plain.Count, "det snabba sättet ska gälla de flesta raderna");
        foreach (var text in lines)
        {
            Assert.AreEqual(MarkdownRenderer.ParsedPlainText(text), MarkdownRenderer.ToPlainText(text), text);
        }
    }
}
