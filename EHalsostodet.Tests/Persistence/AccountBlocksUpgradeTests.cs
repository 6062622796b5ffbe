using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Persistence;

/// <summary>
/// The migration AccountBlocks keeps what administrators had locked before blocks were their own
/// state (Identity's lockout until year 9999), and lifts the temporary lockouts of failed sign-ins,
/// which are no longer used.
/// </summary>
[TestClass]
public sealed class AccountBlocksUpgradeTests
{
    private const string SchemaBeforeBlocks = "20261206090000_LuceneSearch";

    [TestMethod]
    public async Task Accounts_an_administrator_had_locked_stay_blocked_and_temporary_lockouts_are_lifted()
    {
        using var portal = new PortalFactory(seedFolder: TestPaths.NewTempFolder());
        await using (var old = portal.Database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync(SchemaBeforeBlocks);
            await using var connection = old.Database.GetDbConnection();
            await connection.OpenAsync();
            await InsertUserAsync(connection, "last@example.se", DateTimeOffset.MaxValue);
            await InsertUserAsync(connection, "gissad@example.se", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        }

        using var client = portal.CreateClient();
        var users = await portal.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().Users.AsNoTracking().ToDictionaryAsync(u => u.Email!));

        Assert.IsNotNull(users["last@example.se"].BlockedAt, "the administrator's lock is a block now");
        Assert.IsNull(users["gissad@example.se"].BlockedAt);
        Assert.IsTrue(users.Values.All(u => u.LockoutEnd is null && u.AccessFailedCount == 0), "no lockout is left");
        using (var blocked = await client.PostAsJsonAsync("/api/auth/login", new { email = "last@example.se", password = PortalFactory.Password }))
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, blocked.StatusCode);
        }
        using var lifted = await client.PostAsJsonAsync("/api/auth/login", new { email = "gissad@example.se", password = PortalFactory.Password });
        Assert.AreEqual(HttpStatusCode.OK, lifted.StatusCode);
    }

    private static async Task InsertUserAsync(DbConnection connection, string email, DateTimeOffset lockoutEnd)
    {
        var user = new PortalUser { UserName = email, Email = email };
        var hash = new PasswordHasher<PortalUser>().HashPassword(user, PortalFactory.Password);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO identity_users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_end, lockout_enabled, access_failed_count)
            VALUES (@id, @name, @email, @normalized, @email, @normalized, TRUE, @hash, @stamp, @stamp, FALSE, FALSE, @lockout, TRUE, 3)
            """;
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("@id", Guid.NewGuid().ToString()), ("@name", email), ("@email", email), ("@normalized", email.ToUpperInvariant()),
                     ("@hash", hash), ("@stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()), ("@lockout", lockoutEnd),
                 })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }
}
