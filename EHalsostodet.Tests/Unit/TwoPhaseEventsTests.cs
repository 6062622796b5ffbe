using EHalsostodet.Core.Events;
using EHalsostodet.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace EHalsostodet.Tests.Unit;

/// <summary>
/// The two phases of an event: handlers inside the unit of work in the order they were registered,
/// after-commit handlers once after the commit with all of the unit's events, none after a rollback,
/// and a failing after-commit handler logged without undoing the change. On an in-memory SQLite database.
/// </summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class TwoPhaseEventsTests : IAsyncDisposable
{
    public sealed record Happened(string What) : IContentEvent;

    public sealed record Other(int Number) : IContentEvent;

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly List<string> calls = [];
    private readonly Mock<ILogger<UnitOfWork>> logger = new();
    private ServiceProvider services = null!;

    [TestInitialize]
    public void Start() => connection.Open();

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
        await connection.DisposeAsync();
    }

    private IServiceScope Scope(Action<IServiceCollection> handlers)
    {
        var collection = new ServiceCollection();
        collection.AddDbContext<PortalDbContext>(o => o.UseSqlite(connection));
        collection.AddSingleton(logger.Object);
        collection.AddEvents();
        handlers(collection);
        services = collection.BuildServiceProvider();
        return services.CreateScope();
    }

    private Mock<IEventHandler<Happened>> InsideHandler(string name)
    {
        var handler = new Mock<IEventHandler<Happened>>();
        handler.Setup(h => h.HandleAsync(It.IsAny<Happened>(), It.IsAny<CancellationToken>()))
            .Callback((Happened e, CancellationToken _) => calls.Add($"{name}:{e.What}"))
            .Returns(Task.CompletedTask);
        return handler;
    }

    private Mock<IAfterCommitHandler<Happened>> AfterCommitHandler(string name)
    {
        var handler = new Mock<IAfterCommitHandler<Happened>>();
        handler.Setup(h => h.HandleAsync(It.IsAny<IReadOnlyList<Happened>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<Happened> events, CancellationToken _) => calls.Add($"{name}:{string.Join('+', events.Select(e => e.What))}"))
            .Returns(Task.CompletedTask);
        return handler;
    }

    private static async Task<long> RowsAsync(IServiceScope scope) =>
        (long)(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM changes").SingleAsync());

    private static async Task CreateTableAsync(IServiceScope scope) =>
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync("CREATE TABLE changes (what TEXT)");

    private static Task InsertAsync(IServiceScope scope, string what) =>
        scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ExecuteSqlAsync($"INSERT INTO changes (what) VALUES ({what})");

    [TestMethod]
    public async Task Handlers_inside_the_unit_run_at_once_in_order_and_after_commit_handlers_once_after_the_commit()
    {
        // Registered with the verbs, as the features do.
        using var verbs = Scope(s => s
            .AddSingleton(new Recorder(calls))
            .AddEventHandler<Happened, FirstHandler>().AddEventHandler<Happened, SecondHandler>().AddAfterCommitHandler<Happened, AfterHandler>());
        var unitOfWork = verbs.ServiceProvider.GetRequiredService<UnitOfWork>();
        var events = verbs.ServiceProvider.GetRequiredService<IEventPublisher>();

        await using (var unit = await unitOfWork.BeginAsync(CancellationToken.None))
        {
            await events.PublishAsync(new Happened("a"), CancellationToken.None);
            await events.PublishAsync(new Happened("b"), CancellationToken.None);
            CollectionAssert.AreEqual(new[] { "först:a", "sedan:a", "först:b", "sedan:b" }, calls, "inside the unit, at once, in registration order");
            await unit.CompleteAsync(CancellationToken.None);
        }

        CollectionAssert.AreEqual(new[] { "först:a", "sedan:a", "först:b", "sedan:b", "efter:a+b" }, calls, "after the commit, once, with both events in order");
    }

    [TestMethod]
    public async Task After_commit_handlers_never_run_when_the_unit_rolls_back_and_the_change_is_gone()
    {
        var after = AfterCommitHandler("efter");
        var inside = InsideHandler("inne");
        using var scope = Scope(s => s
            .AddScoped<IAfterCommitHandler<Happened>>(_ => after.Object).AddScoped<IEventHandler<Happened>>(_ => inside.Object));
        await CreateTableAsync(scope);

        await using (var _ = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None))
        {
            await InsertAsync(scope, "a");
            await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(new Happened("a"), CancellationToken.None);
            // Not completed: an error on the way, say.
        }

        CollectionAssert.AreEqual(new[] { "inne:a" }, calls);
        after.Verify(h => h.HandleAsync(It.IsAny<IReadOnlyList<Happened>>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.AreEqual(0, await RowsAsync(scope), "rolled back");

        // The next unit in the same scope starts afresh: the rolled-back event does not come along.
        await using (var unit = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None))
        {
            await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(new Happened("b"), CancellationToken.None);
            await unit.CompleteAsync(CancellationToken.None);
        }
        CollectionAssert.AreEqual(new[] { "inne:a", "inne:b", "efter:b" }, calls);
    }

    [TestMethod]
    public async Task A_failing_after_commit_handler_is_logged_and_neither_fails_nor_undoes_the_change()
    {
        var failing = new Mock<IAfterCommitHandler<Happened>>();
        failing.Setup(h => h.HandleAsync(It.IsAny<IReadOnlyList<Happened>>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("Disken är full"));
        var next = AfterCommitHandler("nästa");
        using var scope = Scope(s => s
            .AddScoped<IAfterCommitHandler<Happened>>(_ => failing.Object).AddScoped<IAfterCommitHandler<Happened>>(_ => next.Object));
        await CreateTableAsync(scope);

        await using (var unit = await scope.ServiceProvider.GetRequiredService<UnitOfWork>().BeginAsync(CancellationToken.None))
        {
            await InsertAsync(scope, "a");
            await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(new Happened("a"), CancellationToken.None);
            await unit.CompleteAsync(CancellationToken.None);
        }

        Assert.AreEqual(1, await RowsAsync(scope), "the change stays committed");
        CollectionAssert.AreEqual(new[] { "nästa:a" }, calls, "the handlers after the failing one still run");
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.Is<IOException>(e => e.Message == "Disken är full"),
            It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [TestMethod]
    public async Task A_unit_begun_inside_another_joins_it_and_only_the_outer_commit_runs_the_after_commit_handlers()
    {
        var after = AfterCommitHandler("efter");
        var others = new Mock<IAfterCommitHandler<Other>>();
        using var scope = Scope(s => s.AddScoped<IAfterCommitHandler<Happened>>(_ => after.Object).AddScoped<IAfterCommitHandler<Other>>(_ => others.Object));
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var events = scope.ServiceProvider.GetRequiredService<IEventPublisher>();

        await using (var outer = await unitOfWork.BeginAsync(CancellationToken.None))
        {
            await using (var inner = await unitOfWork.BeginAsync(CancellationToken.None))
            {
                await events.PublishAsync(new Happened("inre"), CancellationToken.None);
                await events.PublishAsync(new Other(7), CancellationToken.None);
                await inner.CompleteAsync(CancellationToken.None);
            }
            Assert.IsEmpty(calls, "the inner unit does not commit");
            Assert.IsNotNull(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.CurrentTransaction);
            await events.PublishAsync(new Happened("yttre"), CancellationToken.None);
            await outer.CompleteAsync(CancellationToken.None);
        }

        CollectionAssert.AreEqual(new[] { "efter:inre+yttre" }, calls);
        others.Verify(h => h.HandleAsync(It.Is<IReadOnlyList<Other>>(e => e.Single().Number == 7), It.IsAny<CancellationToken>()), Times.Once);
        Assert.IsNull(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.CurrentTransaction);
    }

    [TestMethod]
    public async Task An_event_raised_outside_a_unit_of_work_is_refused_before_any_handler_runs()
    {
        var inside = InsideHandler("inne");
        using var scope = Scope(s => s.AddScoped<IEventHandler<Happened>>(_ => inside.Object));

        var refused = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(new Happened("a"), CancellationToken.None));

        StringAssert.Contains(refused.Message, "outside a unit of work");
        Assert.IsEmpty(calls);
    }

    public sealed class Recorder(List<string> calls)
    {
        public void Add(string call) => calls.Add(call);
    }

    public sealed class FirstHandler(Recorder recorder) : IEventHandler<Happened>
    {
        public Task HandleAsync(Happened contentEvent, CancellationToken cancellationToken)
        {
            recorder.Add($"först:{contentEvent.What}");
            return Task.CompletedTask;
        }
    }

    public sealed class SecondHandler(Recorder recorder) : IEventHandler<Happened>
    {
        public Task HandleAsync(Happened contentEvent, CancellationToken cancellationToken)
        {
            recorder.Add($"sedan:{contentEvent.What}");
            return Task.CompletedTask;
        }
    }

    public sealed class AfterHandler(Recorder recorder) : IAfterCommitHandler<Happened>
    {
        public Task HandleAsync(IReadOnlyList<Happened> events, CancellationToken cancellationToken)
        {
            recorder.Add($"efter:{string.Join('+', events.Select(e => e.What))}");
            return Task.CompletedTask;
        }
    }
}
