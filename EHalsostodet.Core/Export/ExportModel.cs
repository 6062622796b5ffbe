using System.Text.Json.Serialization;

namespace EHalsostodet.Core.Export;

/// <summary>
/// A story (or a plan) in a form every export format renders the same way: headings, plain
/// paragraphs, lists, tables and links, with no Markdown or HTML left in it.
/// </summary>
/// <param name="Facts">Label and value pairs under the title, e.g. ("Kommun", "Exempelby (Hallands län)").</param>
/// <param name="PageUrl">The absolute address of the page the export was made from.</param>
public sealed record ExportDocument(
    string Title,
    string Lead,
    IReadOnlyList<ExportFact> Facts,
    IReadOnlyList<string> Tags,
    string PageUrl,
    string Notice,
    IReadOnlyList<ExportSection> Sections)
{
    public ExportSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);
}

public sealed record ExportFact(string Label, string Value);

/// <summary>A titled part of the document. Level 1 sections are chapters; level 2 sit under the chapter before them.</summary>
/// <param name="Key">What the section is, for formats that pick sections: summary, benefits, process.identify …, lessons, contacts.</param>
public sealed record ExportSection(string Key, string Heading, int Level, IReadOnlyList<ExportBlock> Blocks);

/// <summary>One piece of content inside a section.</summary>
[JsonDerivedType(typeof(ExportParagraph), "paragraph")]
[JsonDerivedType(typeof(ExportSubheading), "subheading")]
[JsonDerivedType(typeof(ExportList), "list")]
[JsonDerivedType(typeof(ExportTable), "table")]
[JsonDerivedType(typeof(ExportLink), "link")]
public abstract record ExportBlock;

public sealed record ExportParagraph(string Text) : ExportBlock;

/// <summary>A heading inside a section (one level below the section's own).</summary>
public sealed record ExportSubheading(string Text) : ExportBlock;

public sealed record ExportList(IReadOnlyList<string> Items) : ExportBlock;

public sealed record ExportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : ExportBlock;

public sealed record ExportLink(string Label, string Url) : ExportBlock;

/// <summary>Several documents behind a cover and a contents list: a collection.</summary>
public sealed record ExportBook(string Title, string Description, string PageUrl, IReadOnlyList<ExportDocument> Documents);

/// <summary>The formats the portal exports to.</summary>
public enum ExportFormat
{
    Pdf,
    Pptx,
    Docx,
}

/// <summary>A finished export, ready to send.</summary>
/// <param name="ETag">Changes whenever the content behind the file changes.</param>
/// <param name="IsCollection">Built from several stories, so republishing any story makes it stale.</param>
public sealed record ExportFile(byte[] Content, ExportFormat Format, string FileName, string ETag, bool IsCollection = false)
{
    public string ContentType => Format.ContentType();

    /// <summary>
    /// The file as <see cref="ExportCache"/> keeps it on disk, opened for one request (which sends and
    /// disposes it); <see cref="Content"/> is then empty.
    /// </summary>
    public Stream? Stored { get; init; }
}

public static class ExportFormats
{
    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Pdf => "application/pdf",
        ExportFormat.Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ExportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    public static string Extension(this ExportFormat format) => format.ToString().ToLowerInvariant();
}
