using System.Collections.Concurrent;
using Npgsql;

namespace EHalsostodet.Core.Instances;

/// <summary>
/// A named lock over every instance that shares the database: a scheduled job holds it for
/// a run, and the work a job does holds it so that two instances never do the same work twice.
/// </summary>
public interface IJobLock
{
    /// <summary>Takes the lock if it is free; null when another run holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken);

    /// <summary>Waits until the lock is free and takes it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The names of the locks the portal's jobs and their work take.</summary>
public static class JobLockNames
{
    public const string ScheduledPublishing = "work:scheduled-publishing";
    public const string EmailDispatch = "work:email-dispatch";
    public const string NoticeDigests = "work:notification-digests";
    public const string DatabaseInitialisation = "work:database-initialisation";

    /// <summary>The lock a periodic job holds for one run.</summary>
    public static string Job(Type job) => "job:" + job.Name;
}

/// <summary>On SQLite there is one instance, so a lock within the process suffices.</summary>
internal sealed class InProcessJobLock : IJobLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new();

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        var semaphore = locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await semaphore.WaitAsync(TimeSpan.Zero, cancellationToken) ? new Held(semaphore) : null;
    }

    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var semaphore = locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Held(semaphore);
    }

    private sealed class Held(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// A PostgreSQL session advisory lock, held on a connection of its own for as long as the run
/// lasts (so it does not depend on the transactions the work opens and commits). Should the
/// instance die, the server ends the session and the lock with it.
/// </summary>
internal sealed class PostgresJobLock(PostgresConnectionString connectionString) : IJobLock
{
    /// <summary>The first key of every lock of the portal ("EHSD"); the second is a hash of the lock's name.</summary>
    private const int PortalLockClass = 0x45485344;

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken) =>
        TakeAsync("pg_try_advisory_lock", name, cancellationToken);

    public async Task<IAsyncDisposable> AcquireAsync(string name, CancellationToken cancellationToken) =>
        (await TakeAsync("pg_advisory_lock", name, cancellationToken))!;

    private async Task<IAsyncDisposable?> TakeAsync(string function, string name, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString.Value);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT {function}(@class, hashtext(@name))::text", connection);
            command.Parameters.AddWithValue("class", PortalLockClass);
            command.Parameters.AddWithValue("name", name);
            // pg_advisory_lock returns void (an empty text) and pg_try_advisory_lock a boolean.
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (result is "false")
            {
                await connection.DisposeAsync();
                return null;
            }
            return new Held(connection, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, hashtext(@name))", connection);
                command.Parameters.AddWithValue("class", PortalLockClass);
                command.Parameters.AddWithValue("name", name);
                await command.ExecuteScalarAsync();
            }
            finally
            {
                // A pooled connection is reset before reuse, which also drops a lock an error left behind.
                await connection.DisposeAsync();
            }
        }
    }
}
