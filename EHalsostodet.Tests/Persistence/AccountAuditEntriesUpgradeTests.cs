using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Tests.Persistence;

/// <summary>
/// The migration AccountAuditEntries makes the audit log's item optional (SQLite rebuilds the
/// table for it): every earlier entry stays with its id, and new entries, also about accounts,
/// come after them.
/// </summary>
[TestClass]
public sealed class AccountAuditEntriesUpgradeTests
{
    private const string SchemaBefore = "20261215090000_PublicChangeNote";

    [TestMethod]
    public async Task Earlier_entries_keep_their_ids_and_an_account_entry_comes_after_them()
    {
        var folder = TestPaths.NewTempFolder();
        using var database = new TestDatabase(folder);
        var itemId = Guid.NewGuid();
        await using (var old = database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync(SchemaBefore);
            foreach (var (action, comment) in new[] { ("create", "Första utkastet"), ("approve", "Bra") })
            {
                await old.Database.ExecuteSqlAsync($"""
                    INSERT INTO audit_entries (item_id, item_title, action, user_name, at, comment)
                    VALUES ({itemId}, {"Äldre innehåll"}, {action}, {"Rita Redaktör"}, {new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc)}, {comment})
                    """);
            }
        }

        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        var kept = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        db.AuditEntries.Add(new AuditEntry { AccountId = "konto-1", ItemTitle = "Lotta Loggad", Action = AuditLog.AccountLocked, UserName = "Ada Admin", At = DateTime.UtcNow });
        await db.SaveChangesAsync();

        CollectionAssert.AreEqual(new long[] { 1, 2 }, kept.Select(a => a.Id).ToArray());
        Assert.IsTrue(kept.All(a => a.ItemId == itemId && a.AccountId is null && a.ItemTitle == "Äldre innehåll"));
        CollectionAssert.AreEqual(new[] { "Första utkastet", "Bra" }, kept.Select(a => a.Comment).ToArray());
        var added = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.AccountId == "konto-1");
        Assert.AreEqual(3, added.Id);
        Assert.IsNull(added.ItemId);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
