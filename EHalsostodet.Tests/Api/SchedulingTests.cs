using System.Net;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static EHalsostodet.Tests.Api.ManagementClient;

namespace EHalsostodet.Tests.Api;

/// <summary>Publishing and unpublishing at a later time, with the clock moved by hand.</summary>
[TestClass]
public sealed class SchedulingTests
{
    private const string EditorEmail = "redaktor@example.se";
    private const string ReviewerEmail = "granskare@example.se";

    private static Task<int> RunDueSchedulesAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(CancellationToken.None));

    private static async Task<(PortalFactory Factory, TestClock Clock, HttpClient Editor, HttpClient Reviewer)> StartAsync()
    {
        var clock = new TestClock();
        var factory = new PortalFactory(clock: clock);
        await factory.CreateUserAsync(EditorEmail, PortalRoles.Editor);
        await factory.CreateUserAsync(ReviewerEmail, PortalRoles.Reviewer);
        return (factory, clock, await factory.BearerClientAsync(EditorEmail), await factory.BearerClientAsync(ReviewerEmail));
    }

    [TestMethod]
    public async Task An_approval_with_a_later_publish_time_goes_live_when_the_time_has_come()
    {
        var (factory, clock, editor, reviewer) = await StartAsync();
        using var _ = factory;
        using var __ = editor;
        using var ___ = reviewer;
        var id = await CreateStoryAsync(editor, "Schemalagd i Klockby");
        await ActOkAsync(editor, id, "submit");

        var publishAt = clock.GetUtcNow().AddMinutes(10);
        Assert.AreEqual("scheduled", await ActOkAsync(reviewer, id, "approve", new { comment = "Publiceras senare", publishAt }));
        var details = await DetailsAsync(editor, id);
        Assert.AreEqual("Schemalagd", details["stateLabel"]!.GetValue<string>());
        Assert.AreEqual(publishAt, details["publishAt"]!.GetValue<DateTimeOffset>());
        Assert.IsNull(await PublicStoryTextAsync(factory, "schemalagd-i-klockby"));

        Assert.AreEqual(0, await RunDueSchedulesAsync(factory));
        Assert.IsNull(await PublicStoryTextAsync(factory, "schemalagd-i-klockby"));

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.AreEqual(1, await RunDueSchedulesAsync(factory));
        Assert.AreEqual("Schemalagd i Klockby", await PublicStoryTextAsync(factory, "schemalagd-i-klockby"));
        Assert.AreEqual("published", await StateAsync(editor, id));
    }

    [TestMethod]
    public async Task An_unpublish_with_a_later_time_takes_the_story_down_when_the_time_has_come()
    {
        var (factory, clock, editor, reviewer) = await StartAsync();
        using var _ = factory;
        using var __ = editor;
        using var ___ = reviewer;
        var id = await CreateStoryAsync(editor, "Tillfällig i Klockby");
        await ActOkAsync(editor, id, "submit");
        await ActOkAsync(reviewer, id, "approve");
        Assert.AreEqual("Tillfällig i Klockby", await PublicStoryTextAsync(factory, "tillfallig-i-klockby"));

        // A time without an offset is read as UTC.
        var unpublishAt = clock.GetUtcNow().AddMinutes(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual("published", await ActOkAsync(reviewer, id, "unpublish", new { unpublishAt }));
        Assert.AreEqual(clock.GetUtcNow().AddMinutes(10), (await DetailsAsync(editor, id))["unpublishAt"]!.GetValue<DateTimeOffset>());
        Assert.AreEqual("Tillfällig i Klockby", await PublicStoryTextAsync(factory, "tillfallig-i-klockby"));

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.AreEqual(1, await RunDueSchedulesAsync(factory));
        Assert.IsNull(await PublicStoryTextAsync(factory, "tillfallig-i-klockby"));
        Assert.AreEqual("unpublished", await StateAsync(editor, id));
    }

    [TestMethod]
    public async Task An_unpublish_time_before_the_publish_time_is_a_conflict()
    {
        var (factory, clock, editor, reviewer) = await StartAsync();
        using var _ = factory;
        using var __ = editor;
        using var ___ = reviewer;
        var id = await CreateStoryAsync(editor, "Baklänges i Klockby");
        await ActOkAsync(editor, id, "submit");
        using var response = await ActAsync(reviewer, id, "approve", new { publishAt = clock.GetUtcNow().AddHours(2), unpublishAt = clock.GetUtcNow().AddHours(1) });
        StringAssert.Contains((await ProblemAsync(response, HttpStatusCode.Conflict)).Detail(), "Avpubliceringen måste ligga efter publiceringen");
        Assert.AreEqual("inReview", await StateAsync(editor, id));
    }
}
