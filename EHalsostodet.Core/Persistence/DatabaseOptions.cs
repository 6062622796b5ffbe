namespace EHalsostodet.Core.Persistence;

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>How many kilobytes of database pages each pooled SQLite connection keeps in its own cache.</summary>
    public int SqliteCacheKilobytes { get; set; } = 512;
}
