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

        Assert.AreEqual(0, await ListeningConnectionsAsync(factory));
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
