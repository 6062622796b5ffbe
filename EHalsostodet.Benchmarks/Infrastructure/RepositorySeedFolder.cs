namespace EHalsostodet.Benchmarks.Infrastructure;

/// <summary>The repository's uSync folder with the seed content, for commands run from a checkout.</summary>
public static class RepositorySeedFolder
{
    /// <summary>Searched upwards from the working folder, then from the binaries.</summary>
    /// <exception cref="UsageException">No uSync folder with content was found.</exception>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "uSync");
                if (Directory.Exists(Path.Combine(candidate, "content")))
                {
                    return candidate;
                }
            }
        }
        throw new UsageException("The uSync folder with the seed content was not found; run the command from the repository or give --usync.");
    }
}
