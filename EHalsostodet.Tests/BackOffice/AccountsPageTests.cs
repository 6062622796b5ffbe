using System.Net;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.BackOffice;

/// <summary>Användare: administrators open accounts, change roles and lock accounts.</summary>
[TestClass]
public sealed class AccountsPageTests : PortalTestClass<AccountsPageTests>
{
    private const string AdminEmail = "anv.admin@example.se";
    private const string EditorEmail = "anv.redaktor@example.se";
    private const string ReviewerEmail = "anv.granskare@example.se";
    private const string ListUrl = "/redaktion/anvandare";
    private const string CreateUrl = "/redaktion/anvandare/ny";
    private const string StrongPassword = "Sakert-Losenord-2026";
    private static string adminId = "";

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        adminId = await Factory.CreateUserAsync(AdminEmail, PortalRoles.Administrator, "Ada Admin");
        await Factory.CreateUserAsync(EditorEmail, PortalRoles.Editor, "Erik Redaktör");
        await Factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer, "Gun Granskare");
    }

    [TestMethod]
    public async Task The_list_shows_back_office_users_with_role_and_status()
    {
        var client = await Factory.SignInAsync(AdminEmail);

        var page = await client.GetPageAsync(ListUrl);

        var rows = page.QuerySelectorAll("main table.data-table tbody tr");
        var editor = rows.Single(r => r.TextContent.Contains(EditorEmail, StringComparison.Ordinal));
        StringAssert.Contains(editor.QuerySelector("th[scope='row']")!.TextContent, "Erik Redaktör");
        Assert.AreEqual(PortalRoles.Editor, editor.QuerySelectorAll("td")[1].TextContent.Trim());
        StringAssert.Contains(editor.TextContent, "Aktiv");
        Assert.IsNotNull(page.QuerySelector("main table caption"));
        foreach (var select in page.QuerySelectorAll("main select"))
        {
            Assert.IsNotNull(page.QuerySelector($"label[for='{select.Id}']"), "varje rollval har en etikett");
        }
    }

    [TestMethod]
    public async Task An_administrator_creates_a_reviewer_who_can_then_sign_in()
    {
        var client = await Factory.SignInAsync(AdminEmail);

        using var response = await Forms.PostAsync(client, CreateUrl, new Dictionary<string, string>
        {
            ["Email"] = "ny.granskare@example.se",
            ["DisplayName"] = "Nina Ny",
            ["Password"] = StrongPassword,
            ["Role"] = PortalRoles.Reviewer,
        });

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(ListUrl, response.Headers.Location?.OriginalString);
        var list = await client.GetPageAsync(ListUrl);
        StringAssert.Contains(list.QuerySelector("main .alert-success")!.TextContent, "har skapats med rollen Granskare");
        StringAssert.Contains(list.MainText(), "ny.granskare@example.se");

        var roles = await Factory.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync("ny.granskare@example.se");
            Assert.AreEqual("Nina Ny", user!.DisplayName);
            return await users.GetRolesAsync(user);
        });
        CollectionAssert.AreEqual(new[] { PortalRoles.Reviewer }, roles.ToArray());
        var reviewer = await Factory.SignInAsync("ny.granskare@example.se", StrongPassword);
        await reviewer.GetPageAsync("/redaktion");
    }

    [TestMethod]
    public async Task A_weak_password_gives_a_Swedish_error_and_keeps_the_typed_values()
    {
        var client = await Factory.SignInAsync(AdminEmail);

        using var response = await Forms.PostAsync(client, CreateUrl, new Dictionary<string, string>
        {
            ["Email"] = "svag@example.se",
            ["DisplayName"] = "Sven Svag",
            ["Password"] = "kort",
            ["Role"] = PortalRoles.Editor,
        });

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response.Content.ReadAsStringAsync());
        StringAssert.Contains(page.QuerySelector("#password-error")!.TextContent, "Lösenordet måste ha minst 12 tecken");
        Assert.AreEqual("svag@example.se", page.QuerySelector("input[name='Email']")!.GetAttribute("value"));
        Assert.AreEqual("Sven Svag", page.QuerySelector("input[name='DisplayName']")!.GetAttribute("value"));
        Assert.IsTrue(string.IsNullOrEmpty(page.QuerySelector("input[name='Password']")!.GetAttribute("value")), "lösenordet skrivs inte ut igen");
        Assert.IsNotNull(page.QuerySelector($"input[name='Role'][value='{PortalRoles.Editor}'][checked]"));
        Assert.IsNull(await FindAsync("svag@example.se"));
    }

    [TestMethod]
    public async Task Missing_fields_and_a_duplicate_email_give_Swedish_errors()
    {
        var client = await Factory.SignInAsync(AdminEmail);

        using var empty = await Forms.PostAsync(client, CreateUrl, new Dictionary<string, string> { ["Email"] = "", ["DisplayName"] = "", ["Password"] = "" });
        var emptyPage = await ParseAsync(empty.Content.ReadAsStringAsync());
        Assert.AreEqual("Ange en e-postadress.", emptyPage.QuerySelector("#email-error")!.TextContent.Trim());
        Assert.AreEqual("Ange ett lösenord.", emptyPage.QuerySelector("#password-error")!.TextContent.Trim());

        using var duplicate = await Forms.PostAsync(client, CreateUrl, new Dictionary<string, string>
        {
            ["Email"] = EditorEmail,
            ["DisplayName"] = "Dubblett",
            ["Password"] = StrongPassword,
            ["Role"] = PortalRoles.Editor,
        });

        Assert.AreEqual(HttpStatusCode.OK, duplicate.StatusCode);
        var page = await ParseAsync(duplicate.Content.ReadAsStringAsync());
        Assert.AreEqual($"E-postadressen {EditorEmail} används redan.", page.QuerySelector("#email-error")!.TextContent.Trim());
        Assert.AreEqual(EditorEmail, page.QuerySelector("input[name='Email']")!.GetAttribute("value"));
    }

    [TestMethod]
    public async Task An_administrator_changes_a_users_role()
    {
        var id = await Factory.CreateUserAsync("rollbyte@example.se", PortalRoles.Editor);
        var client = await Factory.SignInAsync(AdminEmail);

        using var response = await Forms.PostAsync(client, ListUrl,
            new Dictionary<string, string> { ["userId"] = id, ["role"] = PortalRoles.Reviewer },
            $"form[action$='handler=Role']:has(input[value='{id}'])");

        Assert.AreEqual(HttpStatusCode.SeeOther, response.StatusCode);
        CollectionAssert.AreEqual(new[] { PortalRoles.Reviewer }, (await RolesAsync("rollbyte@example.se")).ToArray());
        var page = await client.GetPageAsync(ListUrl);
        StringAssert.Contains(page.QuerySelector("main .alert-success")!.TextContent, "har nu rollen Granskare");
    }

    [TestMethod]
    public async Task A_locked_account_cannot_sign_in_until_it_is_unlocked()
    {
        var id = await Factory.CreateUserAsync("las@example.se", PortalRoles.Editor);
        var client = await Factory.SignInAsync(AdminEmail);

        using var locked = await Forms.PostAsync(client, ListUrl, new Dictionary<string, string> { ["userId"] = id }, $"form[action$='handler=Lock']:has(input[value='{id}'])");

        Assert.AreEqual(HttpStatusCode.SeeOther, locked.StatusCode);
        using (var signIn = await Forms.PostAsync(Factory.CreateBrowserClient(), "/redaktion/logga-in", new Dictionary<string, string> { ["Email"] = "las@example.se", ["Password"] = PortalFactory.Password }))
        {
            Assert.AreEqual(HttpStatusCode.OK, signIn.StatusCode, "inloggningen misslyckas");
            // The same answer as a wrong password: the form does not tell who is blocked.
            StringAssert.Contains(await signIn.Content.ReadAsStringAsync(), "Inloggningen misslyckades");
        }
        var row = (await client.GetPageAsync(ListUrl)).QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("las@example.se", StringComparison.Ordinal));
        StringAssert.Contains(row.TextContent, "Låst");

        using var unlocked = await Forms.PostAsync(client, ListUrl, new Dictionary<string, string> { ["userId"] = id }, $"form[action$='handler=Unlock']:has(input[value='{id}'])");

        Assert.AreEqual(HttpStatusCode.SeeOther, unlocked.StatusCode);
        await Factory.SignInAsync("las@example.se");
    }

    [TestMethod]
    public async Task Locking_and_unlocking_an_account_are_in_the_audit_log_naming_the_administrator()
    {
        var id = await Factory.CreateUserAsync("loggad@example.se", PortalRoles.Editor, "Lotta Loggad");
        var client = await Factory.SignInAsync(AdminEmail);

        using (var locked = await Forms.PostAsync(client, ListUrl, new Dictionary<string, string> { ["userId"] = id }, $"form[action$='handler=Lock']:has(input[value='{id}'])"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, locked.StatusCode);
        }
        using (var unlocked = await Forms.PostAsync(client, ListUrl, new Dictionary<string, string> { ["userId"] = id }, $"form[action$='handler=Unlock']:has(input[value='{id}'])"))
        {
            Assert.AreEqual(HttpStatusCode.SeeOther, unlocked.StatusCode);
        }

        var log = await client.GetPageAsync("/redaktion/granskningslogg?anvandare=" + Uri.EscapeDataString("Ada Admin"));
        var rows = log.QuerySelectorAll("main table.audit-table tbody tr")
            .Where(r => r.TextContent.Contains("Lotta Loggad (loggad@example.se)", StringComparison.Ordinal))
            .Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray())
            .ToList();
        CollectionAssert.AreEqual(new[] { "Konto upplåst", "Konto låst" }, rows.Select(r => r[2]).ToArray(), "newest first");
        Assert.IsTrue(rows.All(r => r[1] == "Ada Admin" && r[3] == "Konto: Lotta Loggad (loggad@example.se)"));
        var entries = await Factory.WithScopeAsync(s => s.GetRequiredService<EHalsostodet.Core.Persistence.PortalDbContext>().AuditEntries
            .Where(a => a.AccountId == id).Select(a => new { a.ItemId, a.UserId }).ToListAsync());
        Assert.AreEqual(2, entries.Count);
        Assert.IsTrue(entries.All(e => e.ItemId == null && e.UserId == adminId));
    }

    [TestMethod]
    public async Task An_administrator_can_neither_lock_themselves_nor_drop_their_own_role()
    {
        var client = await Factory.SignInAsync(AdminEmail);
        var token = await Forms.TokenAsync(client, ListUrl);

        using var lockSelf = await PostAsync(client, $"{ListUrl}?handler=Lock", new() { ["userId"] = adminId, ["__RequestVerificationToken"] = token });
        var lockPage = await ParseAsync(lockSelf.Content.ReadAsStringAsync());
        Assert.AreEqual("Du kan inte låsa ditt eget konto.", lockPage.QuerySelector("main .alert-error")!.TextContent.Trim());

        using var demoteSelf = await PostAsync(client, $"{ListUrl}?handler=Role", new() { ["userId"] = adminId, ["role"] = PortalRoles.Editor, ["__RequestVerificationToken"] = token });
        var demotePage = await ParseAsync(demoteSelf.Content.ReadAsStringAsync());
        StringAssert.Contains(demotePage.QuerySelector("main .alert-error")!.TextContent, "Du kan inte ta bort din egen administratörsroll");

        CollectionAssert.AreEqual(new[] { PortalRoles.Administrator }, (await RolesAsync(AdminEmail)).ToArray());
        await Factory.SignInAsync(AdminEmail);
        Assert.IsNull((await client.GetPageAsync(ListUrl)).QuerySelector($"form[action$='handler=Lock']:has(input[value='{adminId}'])"), "ingen låsknapp för det egna kontot");
    }

    [TestMethod]
    public async Task Editors_and_reviewers_are_refused_every_users_page_and_post()
    {
        var targetId = await Factory.CreateUserAsync("mal@example.se", PortalRoles.Editor);
        foreach (var email in new[] { EditorEmail, ReviewerEmail })
        {
            var client = await Factory.SignInAsync(email);
            foreach (var url in new[] { ListUrl, CreateUrl })
            {
                using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
                await AccessAssert.ForbiddenAsync(client, get);
            }
            // The login form hands out a token bound to the signed-in editor: a valid token for their posts.
            var token = await Forms.TokenAsync(client, "/redaktion/logga-in");
            var posts = new (string Url, Dictionary<string, string> Fields)[]
            {
                ($"{ListUrl}?handler=Role", new() { ["userId"] = targetId, ["role"] = PortalRoles.Administrator }),
                ($"{ListUrl}?handler=Lock", new() { ["userId"] = targetId }),
                ($"{ListUrl}?handler=Unlock", new() { ["userId"] = targetId }),
                (CreateUrl, new() { ["Email"] = "inkraktare@example.se", ["DisplayName"] = "X", ["Password"] = StrongPassword, ["Role"] = PortalRoles.Administrator }),
            };
            foreach (var (url, fields) in posts)
            {
                fields["__RequestVerificationToken"] = token;
                using var post = await PostAsync(client, url, fields);
                await AccessAssert.ForbiddenAsync(client, post);
            }
        }
        CollectionAssert.AreEqual(new[] { PortalRoles.Editor }, (await RolesAsync("mal@example.se")).ToArray());
        Assert.IsNull(await FindAsync("inkraktare@example.se"));
        await Factory.SignInAsync("mal@example.se");
    }

    [TestMethod]
    public async Task Posts_without_the_antiforgery_token_are_refused()
    {
        var id = await Factory.CreateUserAsync("token@example.se", PortalRoles.Editor);
        var client = await Factory.SignInAsync(AdminEmail);

        using var lockPost = await PostAsync(client, $"{ListUrl}?handler=Lock", new() { ["userId"] = id });
        using var createPost = await PostAsync(client, CreateUrl, new() { ["Email"] = "utan.token@example.se", ["DisplayName"] = "X", ["Password"] = StrongPassword, ["Role"] = PortalRoles.Editor });

        Assert.AreEqual(HttpStatusCode.BadRequest, lockPost.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, createPost.StatusCode);
        Assert.IsNull(await FindAsync("utan.token@example.se"));
        await Factory.SignInAsync("token@example.se");
    }

    private static async Task<AngleSharp.Dom.IDocument> ParseAsync(Task<string> body) =>
        await new HtmlParser().ParseDocumentAsync(await body);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

    private static Task<PortalUser?> FindAsync(string email) =>
        Factory.WithScopeAsync(s => s.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));

    private static Task<IList<string>> RolesAsync(string email) =>
        Factory.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PortalUser>>();
            return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        });
}
