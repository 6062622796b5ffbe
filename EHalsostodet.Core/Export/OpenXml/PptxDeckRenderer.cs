using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using EHalsostodet.Core.Content;
using A = DocumentFormat.OpenXml.Drawing;

namespace EHalsostodet.Core.Export.OpenXml;

/// <summary>
/// A PowerPoint deck for a meeting about a story, built from the same export document as the PDF:
/// a title slide, then Sammanfattning, Nyttoeffekter (indicators as tables with column headers),
/// each process step, Lärdomar och tips and Kontaktpersoner, each over as many slides as its text
/// needs (<see cref="DeckPaginator"/>). The master carries the portal's name and the story's address.
/// </summary>
public static class PptxDeckRenderer
{
    private const string PortalName = "E-hälsostödet";
    private const string TextColor = "1B1B1B";
    private const string TitleColor = "0B3D6B";
    private const string AccentColor = "0B4F9C";
    private const string MutedColor = "505050";
    private const string ShadeColor = "ECF0F4";
    private const long TitleTop = 380000;
    private const long TitleHeight = 900000;

    /// <summary>The content slides after the title slide, in order.</summary>
    public static IReadOnlyList<DeckSlide> ContentSlides(ExportDocument document)
    {
        var sections = new List<ExportSection?> { document.Section(StorySections.Summary.Key), document.Section(StorySections.Benefits.Key) };
        sections.AddRange(document.Sections.Where(s => s.Key.StartsWith(StorySections.Process.Key + ".", StringComparison.Ordinal)));
        sections.Add(document.Section(StorySections.Lessons.Key));
        var slides = sections.OfType<ExportSection>().SelectMany(s => DeckPaginator.Paginate(s.Heading, s.Blocks)).ToList();
        var contacts = document.Section(StorySections.Contacts.Key);
        slides.AddRange(DeckPaginator.Paginate(contacts?.Heading ?? StorySections.Contacts.Heading,
            [.. contacts?.Blocks ?? [], new ExportSubheading("Läs hela berättelsen"), new ExportParagraph(document.PageUrl)]));
        return slides;
    }

