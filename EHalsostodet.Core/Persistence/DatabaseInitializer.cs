using EHalsostodet.Core.Content;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Persistence;

/// <summary>
/// Brings the database to the current schema at start-up and, when it holds no content yet,
/// imports the seed content from the uSync folder.
/// </summary>
public sealed class DatabaseInitializer(
    PortalDbContext db, SyncImporter importer, SearchIndexSync searchIndex, IOptions<SyncOptions> syncOptions, IJobLock jobLock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }
        // Instances starting together on one database take turns: the first seeds, the rest find content.
        await using var exclusive = await jobLock.AcquireAsync(JobLockNames.DatabaseInitialisation, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        if (!await db.ContentItems.AnyAsync(cancellationToken))
        {
            await SeedAsync(cancellationToken);
        }
        // The index files are this instance's cache of the database: built when missing, caught up otherwise.
        await searchIndex.EnsureCurrentAsync(cancellationToken);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = syncOptions.Value.SeedFolder;
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            logger.LogWarning("Databasen är tom och ingen uSync-mapp hittades ({Folder}); portalen startar utan innehåll.", folder);
            return;
        }
        var plan = await importer.PlanAsync(folder, ImportPublishing.AsInFiles, overwriteChanged: false, cancellationToken);
        if (plan.HasProblems)
        {
            foreach (var problem in plan.Problems)
            {
                logger.LogError("Startinnehållet kunde inte importeras: {Problem}", problem.ToString());
            }
            return;
        }
        await importer.ApplyAsync(plan, ContentAuthor.SeedImport, cancellationToken);
        logger.LogInformation("Startinnehållet importerades: {Created} innehåll, {Municipalities} kommuner och {Synonyms} synonymgrupper.",
            plan.Count(SyncAction.Create), plan.Municipalities.Count, plan.SynonymsChanged);
    }
}
