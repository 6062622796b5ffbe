using System.Text.RegularExpressions;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Members.Notices;

/// <summary>Mail about notices per the member's choice: at once, as daily or weekly digests, or none.</summary>
[TestClass]
public sealed partial class NoticeMailTests
{
    private const string MemberEmail = "medlem@example.se";
    private const string BaseUrl = "http://localhost:5000";

    [TestMethod]
    public async Task An_immediate_mail_links_to_the_story_and_has_a_one_click_unsubscribe_link_and_headers()
    {
        using var portal = await NoticesPortal.StartAsync();
        var (storyId, slug) = await portal.PublishNewStoryAsync("Läsplattor i Brevby", "Läsplattor");
        var member = await portal.CreateMemberAsync(MemberEmail);
        await portal.FollowStoryAsync(member, storyId);

        await portal.RepublishAsync(storyId, "Kontaktpersonerna är uppdaterade");

        var (raw, mail) = (await portal.MailsToAsync(MemberEmail)).Single();
        var token = await TokenAsync(portal.Factory, member);
        var unsubscribe = $"{BaseUrl}/avsluta-prenumeration/{token}";
        StringAssert.Contains(mail.Subject, "Läsplattor i Brevby");
        StringAssert.Contains(mail.Body, "Berättelsen ”Läsplattor i Brevby” har uppdaterats: Kontaktpersonerna är uppdaterade");
        Assert.IsFalse(mail.Text.Contains(NoticesPortal.InternalNote, StringComparison.Ordinal), "the editors' internal change note stays internal");
        StringAssert.Contains(mail.Body, $"{BaseUrl}/berattelser/{slug}");
        Assert.IsTrue(mail.Body.TrimEnd().EndsWith(unsubscribe, StringComparison.Ordinal), mail.Body);
        var headers = Unfold(raw);
        StringAssert.Contains(headers, $"List-Unsubscribe: <{unsubscribe}>");
        StringAssert.Contains(headers, "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        Assert.IsNotNull((await portal.NoticesAsync(member)).Single().MailedAt);
    }

    [TestMethod]
    public async Task No_mail_for_members_who_chose_none_or_have_not_confirmed_their_address()
    {
        using var portal = await NoticesPortal.StartAsync();
        var (storyId, _) = await portal.PublishNewStoryAsync("Tyst post i Brevby", "Tystnad");
        var none = await portal.CreateMemberAsync("ingen@example.se", MailFrequency.None);
        var unconfirmed = await portal.CreateMemberAsync("obekraftad@example.se", confirmed: false);
        await portal.FollowStoryAsync(none, storyId);
        await portal.FollowStoryAsync(unconfirmed, storyId);

        await portal.RepublishAsync(storyId, "Ny period");

        Assert.AreEqual(1, (await portal.NoticesAsync(none)).Count, "notisen visas ändå");
        Assert.AreEqual(1, (await portal.NoticesAsync(unconfirmed)).Count);
        Assert.AreEqual(0, (await portal.MailsToAsync("ingen@example.se")).Count);
        Assert.AreEqual(0, (await portal.MailsToAsync("obekraftad@example.se")).Count);
        Assert.AreEqual(0, await portal.SendDueDigestsAsync());
    }

    [TestMethod]
    public async Task A_daily_digest_goes_out_once_a_day_after_seven_swedish_time_with_every_pending_notice()
    {
        // Sunday 22 November 2026, 10:00 in Sweden.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        using var portal = await NoticesPortal.StartAsync(clock);
        var member = await portal.CreateMemberAsync(MemberEmail, MailFrequency.Daily);
        await portal.FollowTagAsync(member, "Dagstaggen");
        var (_, firstSlug) = await portal.PublishNewStoryAsync("Första dagsnytt i Brevby", "Dagstaggen");
        var (_, secondSlug) = await portal.PublishNewStoryAsync("Andra dagsnytt i Brevby", "Dagstaggen");
        Assert.AreEqual(0, (await portal.MailsToAsync(MemberEmail)).Count, "inget direktmejl");

        Assert.AreEqual(0, await portal.SendDueDigestsAsync(), "dagens utskick var redan klockan 7");
        clock.Set(new DateTimeOffset(2026, 11, 23, 5, 59, 0, TimeSpan.Zero)); // Monday 06:59 in Sweden
        Assert.AreEqual(0, await portal.SendDueDigestsAsync(), "före klockan 7");

        clock.Set(new DateTimeOffset(2026, 11, 23, 6, 5, 0, TimeSpan.Zero)); // 07:05
        Assert.AreEqual(1, await portal.SendDueDigestsAsync());
        var (raw, mail) = (await portal.MailsToAsync(MemberEmail)).Single();
        StringAssert.StartsWith(mail.Subject, "Dagens sammanfattning");
        StringAssert.Contains(mail.Body, $"{BaseUrl}/berattelser/{firstSlug}");
        StringAssert.Contains(mail.Body, $"{BaseUrl}/berattelser/{secondSlug}");
        StringAssert.Contains(mail.Body, $"{BaseUrl}/avsluta-prenumeration/{await TokenAsync(portal.Factory, member)}");
        StringAssert.Contains(Unfold(raw), "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        Assert.IsTrue((await portal.NoticesAsync(member)).All(n => n.MailedAt is not null));

        Assert.AreEqual(0, await portal.SendDueDigestsAsync(), "inte två gånger samma dag");
        clock.Set(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await portal.SignInAgainAsync();
        var (_, thirdSlug) = await portal.PublishNewStoryAsync("Tredje dagsnytt i Brevby", "Dagstaggen");
        clock.Set(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
        Assert.AreEqual(0, await portal.SendDueDigestsAsync(), "det nya väntar till nästa morgon");

        clock.Set(new DateTimeOffset(2026, 11, 24, 6, 10, 0, TimeSpan.Zero)); // Tuesday 07:10
        Assert.AreEqual(1, await portal.SendDueDigestsAsync());
        var mails = await portal.MailsToAsync(MemberEmail);
        Assert.AreEqual(2, mails.Count);
        var latest = mails.Single(m => m.Mail.Body.Contains(thirdSlug, StringComparison.Ordinal)).Mail;
        Assert.IsFalse(latest.Body.Contains(firstSlug, StringComparison.Ordinal), "det som redan mejlats kommer inte igen");
    }

    [TestMethod]
    public async Task A_weekly_digest_waits_until_monday_at_seven_swedish_time()
    {
        // Tuesday 24 November 2026.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        using var portal = await NoticesPortal.StartAsync(clock);
        var member = await portal.CreateMemberAsync(MemberEmail, MailFrequency.Weekly);
        await portal.FollowTagAsync(member, "Veckotaggen");
        var (_, slug) = await portal.PublishNewStoryAsync("Veckonytt i Brevby", "Veckotaggen");

        clock.Set(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)); // Sunday
        Assert.AreEqual(0, await portal.SendDueDigestsAsync(), "före måndag");
        clock.Set(new DateTimeOffset(2026, 11, 30, 5, 30, 0, TimeSpan.Zero)); // Monday 06:30 in Sweden
        Assert.AreEqual(0, await portal.SendDueDigestsAsync(), "före klockan 7 på måndagen");

        clock.Set(new DateTimeOffset(2026, 11, 30, 6, 30, 0, TimeSpan.Zero)); // Monday 07:30
        Assert.AreEqual(1, await portal.SendDueDigestsAsync());
        var mail = (await portal.MailsToAsync(MemberEmail)).Single().Mail;
        StringAssert.StartsWith(mail.Subject, "Veckans sammanfattning");
        StringAssert.Contains(mail.Body, $"{BaseUrl}/berattelser/{slug}");
        clock.Set(new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero)); // Tuesday
        Assert.AreEqual(0, await portal.SendDueDigestsAsync());
    }

    private static async Task<string> TokenAsync(PortalFactory factory, string userId) =>
        await factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberProfiles.Where(p => p.UserId == userId).Select(p => p.UnsubscribeToken).SingleAsync());

    /// <summary>The raw mail's header lines with folded lines joined.</summary>
    private static string Unfold(string raw) => FoldedLine().Replace(raw, " ");

    [GeneratedRegex(@"\r?\n[ \t]+")]
    private static partial Regex FoldedLine();
}
