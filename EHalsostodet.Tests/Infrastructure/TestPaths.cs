namespace EHalsostodet.Tests.Infrastructure;

internal static class TestPaths
{
    /// <summary>The repository root, found from the test binaries upwards.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SeedFolder => Path.Combine(RepositoryRoot, "uSync");

    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "ehs-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A copy of a folder, for tests that change files.</summary>
    public static string CopyFolder(string source)
    {
        var target = NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EHalsostodet.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Hittar inte EHalsostodet.sln ovanför testerna.");
    }
}
