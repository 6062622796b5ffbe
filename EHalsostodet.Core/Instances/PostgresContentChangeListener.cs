using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EHalsostodet.Core.Instances;

/// <summary>
/// LISTENs on <see cref="PostgresContentChannel"/> over a dedicated connection and evicts this
/// instance's caches for every item another instance (or this one) published or unpublished.
/// A dropped connection is opened again; since notifications sent meanwhile are lost, every
/// cache is then cleared.
/// </summary>
public sealed class PostgresContentChangeListener(
    PostgresConnectionString connectionString, ContentCacheEviction eviction, ILogger<PostgresContentChangeListener> logger)
    : IHostedService, IAsyncDisposable
{
    /// <summary>The application name of the listening connection, as pg_stat_activity shows it.</summary>
    public const string ApplicationName = "ehalsostodet-listener";

    /// <summary>How long to wait quietly before asking the server whether the connection still lives.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    // Not disposed: it has no timer or linked tokens, and a late second StopAsync may still read it.
    private readonly CancellationTokenSource stopping = new();
    private int stopped;
    private NpgsqlConnection? connection;
    private Task? listening;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Listen before the instance serves its first request, so no change after that is missed.
        try
        {
            connection = await ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            logger.LogWarning(e, "Kunde inte lyssna efter innehållsändringar från andra instanser; nytt försök strax.");
        }
        listening = Task.Run(() => ListenAsync(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopListeningAsync();
        if (listening is not null)
        {
            await listening.WaitAsync(cancellationToken);
        }
        await DropConnectionAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync();
        await DropConnectionAsync();
    }

    /// <summary>
    /// Once only: a host run with RunAsync may be stopped twice and disposed in between (the
    /// test host does so), and a second stop must not touch what the first ended.
    /// </summary>
    private async Task StopListeningAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await stopping.CancelAsync();
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (connection is null)
                {
                    connection = await ConnectAsync(cancellationToken);
                    eviction.Clear();
                    logger.LogInformation("Lyssnar åter efter innehållsändringar; alla cachar tömdes eftersom ändringar kan ha missats.");
                }
                if (!await connection.WaitAsync(Heartbeat, cancellationToken))
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                logger.LogWarning(e, "Anslutningen som lyssnar efter innehållsändringar bröts; ansluter igen.");
                await DropConnectionAsync();
                try
                {
                    await Task.Delay(RetryDelay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        // Not pooled: the connection lives as long as the listener and carries its LISTEN.
        var builder = new NpgsqlConnectionStringBuilder(connectionString.Value) { Pooling = false, ApplicationName = ApplicationName };
        var opened = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await opened.OpenAsync(cancellationToken);
            opened.Notification += OnNotification;
            await using var listen = new NpgsqlCommand($"LISTEN {PostgresContentChannel.Name}", opened);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return opened;
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (Guid.TryParse(e.Payload, out var itemId))
        {
            eviction.Evict(itemId);
        }
    }

    private async Task DropConnectionAsync()
    {
        if (Interlocked.Exchange(ref connection, null) is { } dropped)
        {
            dropped.Notification -= OnNotification;
            await dropped.DisposeAsync();
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is NpgsqlException or IOException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException;
}

/// <summary>The PostgreSQL connection string, for the dedicated connections of listeners and locks.</summary>
public sealed record PostgresConnectionString(string Value);
