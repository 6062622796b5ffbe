using System.Net;
using System.Text.RegularExpressions;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Tests.Infrastructure;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>Every workflow action for every role through the API: allowed ones change the state, refused ones explain why.</summary>
[TestClass]
public sealed partial class WorkflowAuthorizationTests : PortalTestClass<WorkflowAuthorizationTests>
{
    private const string AuthorEmail = "forfattare@example.se";
    private const string SetupReviewerEmail = "forgranskare@example.se";

    private static readonly Dictionary<string, HttpClient> Clients = new(StringComparer.Ordinal);
    private static int counter;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        var users = new (string Key, string Email, string? Role)[]
        {
            ("author", AuthorEmail, PortalRoles.Editor),
            ("setup", SetupReviewerEmail, PortalRoles.Reviewer),
            ("editor", "redaktor@example.se", PortalRoles.Editor),
            ("reviewer", "granskare@example.se", PortalRoles.Reviewer),
            ("administrator", "admin@example.se", PortalRoles.Administrator),
            ("none", "ingen-roll@example.se", null),
            ("member", "medlem@example.se", PortalRoles.Member),
        };
        foreach (var (key, email, role) in users)
        {
            Clients[key] = await ApiClientOfNewAccountAsync(email, role);
        }
        Clients["anonymous"] = Kept(Factory.CreateBrowserClient());
    }

    /// <summary>A new story brought to the given state by the author and the setup reviewer.</summary>
    private static async Task<Guid> PrepareAsync(string state)
    {
        var author = Clients["author"];
        var id = await CreateStoryAsync(author, $"Behörighetstest {Interlocked.Increment(ref counter)} {state}");
        switch (state)
        {
            case "draft":
                break;
            case "inReview":
                await ActOkAsync(author, id, "submit");
                break;
            case "published":
                await ActOkAsync(author, id, "submit");
                await ActOkAsync(Clients["setup"], id, "approve");
                break;
            case "trashed":
                await ActOkAsync(author, id, "trash");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
        Assert.AreEqual(state, await StateAsync(author, id));
        return id;
    }

    [TestMethod]
    [DataRow("submit", "draft", "editor", "inReview")]
    [DataRow("submit", "draft", "reviewer", "inReview")]
    [DataRow("submit", "draft", "administrator", "inReview")]
    [DataRow("submit", "draft", "none", null)]
    [DataRow("submit", "draft", "member", null)]
    [DataRow("submit", "draft", "anonymous", null)]
    [DataRow("approve", "inReview", "editor", null)]
    [DataRow("approve", "inReview", "reviewer", "published")]
    [DataRow("approve", "inReview", "administrator", "published")]
    [DataRow("approve", "inReview", "none", null)]
    [DataRow("approve", "inReview", "anonymous", null)]
    [DataRow("reject", "inReview", "editor", null)]
    [DataRow("reject", "inReview", "reviewer", "draft")]
    [DataRow("reject", "inReview", "administrator", "draft")]
    [DataRow("reject", "inReview", "none", null)]
    [DataRow("reject", "inReview", "anonymous", null)]
    [DataRow("unpublish", "published", "editor", null)]
    [DataRow("unpublish", "published", "reviewer", "unpublished")]
    [DataRow("unpublish", "published", "administrator", "unpublished")]
    [DataRow("unpublish", "published", "none", null)]
    [DataRow("unpublish", "published", "anonymous", null)]
    [DataRow("archive", "published", "editor", null)]
    [DataRow("archive", "published", "reviewer", "archived")]
    [DataRow("archive", "published", "administrator", "archived")]
    [DataRow("archive", "published", "none", null)]
    [DataRow("archive", "published", "anonymous", null)]
    [DataRow("trash", "published", "editor", null)]
    [DataRow("trash", "published", "reviewer", "trashed")]
    [DataRow("trash", "published", "administrator", "trashed")]
    [DataRow("trash", "published", "none", null)]
    [DataRow("trash", "published", "anonymous", null)]
    [DataRow("trash", "draft", "editor", "trashed")]
    [DataRow("restore", "trashed", "editor", null)]
    [DataRow("restore", "trashed", "reviewer", null)]
    [DataRow("restore", "trashed", "administrator", "draft")]
    [DataRow("restore", "trashed", "none", null)]
    [DataRow("restore", "trashed", "anonymous", null)]
    public async Task An_action_is_carried_out_only_for_the_roles_that_may(string action, string startState, string role, string? expectedState)
    {
        var id = await PrepareAsync(startState);
        using var response = await ActAsync(Clients[role], id, action, new { comment = "Kommentar från testet" });

        if (expectedState is not null)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, body);
            var result = System.Text.Json.Nodes.JsonNode.Parse(body)!;
            Assert.AreEqual(expectedState, result["state"]!.GetValue<string>());
            Assert.AreEqual(id, result["id"]!.GetValue<Guid>());
            Assert.IsTrue(Swedish().IsMatch(result["message"]!.GetValue<string>()), body);
        }
        else if (role == "anonymous")
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
            StringAssert.Matches(problem.Detail(), Roles(), "the reason names the role that may do it");
        }
        Assert.AreEqual(expectedState ?? startState, await StateAsync(Clients["author"], id));
    }

    [TestMethod]
    public async Task An_action_that_does_not_fit_the_state_is_a_conflict()
    {
        var id = await PrepareAsync("draft");
        using var response = await ActAsync(Clients["reviewer"], id, "approve", new { comment = "Bra" });
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        StringAssert.Contains(problem.Detail(), "väntar på granskning");
        Assert.AreEqual("draft", await StateAsync(Clients["author"], id));
    }

    [TestMethod]
    public async Task An_unknown_action_or_item_is_not_found()
    {
        var id = await PrepareAsync("draft");
        using (var unknownAction = await ActAsync(Clients["administrator"], id, "publish"))
        {
            StringAssert.Contains((await ProblemAsync(unknownAction, HttpStatusCode.NotFound)).Detail(), "Okänd åtgärd");
        }
        using (var unknownItem = await ActAsync(Clients["administrator"], Guid.NewGuid(), "submit"))
        {
            await ProblemAsync(unknownItem, HttpStatusCode.NotFound);
        }
    }

    [TestMethod]
    public async Task A_user_without_a_back_office_role_cannot_read_content_either()
    {
        var id = await PrepareAsync("draft");
        foreach (var role in new[] { "none", "member" })
        {
            using var response = await Clients[role].GetAsync(new Uri($"{Prefix}/content/{id}", UriKind.Relative));
            StringAssert.Contains((await ProblemAsync(response, HttpStatusCode.Forbidden)).Detail(), "Redaktör");
            using var list = await Clients[role].GetAsync(new Uri($"{Prefix}/content", UriKind.Relative));
            await ProblemAsync(list, HttpStatusCode.Forbidden);
        }
        using var anonymous = await Clients["anonymous"].GetAsync(new Uri($"{Prefix}/content/{id}", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [TestMethod]
    public async Task The_back_office_cookie_works_as_well_as_a_bearer_token()
    {
        var id = await PrepareAsync("inReview");
        using var cookieClient = await Factory.SignInAsync("granskare@example.se");
        Assert.AreEqual("published", await ActOkAsync(cookieClient, id, "approve"));
    }

    [GeneratedRegex("[åäöÅÄÖ]")]
    private static partial Regex Swedish();

    [GeneratedRegex("Redaktör|Granskare|Administratör")]
    private static partial Regex Roles();
}
