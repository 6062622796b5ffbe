using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EHalsostodet.Web.Feeds;

/// <summary>One entry of a feed; <see cref="Url"/> is absolute.</summary>
public sealed record AtomEntry(Guid Id, string Title, string Summary, string Url, DateTime Published, DateTime Updated);

/// <summary>An Atom 1.0 feed (RFC 4287) with absolute links.</summary>
public sealed record AtomFeed(string Id, string Title, string Subtitle, string SelfUrl, string AlternateUrl, DateTime Updated, IReadOnlyList<AtomEntry> Entries)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public byte[] ToUtf8()
    {
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "sv"),
            new XElement(Atom + "id", Id),
            new XElement(Atom + "title", Title),
            new XElement(Atom + "subtitle", Subtitle),
            new XElement(Atom + "updated", Time(Updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", SelfUrl)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", AlternateUrl)),
            new XElement(Atom + "author", new XElement(Atom + "name", "E-hälsostödet")),
            Entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "id", $"urn:uuid:{e.Id:D}"),
                new XElement(Atom + "title", e.Title),
                new XElement(Atom + "published", Time(e.Published)),
                new XElement(Atom + "updated", Time(e.Updated)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", e.Url)),
                new XElement(Atom + "summary", new XAttribute("type", "text"), e.Summary))));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), feed).Save(writer);
        }
        return stream.ToArray();
    }

    private static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
