using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Sync;

/// <summary>A content item as one uSync file describes it.</summary>
/// <param name="BaseVersion">The number of the version the export was taken from (<c>version</c>), as the exporting installation counted it.</param>
/// <param name="BaseVersionId">The id of that version (<c>versionId</c>); missing in hand-written files and exports made before it was written.</param>
public sealed record SyncFile(
    string RelativePath,
    Guid Id,
    ContentType Type,
    bool Published,
    DateOnly? ReviewBy,
    DateOnly? LastReviewed,
    IContentDocument Document,
    IReadOnlyDictionary<string, int> Lines,
    int? BaseVersion = null,
    Guid? BaseVersionId = null)
{
    /// <summary>The line in the file where a document field (a JSON path such as process.steps[2]) is written.</summary>
    public int LineOf(string documentField) => YamlJson.LineOf(Lines, "$.document." + documentField);
}

/// <summary>A problem with one file: where it is and what is wrong, in Swedish.</summary>
public sealed record SyncProblem(string RelativePath, int Line, string Message)
{
    public override string ToString() => $"{RelativePath}:{Line}: {Message}";
}
