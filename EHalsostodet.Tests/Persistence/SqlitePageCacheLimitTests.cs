using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Persistence;

/// <summary>Every SQLite connection the portal opens keeps at most 512 kB of pages of its own, pooled or new.</summary>
[TestClass]
[TestCategory(TestDatabase.SqliteOnly)]
public sealed class SqlitePageCacheLimitTests
{
    [TestMethod]
    public async Task Each_connection_the_portal_opens_has_its_page_cache_limited()
    {
        for (var round = 0; round < 3; round++)
        {
            var cacheSize = await SeededPortal.Factory.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<PortalDbContext>();
                // The first query opens the connection (through the interceptors); the PRAGMA then reads its setting.
                Assert.IsTrue(await db.PublishedContent.AnyAsync());
                await db.Database.OpenConnectionAsync();
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA cache_size;";
                return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            });

            Assert.AreEqual(-512L, cacheSize, "a negative cache_size is a limit in kilobytes; SQLite's default is -2000");
        }
    }
}
