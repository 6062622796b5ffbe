using EHalsostodet.Core.Markdown;

namespace EHalsostodet.Tests.Content;

[TestClass]
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
}
