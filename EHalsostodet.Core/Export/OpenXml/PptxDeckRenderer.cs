using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using A = DocumentFormat.OpenXml.Drawing;

namespace EHalsostodet.Core.Export.OpenXml;

/// <summary>One slide: a title and the lines below it (bullets unless it is the title slide).</summary>
public sealed record DeckSlide(string Title, IReadOnlyList<string> Lines);

/// <summary>
/// A PowerPoint deck for a meeting about a story: title slide, Sammanfattning, Nytta, one slide per
/// process step, Lärdomar and Kontakt, built from the same export document as the PDF.
/// </summary>
public static class PptxDeckRenderer
{
    private const long SlideWidth = 12192000;
    private const long SlideHeight = 6858000;
    private const int MaxLinesPerSlide = 9;

    public static IReadOnlyList<DeckSlide> Slides(ExportDocument document)
    {
        var slides = new List<DeckSlide>
        {
            new(document.Title, [document.Lead, .. document.Facts.Select(f => $"{f.Label}: {f.Value}")]),
            new("Sammanfattning", Lines(document.Section("summary"))),
            new("Nytta", Lines(document.Section("benefits"))),
        };
        slides.AddRange(document.Sections.Where(s => s.Key.StartsWith("process.", StringComparison.Ordinal))
            .Select(s => new DeckSlide(s.Heading, Lines(s))));
        slides.Add(new("Lärdomar", Lines(document.Section("lessons"))));
        slides.Add(new("Kontakt", [.. Lines(document.Section("contacts")), "Läs hela berättelsen: " + document.PageUrl]));
        return slides;
    }

