using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Members.Notices;

/// <summary>The unsubscribe link in every mail: confirm in the browser, or one click from the mail client.</summary>
[TestClass]
public sealed class UnsubscribeTests : PortalTestClass<UnsubscribeTests>
{
    private static async Task<(string UserId, string Token)> MemberWithProfileAsync(string email)
    {
        var id = await Factory.CreateUserAsync(email, PortalRoles.Member);
        var token = await Factory.WithScopeAsync(async s =>
        {
            var profile = await s.GetRequiredService<MemberProfileStore>().GetOrCreateAsync(id, CancellationToken.None);
            await s.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            return profile.UnsubscribeToken;
        });
        return (id, token);
    }

    private static Task<MailFrequency> FrequencyAsync(string userId) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().MemberProfiles.Where(p => p.UserId == userId).Select(p => p.MailFrequency).SingleAsync());

    [TestMethod]
    public async Task The_link_asks_first_and_the_button_turns_mail_off()
    {
        var (userId, token) = await MemberWithProfileAsync("avsluta@example.se");
        var client = Factory.CreateBrowserClient();

        var page = await client.GetPageAsync($"/avsluta-prenumeration/{token}");
        Assert.AreEqual("Sluta få e-post", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.IsNotNull(page.QuerySelector("main form[method='post'] button[type='submit']"));
        Assert.AreEqual(MailFrequency.Immediately, await FrequencyAsync(userId), "att öppna länken ändrar ingenting");

        using var response = await Forms.PostAsync(client, $"/avsluta-prenumeration/{token}", new Dictionary<string, string>());
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var done = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        StringAssert.Contains(done.QuerySelector("[role='status']")!.TextContent, "Du får inte längre e-post");
        Assert.IsNotNull(done.QuerySelector("main a[href='/mina-sidor/installningar']"));
        Assert.AreEqual(MailFrequency.None, await FrequencyAsync(userId));
    }

    [TestMethod]
    public async Task A_mail_clients_one_click_post_unsubscribes_without_a_form_token()
    {
        var (userId, token) = await MemberWithProfileAsync("ettklick@example.se");
        var client = Factory.CreateBrowserClient();

        using var response = await client.PostAsync(new Uri($"/avsluta-prenumeration/{token}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(MailFrequency.None, await FrequencyAsync(userId));
    }

    [TestMethod]
    public async Task An_unknown_token_is_a_swedish_not_found_page()
    {
        var client = Factory.CreateBrowserClient();

        var page = await client.GetPageAsync("/avsluta-prenumeration/finnsinte", HttpStatusCode.NotFound);
        Assert.AreEqual("Sidan finns inte", page.QuerySelector("h1")!.TextContent.Trim());
        using var post = await client.PostAsync(new Uri("/avsluta-prenumeration/finnsinte", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.AreEqual(HttpStatusCode.NotFound, post.StatusCode);
    }
}
