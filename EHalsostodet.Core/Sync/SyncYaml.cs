using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace EHalsostodet.Core.Sync;

/// <summary>
/// The one way the import reads YAML, for the upload page and <c>usync import</c> alike. uSync
/// files never need anchors and aliases, so they are refused: an alias "billion laughs" would
/// otherwise expand a few kilobytes into gigabytes. The size of a file, how deep it nests and how
/// many values it holds are bounded too, all checked on the parser's event stream before any tree
/// is built, so a hostile file is refused within milliseconds with the line where it went wrong.
/// </summary>
public static class SyncYaml
{
    /// <summary>About fifty times the largest story in the seed content.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>A story nests about six levels deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>Values (scalars, lists and mappings) in one file; the municipality list has about 1,500.</summary>
    public const int MaxNodes = 50_000;

    /// <summary>Reads a file of the folder, or adds a problem when it is too large to be a uSync file.</summary>
    public static string? ReadFile(string root, string relativePath, List<SyncProblem> problems)
    {
        var path = Path.Combine(root, relativePath);
        var length = new FileInfo(path).Length;
        if (TooLarge(relativePath, length) is { } problem)
        {
            problems.Add(problem);
            return null;
        }
        return File.ReadAllText(path);
    }

    /// <summary>The problem with a file of this many bytes (or characters), or null when it is within the limit.</summary>
    public static SyncProblem? TooLarge(string relativePath, long length) =>
        length <= MaxFileBytes
            ? null
            : new SyncProblem(relativePath, 1, string.Create(CultureInfo.InvariantCulture,
                $"Filen är för stor ({length / 1024} kB). En uSync-fil får vara högst {MaxFileBytes / 1024} kB."));

    /// <summary>Checks the limits, then loads the YAML; throws <see cref="YamlException"/> with the position of the problem.</summary>
    public static YamlStream Load(string yaml)
    {
        Check(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream;
    }

    /// <summary>What to tell the editor about a YAML error: a limit's own message, or the parser's.</summary>
    public static string Describe(YamlException e) => e is SyncYamlException limit
        ? limit.Reason
        : "Filen är inte giltig YAML: " + e.Message.Replace("While parsing", "vid tolkning av", StringComparison.Ordinal);

    private static void Check(string yaml)
    {
        if (yaml.Length > MaxFileBytes)
        {
            var start = new Mark(0, 1, 1);
            throw new SyncYamlException(start, start, TooLarge("", yaml.Length)!.Message);
        }
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        var nodes = 0;
        var documents = 0;
        while (MoveNext(parser, yaml))
        {
            var current = parser.Current!;
            switch (current)
            {
                case AnchorAlias alias:
                    throw new SyncYamlException(alias.Start, alias.End,
                        $"YAML-alias (*{alias.Value}) stöds inte i uSync-filer. Skriv ut värdet där det ska stå.");
                case NodeEvent { Anchor.IsEmpty: false } anchored:
                    throw new SyncYamlException(anchored.Start, anchored.End,
                        $"YAML-ankare (&{anchored.Anchor}) stöds inte i uSync-filer. Skriv ut värdet där det ska stå.");
                case DocumentStart when ++documents > 1:
                    throw new SyncYamlException(current.Start, current.End, "Filen får bara innehålla ett YAML-dokument (--- delar den i flera).");
                case SequenceStart or MappingStart when ++depth > MaxDepth:
                    throw new SyncYamlException(current.Start, current.End,
                        string.Create(CultureInfo.InvariantCulture, $"Filen är för djupt nästlad: högst {MaxDepth} nivåer av listor och mappningar."));
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
            if (current is NodeEvent && ++nodes > MaxNodes)
            {
                throw new SyncYamlException(current.Start, current.End,
                    string.Create(CultureInfo.InvariantCulture, $"Filen innehåller för många värden: högst {MaxNodes} i en fil."));
            }
        }
    }

    private static bool MoveNext(Parser parser, string yaml)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position on an unclosed [ or {.
            var line = UnclosedBracketLine(yaml);
            throw new SyncYamlException(new Mark(0, line, 1), new Mark(0, line, 1), "Filen är inte giltig YAML: en lista [ ] eller mappning { } avslutas inte.");
        }
    }

    private static int UnclosedBracketLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Count(c => c is '[' or '{') > lines[i].Count(c => c is ']' or '}'))
            {
                return i + 1;
            }
        }
        return 1;
    }
}

/// <summary>A file that breaks one of <see cref="SyncYaml"/>'s limits, or that the parser gives up on without a position; <see cref="Reason"/> says what, in Swedish.</summary>
public sealed class SyncYamlException(Mark start, Mark end, string reason) : YamlException(start, end, reason)
{
    public string Reason { get; } = reason;
}
