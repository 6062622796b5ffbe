using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Instances;

/// <summary>The keys that protect sign-in cookies and tokens live in the database, on either provider.</summary>
[TestClass]
public sealed class DataProtectionKeysTests
{
    [TestMethod]
    public async Task The_key_that_protects_a_sign_in_is_stored_in_the_database_table()
    {
        using var factory = new PortalFactory();
        await factory.CreateUserAsync("nycklar@example.se", PortalRoles.Editor);
        using var client = await factory.SignInAsync("nycklar@example.se");
        Assert.AreEqual(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/redaktion", UriKind.Relative))).StatusCode);

        var stored = await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync());
        var keys = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.IsNotEmpty(keys);
        Assert.HasCount(keys.Count, stored);
        foreach (var key in keys)
        {
            var row = stored.SingleOrDefault(r => r.FriendlyName == $"key-{key.KeyId:D}");
            Assert.IsNotNull(row, $"key {key.KeyId} has its row");
            StringAssert.Contains(row.Xml, $"id=\"{key.KeyId:D}\"");
        }
    }
}