    public static byte[] Render(ExportDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Creator = "E-hälsostödet";
            package.PackageProperties.Language = "sv-SE";
            var presentationPart = package.AddPresentationPart();
            var master = presentationPart.AddNewPart<SlideMasterPart>("rId1");
            var layout = master.AddNewPart<SlideLayoutPart>("rId1");
            layout.SlideLayout = new SlideLayout(new CommonSlideData(EmptyTree()), new ColorMapOverride(new A.MasterColorMapping())) { Type = SlideLayoutValues.Blank };
            var theme = master.AddNewPart<ThemePart>("rId2");
            theme.Theme = Theme();
            master.SlideMaster = new SlideMaster(
                new CommonSlideData(EmptyTree()),
                new ColorMap
                {
                    Background1 = A.ColorSchemeIndexValues.Light1, Text1 = A.ColorSchemeIndexValues.Dark1,
                    Background2 = A.ColorSchemeIndexValues.Light2, Text2 = A.ColorSchemeIndexValues.Dark2,
                    Accent1 = A.ColorSchemeIndexValues.Accent1, Accent2 = A.ColorSchemeIndexValues.Accent2,
                    Accent3 = A.ColorSchemeIndexValues.Accent3, Accent4 = A.ColorSchemeIndexValues.Accent4,
                    Accent5 = A.ColorSchemeIndexValues.Accent5, Accent6 = A.ColorSchemeIndexValues.Accent6,
                    Hyperlink = A.ColorSchemeIndexValues.Hyperlink, FollowedHyperlink = A.ColorSchemeIndexValues.FollowedHyperlink,
                },
                new SlideLayoutIdList(new SlideLayoutId { Id = 2147483649U, RelationshipId = "rId1" }));
            presentationPart.AddPart(theme, "rId2");

            var slideIds = new SlideIdList();
            var number = 0;
            foreach (var slide in Slides(document))
            {
                number++;
                var slidePart = presentationPart.AddNewPart<SlidePart>($"rId{number + 2}");
                slidePart.AddPart(layout);
                slidePart.Slide = Slide(slide, isTitleSlide: number == 1);
                slideIds.Append(new SlideId { Id = (uint)(255 + number), RelationshipId = $"rId{number + 2}" });
            }
            presentationPart.Presentation = new Presentation(
                new SlideMasterIdList(new SlideMasterId { Id = 2147483648U, RelationshipId = "rId1" }),
                slideIds,
                new SlideSize { Cx = (int)SlideWidth, Cy = (int)SlideHeight },
                new NotesSize { Cx = 6858000, Cy = 9144000 },
                new DefaultTextStyle());
            presentationPart.Presentation.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The plain lines of a section, at most what fits on a slide.</summary>
    private static List<string> Lines(ExportSection? section)
    {
        if (section is null)
        {
            return [];
        }
        var lines = new List<string>();
        foreach (var block in section.Blocks)
        {
            switch (block)
            {
                case ExportParagraph paragraph:
                    lines.Add(Shorten(paragraph.Text));
                    break;
                case ExportSubheading subheading:
                    lines.Add(subheading.Text);
                    break;
                case ExportList list:
                    lines.AddRange(list.Items.Select(Shorten));
                    break;
                case ExportTable table:
                    lines.AddRange(table.Rows.Select(r => string.Join(" – ", r.Take(3).Where(c => c.Length > 0 && c != "–"))));
                    break;
                case ExportLink link:
                    lines.Add($"{link.Label}: {link.Url}");
                    break;
            }
        }
        return lines.Where(l => l.Length > 0).Take(MaxLinesPerSlide).ToList();
    }

    private static string Shorten(string text) => text.Length <= 220 ? text : text[..text.LastIndexOf(' ', 217)] + " …";

    private static Slide Slide(DeckSlide slide, bool isTitleSlide)
    {
        var tree = EmptyTree();
        tree.Append(TextShape(2, "Rubrik", isTitleSlide ? 1600000 : 380000, isTitleSlide ? 1500000 : 1000000, [slide.Title], isTitleSlide ? 4000 : 3200, bold: true, title: true));
        tree.Append(TextShape(3, "Innehåll", isTitleSlide ? 3200000 : 1500000, isTitleSlide ? 3000000 : 4900000, slide.Lines, isTitleSlide ? 2000 : 1800, bold: false, title: false, bullets: !isTitleSlide));
        return new Slide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
    }

    private static Shape TextShape(uint id, string name, long top, long height, IReadOnlyList<string> lines, int size, bool bold, bool title, bool bullets = false)
    {
        var nonVisual = new NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true });
        var applicationProperties = title ? new ApplicationNonVisualDrawingProperties(new PlaceholderShape { Type = PlaceholderValues.Title }) : new ApplicationNonVisualDrawingProperties();
        var body = new TextBody(new A.BodyProperties { Wrap = A.TextWrappingValues.Square }, new A.ListStyle());
        foreach (var line in lines.DefaultIfEmpty(""))
        {
            var properties = new A.ParagraphProperties();
            if (bullets)
            {
                properties.LeftMargin = 342900;
                properties.Indent = -342900;
                properties.Append(new A.CharacterBullet { Char = "•" });
            }
            body.Append(new A.Paragraph(properties,
                new A.Run(new A.RunProperties { Language = "sv-SE", FontSize = size, Bold = bold, Dirty = false }, new A.Text(line))));
        }
        return new Shape(
            new NonVisualShapeProperties(new NonVisualDrawingProperties { Id = id, Name = name }, nonVisual, applicationProperties),
            new ShapeProperties(new A.Transform2D(new A.Offset { X = 600000, Y = top }, new A.Extents { Cx = SlideWidth - 1200000, Cy = height }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }),
            body);
    }

    private static ShapeTree EmptyTree() => new(
        new NonVisualGroupShapeProperties(new NonVisualDrawingProperties { Id = 1U, Name = "" }, new NonVisualGroupShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
        new GroupShapeProperties(new A.TransformGroup()));

    private static A.Theme Theme()
    {
        static A.SolidFill Solid(string hex) => new(new A.RgbColorModelHex { Val = hex });
        var colors = new A.ColorScheme(
            new A.Dark1Color(new A.RgbColorModelHex { Val = "1B1B1B" }), new A.Light1Color(new A.RgbColorModelHex { Val = "FFFFFF" }),
            new A.Dark2Color(new A.RgbColorModelHex { Val = "0B3D6B" }), new A.Light2Color(new A.RgbColorModelHex { Val = "ECF0F4" }),
            new A.Accent1Color(new A.RgbColorModelHex { Val = "0B4F9C" }), new A.Accent2Color(new A.RgbColorModelHex { Val = "2E7D32" }),
            new A.Accent3Color(new A.RgbColorModelHex { Val = "8E24AA" }), new A.Accent4Color(new A.RgbColorModelHex { Val = "C62828" }),
            new A.Accent5Color(new A.RgbColorModelHex { Val = "EF6C00" }), new A.Accent6Color(new A.RgbColorModelHex { Val = "00838F" }),
            new A.Hyperlink(new A.RgbColorModelHex { Val = "0B4F9C" }), new A.FollowedHyperlinkColor(new A.RgbColorModelHex { Val = "5B2C8F" }))
        { Name = "E-hälsostödet" };
        var fonts = new A.FontScheme(
            new A.MajorFont(new A.LatinFont { Typeface = "Calibri" }, new A.EastAsianFont { Typeface = "" }, new A.ComplexScriptFont { Typeface = "" }),
            new A.MinorFont(new A.LatinFont { Typeface = "Calibri" }, new A.EastAsianFont { Typeface = "" }, new A.ComplexScriptFont { Typeface = "" }))
        { Name = "E-hälsostödet" };
        var formats = new A.FormatScheme(
            new A.FillStyleList(Solid("0B4F9C"), Solid("ECF0F4"), Solid("0B3D6B")),
            new A.LineStyleList(
                new A.Outline(Solid("0B4F9C")) { Width = 9525 }, new A.Outline(Solid("0B4F9C")) { Width = 25400 }, new A.Outline(Solid("0B4F9C")) { Width = 38100 }),
            new A.EffectStyleList(new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList())),
            new A.BackgroundFillStyleList(Solid("FFFFFF"), Solid("ECF0F4"), Solid("0B3D6B")))
        { Name = "E-hälsostödet" };
        return new A.Theme(new A.ThemeElements(colors, fonts, formats), new A.ObjectDefaults(), new A.ExtraColorSchemeList()) { Name = "E-hälsostödet" };
    }
}
