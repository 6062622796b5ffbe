using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Inactivity;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Api;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Members.Inactivity;

/// <summary>
/// Accounts unused for 24 months are deleted, as the privacy page says: the last sign-in is stored,
/// a reminder is mailed a month before, and the job deletes the account and everything with it.
/// A sign-in in between starts over; back-office accounts are never touched. Run on the injected clock.
/// </summary>
[TestClass]
public sealed class InactiveAccountsTests : PortalTestClass<InactiveAccountsTests>
{
    private static readonly TestClock Clock = new(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));

    private protected override PortalFactory CreatePortal() => new(clock: Clock);

    private static async Task SignInAsMemberAsync(string email)
    {
        using var client = Factory.CreateBrowserClient();
        using var response = await Forms.PostAsync(client, "/mina-sidor/logga-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = PortalFactory.Password });
        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Task<InactivityRun> RunJobAsync() =>
        Factory.WithScopeAsync(s => s.GetRequiredService<InactiveAccounts>().RunAsync(CancellationToken.None));

    private static Task<bool> ExistsAsync(string email) =>
        Factory.WithScopeAsync(async s => await s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email) is not null);

    private static Task<AccountActivity?> ActivityAsync(string userId) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().AccountActivities.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId));

    private static async Task<IReadOnlyList<Mail>> MailsToAsync(string email) =>
        (await Factory.DispatchAndReadMailAsync()).Select(Mail.Parse).Where(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase)).ToList();

    [TestMethod]
    public async Task An_unused_account_is_reminded_a_month_before_and_deleted_at_24_months_a_sign_in_starts_over()
    {
        Clock.Set(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var gone = await Factory.CreateUserAsync("glomd.medlem@example.se", PortalRoles.Member);
        var back = await Factory.CreateUserAsync("atervandande.medlem@example.se", PortalRoles.Member);
        var editor = await Factory.CreateUserAsync("trogen.redaktor@example.se", PortalRoles.Editor);
        await Factory.WithDbAsync(async db =>
        {
            db.SavedItems.Add(new EHalsostodet.Core.Members.SavedItem { UserId = gone, ItemId = Guid.NewGuid(), SavedAt = Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        await SignInAsMemberAsync("glomd.medlem@example.se");
        await SignInAsMemberAsync("atervandande.medlem@example.se");
        Assert.AreEqual(Clock.GetUtcNow().UtcDateTime, (await ActivityAsync(gone))!.LastSignInAt, "the sign-in is stored");

        Clock.Set(new DateTimeOffset(2028, 12, 14, 9, 0, 0, TimeSpan.Zero));
        await RunJobAsync();
        Assert.AreEqual(0, (await MailsToAsync("glomd.medlem@example.se")).Count, "no reminder before 23 months");

        Clock.Set(new DateTimeOffset(2028, 12, 15, 9, 0, 0, TimeSpan.Zero));
        var reminded = await RunJobAsync();
        Assert.IsTrue(reminded.Reminded >= 2);
        var reminder = (await MailsToAsync("glomd.medlem@example.se")).Single();
        StringAssert.Contains(reminder.Subject, "tas bort om du inte loggar in");
        StringAssert.Contains(reminder.Body, "15 januari 2029");
        StringAssert.Contains(reminder.Body, "/mina-sidor/logga-in");
        Assert.AreEqual(0, (await MailsToAsync("trogen.redaktor@example.se")).Count, "back-office accounts are not the job's");

        await RunJobAsync();
        Assert.AreEqual(1, (await MailsToAsync("glomd.medlem@example.se")).Count, "one reminder, not one per run");

        Clock.Set(new DateTimeOffset(2029, 1, 2, 9, 0, 0, TimeSpan.Zero));
        await SignInAsMemberAsync("atervandande.medlem@example.se");
        Assert.IsNull((await ActivityAsync(back))!.ReminderSentAt, "a sign-in takes the reminder back");

        Clock.Set(new DateTimeOffset(2029, 1, 14, 9, 0, 0, TimeSpan.Zero));
        await RunJobAsync();
        Assert.IsTrue(await ExistsAsync("glomd.medlem@example.se"), "not before 24 months");

        Clock.Set(new DateTimeOffset(2029, 1, 16, 9, 0, 0, TimeSpan.Zero));
        var deleted = await RunJobAsync();

        Assert.AreEqual(1, deleted.Deleted);
        Assert.IsFalse(await ExistsAsync("glomd.medlem@example.se"));
        Assert.IsTrue(await ExistsAsync("atervandande.medlem@example.se"));
        Assert.IsTrue(await ExistsAsync("trogen.redaktor@example.se"));
        Assert.IsNull(await ActivityAsync(gone));
        Assert.AreEqual(0, await Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().SavedItems.CountAsync(i => i.UserId == gone)), "the member's data goes with the account");
        Assert.IsNull(await ActivityAsync(editor), "back-office accounts are not counted");
    }

    [TestMethod]
    public async Task A_member_who_never_signed_in_since_the_upgrade_is_counted_from_the_first_run_and_gets_a_full_month_of_notice()
    {
        Clock.Set(new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var quiet = await Factory.CreateUserAsync("tyst.medlem@example.se", PortalRoles.Member);
        await RunJobAsync();
        Assert.AreEqual(Clock.GetUtcNow().UtcDateTime, (await ActivityAsync(quiet))!.LastSignInAt);

        // The job did not run for a long time: the reminder comes late, and the deletion waits a month after it.
        Clock.Set(new DateTimeOffset(2032, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await RunJobAsync();
        StringAssert.Contains((await MailsToAsync("tyst.medlem@example.se")).Single().Body, "1 juli 2032");
        Assert.IsTrue(await ExistsAsync("tyst.medlem@example.se"));

        Clock.Set(new DateTimeOffset(2032, 7, 1, 10, 0, 0, TimeSpan.Zero));
        await RunJobAsync();
        Assert.IsFalse(await ExistsAsync("tyst.medlem@example.se"));
    }
}
