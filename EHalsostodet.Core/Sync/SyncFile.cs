using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Sync;

/// <summary>A content item as one uSync file describes it.</summary>
public sealed record SyncFile(
    string RelativePath,
    Guid Id,
    ContentType Type,
    bool Published,
    DateOnly? ReviewBy,
    DateOnly? LastReviewed,
    IContentDocument Document,
    IReadOnlyDictionary<string, int> Lines)
{
    /// <summary>The line in the file where a document field (a JSON path such as process.steps[2]) is written.</summary>
    public int LineOf(string documentField) => YamlJson.LineOf(Lines, "$.document." + documentField);
}

/// <summary>A problem with one file: where it is and what is wrong, in Swedish.</summary>
public sealed record SyncProblem(string RelativePath, int Line, string Message)
{
    public override string ToString() => $"{RelativePath}:{Line}: {Message}";
}
