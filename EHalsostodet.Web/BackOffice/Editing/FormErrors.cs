namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>Swedish messages keyed by form path, in the order they were found.</summary>
public sealed class FormErrors
{
    private readonly List<(string Path, string Message)> entries = [];

    public IReadOnlyList<(string Path, string Message)> All => entries;

    public bool Any => entries.Count > 0;

    public void Add(string path, string message)
    {
        if (!entries.Contains((path, message)))
        {
            entries.Add((path, message));
        }
    }

    public IEnumerable<string> For(string path) => entries.Where(e => e.Path == path).Select(e => e.Message);

    public bool Has(string path) => entries.Any(e => e.Path == path);
}
