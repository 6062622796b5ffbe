using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Insights;

public sealed class UsageOptions
{
    public const string Section = "Usage";

    /// <summary>How often this instance writes the counts it has gathered to the database.</summary>
    public int FlushSeconds { get; set; } = 5;
}

/// <summary>
/// The usage counts this instance has gathered but not yet written. A page view adds to memory;
/// <see cref="FlushAsync"/> writes every pending count in one transaction, adding to what is
/// stored, so several instances' counts add up and no request waits for a database write.
/// </summary>
public sealed class UsageCountBuffer : IDisposable
{
    private const int RowsPerStatement = 200;

    private readonly ConcurrentDictionary<(DateOnly Day, string Metric, string Subject), int> pending = new();
    private readonly SemaphoreSlim flushing = new(1, 1);

    public void Add(DateOnly day, string metric, string subject) => pending.AddOrUpdate((day, metric, subject), 1, (_, count) => count + 1);

    public bool IsEmpty => pending.IsEmpty;

    public void Dispose() => flushing.Dispose();

    /// <summary>Writes the pending counts; what is counted meanwhile waits for the next flush. Counts that could not be written stay pending.</summary>
    public async Task FlushAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (pending.IsEmpty)
        {
            return;
        }
        await flushing.WaitAsync(cancellationToken);
        try
        {
            var taken = new List<((DateOnly Day, string Metric, string Subject) Key, int Count)>();
            foreach (var (key, count) in pending)
            {
                if (count <= 0)
                {
                    continue;
                }
                // Subtract rather than remove: a count added at this moment stays for the next flush.
                pending.AddOrUpdate(key, 0, (_, now) => now - count);
                pending.TryRemove(KeyValuePair.Create(key, 0));
                taken.Add((key, count));
            }
            try
            {
                await WriteAsync(db, taken, cancellationToken);
            }
            catch
            {
                foreach (var (key, count) in taken)
                {
                    pending.AddOrUpdate(key, count, (_, now) => now + count);
                }
                throw;
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    private static async Task WriteAsync(PortalDbContext db, List<((DateOnly Day, string Metric, string Subject) Key, int Count)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (ownTransaction)
        {
            foreach (var chunk in rows.Chunk(RowsPerStatement))
            {
                var sql = new StringBuilder("INSERT INTO usage_counts (day, metric, subject, count) VALUES ");
                var parameters = new List<object>();
                foreach (var ((day, metric, subject), count) in chunk)
                {
                    var first = parameters.Count;
                    sql.Append(CultureInfo.InvariantCulture, $"{(first == 0 ? "" : ", ")}({{{first}}}, {{{first + 1}}}, {{{first + 2}}}, {{{first + 3}}})");
                    parameters.AddRange([day, metric, subject, count]);
                }
                sql.Append(" ON CONFLICT (day, metric, subject) DO UPDATE SET count = usage_counts.count + excluded.count");
#pragma warning disable EF1002 // only placeholders are formatted into the text; every value is a parameter
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
#pragma warning restore EF1002
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
    }
}

/// <summary>Writes this instance's pending usage counts every few seconds, and once more when the portal stops.</summary>
public sealed class UsageFlushService(UsageCountBuffer buffer, IServiceScopeFactory scopes, IOptions<UsageOptions> options, ILogger<UsageFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time, not the portal's clock: how often to write is an operational matter.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.FlushSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await buffer.FlushAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Användningsstatistiken kunde inte sparas; den sparas vid nästa försök.");
        }
    }
}
