using EHalsostodet.Core.Instances;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EHalsostodet.Tests.Instances;

/// <summary>A host run with RunAsync can be stopped twice and disposed in between; the listener takes that calmly.</summary>
[TestClass]
[TestCategory(TestDatabase.PostgresOnly)]
public sealed class ListenerShutdownTests
{
    [TestMethod]
    public async Task A_listener_stopped_again_after_it_was_disposed_closes_its_connection_without_an_error()
    {
        using var factory = new PortalFactory();
        var listener = factory.Services.GetRequiredService<PostgresContentChangeListener>();
        Assert.AreEqual(1, await ListeningConnectionsAsync(factory));

        await listener.StopAsync(CancellationToken.None);
        await listener.DisposeAsync();
        await listener.StopAsync(CancellationToken.None);

        // The server ends a backend shortly after its client has closed the connection, not at once.
        var closed = false;
        for (var waited = 0; waited < 100 && !closed; waited++)
        {
            closed = await ListeningConnectionsAsync(factory) == 0;
            if (!closed)
            {
                await Task.Delay(50);
            }
        }
        Assert.IsTrue(closed, "the listener's connection is closed within five seconds");
    }

    private static async Task<long> ListeningConnectionsAsync(PortalFactory factory)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @database AND application_name = @name", connection);
        command.Parameters.AddWithValue("database", new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString).Database!);
        command.Parameters.AddWithValue("name", PostgresContentChangeListener.ApplicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