    public static byte[] Render(ExportDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Subject = document.Lead;
            package.PackageProperties.Creator = PortalName;
            package.PackageProperties.Language = "sv-SE";
            var presentationPart = package.AddPresentationPart();
            var master = presentationPart.AddNewPart<SlideMasterPart>("rId1");
            var titleLayout = master.AddNewPart<SlideLayoutPart>("rId1");
            titleLayout.SlideLayout = Layout("Rubrikbild", SlideLayoutValues.Title);
            var contentLayout = master.AddNewPart<SlideLayoutPart>("rId3");
            contentLayout.SlideLayout = Layout("Rubrik och innehåll", SlideLayoutValues.Text);
            var theme = master.AddNewPart<ThemePart>("rId2");
            theme.Theme = Theme();
            master.SlideMaster = Master(document.PageUrl);
            presentationPart.AddPart(theme, "rId2");

            var slideIds = new SlideIdList();
            var slides = new List<(Slide Slide, SlideLayoutPart Layout)> { (TitleSlide(document), titleLayout) };
            slides.AddRange(ContentSlides(document).Select(s => (ContentSlide(s), contentLayout)));
            var number = 0;
            foreach (var (slide, layout) in slides)
            {
                number++;
                var slidePart = presentationPart.AddNewPart<SlidePart>($"rId{number + 2}");
                slidePart.AddPart(layout);
                slidePart.Slide = slide;
                slideIds.Append(new SlideId { Id = (uint)(255 + number), RelationshipId = $"rId{number + 2}" });
            }
            presentationPart.Presentation = new Presentation(
                new SlideMasterIdList(new SlideMasterId { Id = 2147483648U, RelationshipId = "rId1" }),
                slideIds,
                new SlideSize { Cx = (int)DeckPaginator.SlideWidth, Cy = (int)DeckPaginator.SlideHeight },
                new NotesSize { Cx = 6858000, Cy = 9144000 },
                new DefaultTextStyle());
            presentationPart.Presentation.Save();
        }
        return stream.ToArray();
    }

    private static SlideLayout Layout(string name, SlideLayoutValues type) =>
        new(new CommonSlideData(EmptyTree()) { Name = name }, new ColorMapOverride(new A.MasterColorMapping())) { Type = type };

    /// <summary>The master every slide shows: a band in the portal's colour on top, and the portal's name with the story's address at the foot.</summary>
    private static SlideMaster Master(string pageUrl)
    {
        var tree = EmptyTree();
        tree.Append(Band(2, 0, 120000, AccentColor));
        tree.Append(Box(3, "Sidfot", 6300000, 380000, [Paragraph($"{PortalName} · {pageUrl}", 1200, MutedColor)]));
        return new SlideMaster(
            new CommonSlideData(tree),
            new ColorMap
            {
                Background1 = A.ColorSchemeIndexValues.Light1, Text1 = A.ColorSchemeIndexValues.Dark1,
                Background2 = A.ColorSchemeIndexValues.Light2, Text2 = A.ColorSchemeIndexValues.Dark2,
                Accent1 = A.ColorSchemeIndexValues.Accent1, Accent2 = A.ColorSchemeIndexValues.Accent2,
                Accent3 = A.ColorSchemeIndexValues.Accent3, Accent4 = A.ColorSchemeIndexValues.Accent4,
                Accent5 = A.ColorSchemeIndexValues.Accent5, Accent6 = A.ColorSchemeIndexValues.Accent6,
                Hyperlink = A.ColorSchemeIndexValues.Hyperlink, FollowedHyperlink = A.ColorSchemeIndexValues.FollowedHyperlink,
            },
            new SlideLayoutIdList(
                new SlideLayoutId { Id = 2147483649U, RelationshipId = "rId1" },
                new SlideLayoutId { Id = 2147483650U, RelationshipId = "rId3" }));
    }

    private static Slide TitleSlide(ExportDocument document)
    {
        var tree = EmptyTree();
        // Long titles and leads get a smaller size, so the title slide's boxes keep apart.
        tree.Append(Box(2, "Rubrik", 1400000, 1500000, [Paragraph(document.Title, document.Title.Length <= 60 ? 4000 : 3000, TitleColor, bold: true)], PlaceholderValues.CenteredTitle));
        tree.Append(Box(3, "Avsändare", 900000, 500000, [Paragraph($"{PortalName} · Kommunberättelse", 1800, AccentColor, bold: true)]));
        var lines = new List<A.Paragraph>();
        if (document.Lead.Length > 0)
        {
            lines.Add(Paragraph(document.Lead, document.Lead.Length <= 200 ? 2000 : 1600, TextColor, spaceAfter: 1200));
        }
        lines.AddRange(document.Facts.Select(f => Paragraph($"{f.Label}: {f.Value}", 1400, MutedColor, spaceAfter: 200)));
        tree.Append(Box(4, "Underrubrik", 3000000, 2100000, lines, PlaceholderValues.SubTitle));
        if (document.Notice.Length > 0)
        {
            var notice = Box(5, "Ansvar", 5200000, 900000, [Paragraph(document.Notice, 1100, TextColor)]);
            notice.ShapeProperties!.Append(new A.SolidFill(new A.RgbColorModelHex { Val = ShadeColor }));
            tree.Append(notice);
        }
        return new Slide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
    }

    private static Slide ContentSlide(DeckSlide slide)
    {
        var tree = EmptyTree();
        tree.Append(Box(2, "Rubrik", TitleTop, TitleHeight, [Paragraph(slide.Title, 2800, TitleColor, bold: true)], PlaceholderValues.Title));
        uint id = 3;
        foreach (var part in slide.Parts)
        {
            switch (part)
            {
                case DeckTextBox box:
                    tree.Append(Box(id, $"Text {id}", box.Top, box.Height, box.Texts.Select(TextParagraph).ToList()));
                    break;
                case DeckTable table:
                    tree.Append(Table(id, table));
                    break;
            }
            id++;
        }
        return new Slide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
    }

    private static A.Paragraph TextParagraph(DeckText text) => text.Kind switch
    {
        DeckTextKind.Heading => Paragraph(text.Text, DeckPaginator.HeadingSize * 100, AccentColor, bold: true, spaceBefore: (int)(DeckPaginator.SpaceBeforeHeading * 100)),
        DeckTextKind.Bullet => Paragraph(text.Text, DeckPaginator.TextSize * 100, TextColor, bullet: true),
        _ => Paragraph(text.Text, DeckPaginator.TextSize * 100, TextColor),
    };

    /// <param name="size">In hundredths of a point, as DrawingML counts.</param>
    private static A.Paragraph Paragraph(string text, int size, string color, bool bold = false, bool bullet = false, int spaceBefore = 0, int spaceAfter = (int)(DeckPaginator.SpaceAfter * 100))
    {
        var properties = new A.ParagraphProperties(
            new A.SpaceBefore(new A.SpacingPoints { Val = spaceBefore }),
            new A.SpaceAfter(new A.SpacingPoints { Val = spaceAfter }));
        if (bullet)
        {
            properties.LeftMargin = (int)DeckPaginator.BulletIndent;
            properties.Indent = -(int)DeckPaginator.BulletIndent;
            properties.Append(new A.CharacterBullet { Char = "•" });
        }
        else
        {
            properties.Append(new A.NoBullet());
        }
        return new A.Paragraph(properties, new A.Run(Run(size, color, bold), new A.Text(text)));
    }

    private static A.RunProperties Run(int size, string color, bool bold) =>
        new(new A.SolidFill(new A.RgbColorModelHex { Val = color })) { Language = "sv-SE", FontSize = size, Bold = bold, Dirty = false };

    private static Shape Box(uint id, string name, long top, long height, IReadOnlyList<A.Paragraph> paragraphs, PlaceholderValues? placeholder = null)
    {
        var applicationProperties = placeholder is { } type
            ? new ApplicationNonVisualDrawingProperties(new PlaceholderShape { Type = type })
            : new ApplicationNonVisualDrawingProperties();
        var body = new TextBody(new A.BodyProperties { Wrap = A.TextWrappingValues.Square, Anchor = A.TextAnchoringTypeValues.Top }, new A.ListStyle());
        body.Append(paragraphs.DefaultIfEmpty(new A.Paragraph()));
        return new Shape(
            new NonVisualShapeProperties(new NonVisualDrawingProperties { Id = id, Name = name }, new NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }), applicationProperties),
            new ShapeProperties(
                new A.Transform2D(new A.Offset { X = DeckPaginator.BodyLeft, Y = top }, new A.Extents { Cx = DeckPaginator.BodyWidth, Cy = height }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }),
            body);
    }

    private static Shape Band(uint id, long top, long height, string color) => new(
        new NonVisualShapeProperties(new NonVisualDrawingProperties { Id = id, Name = "Färgband" }, new NonVisualShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
        new ShapeProperties(
            new A.Transform2D(new A.Offset { X = 0, Y = top }, new A.Extents { Cx = DeckPaginator.SlideWidth, Cy = height }),
            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle },
            new A.SolidFill(new A.RgbColorModelHex { Val = color }),
            new A.Outline(new A.NoFill())),
        new TextBody(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph()));

    private static GraphicFrame Table(uint id, DeckTable table)
    {
        var widths = DeckPaginator.ColumnWidths(table.Columns.Count);
        var grid = new A.TableGrid(widths.Select(w => new A.GridColumn { Width = w }));
        var rows = new List<A.TableRow> { Row(table.Columns, header: true, shaded: false) };
        rows.AddRange(table.Rows.Select((row, i) => Row(row, header: false, shaded: i % 2 == 1)));
        var rowHeight = table.Height / Math.Max(1, rows.Count);
        foreach (var row in rows)
        {
            row.Height = rowHeight;
        }
        var drawingTable = new A.Table(new A.TableProperties { FirstRow = true, BandRow = true }, grid);
        drawingTable.Append(rows);
        return new GraphicFrame(
            new NonVisualGraphicFrameProperties(
                new NonVisualDrawingProperties { Id = id, Name = $"Tabell {id}" },
                new NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoGrouping = true }),
                new ApplicationNonVisualDrawingProperties()),
            new Transform(new A.Offset { X = DeckPaginator.BodyLeft, Y = table.Top }, new A.Extents { Cx = DeckPaginator.BodyWidth, Cy = table.Height }),
            new A.Graphic(new A.GraphicData(drawingTable) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/table" }));
    }

    private static A.TableRow Row(IReadOnlyList<string> cells, bool header, bool shaded)
    {
        var row = new A.TableRow();
        foreach (var cell in cells)
        {
            var paragraph = new A.Paragraph(new A.Run(Run(DeckPaginator.TableTextSize * 100, header ? "FFFFFF" : TextColor, header), new A.Text(cell)));
            var fill = header ? AccentColor : shaded ? ShadeColor : "FFFFFF";
            row.Append(new A.TableCell(
                new A.TextBody(new A.BodyProperties(), new A.ListStyle(), paragraph),
                new A.TableCellProperties(new A.SolidFill(new A.RgbColorModelHex { Val = fill }))));
        }
        return row;
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
