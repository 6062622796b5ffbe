using EHalsostodet.Core.Email;
using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Tests.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace EHalsostodet.Tests.Unit;

/// <summary>
/// The dispatcher with a transport that fails: every run tries each unsent mail once more and keeps
/// the error, a mail is given up after <see cref="EmailDispatcher.MaxAttempts"/> tries, and one
/// failing mail holds no other back. On an in-memory SQLite database.
/// </summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class EmailDispatcherTests : IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly Mock<IEmailTransport> transport = new();
    private readonly Mock<IJobLock> jobLock = new();
    private readonly TestClock clock = new();
    private PortalDbContext db = null!;

    [TestInitialize]
    public async Task StartAsync()
    {
        await connection.OpenAsync();
        db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        jobLock.Setup(l => l.AcquireAsync(JobLockNames.EmailDispatch, It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<IAsyncDisposable>());
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        await connection.DisposeAsync();
    }

    private EmailDispatcher Dispatcher() => new(db, transport.Object, jobLock.Object, [], clock, NullLogger<EmailDispatcher>.Instance);

    private async Task<OutboxEmail> QueueAsync(string to)
    {
        var email = new OutboxEmail { To = to, Subject = "Att granska", Body = "Hej", CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync();
        return email;
    }

    private Task<OutboxEmail> StoredAsync(long id) => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id);

    [TestMethod]
    public async Task A_mail_the_server_refuses_is_tried_once_a_run_and_given_up_with_its_error_after_the_last_attempt()
    {
        var email = await QueueAsync("anna@example.se");
        transport.Setup(t => t.SendAsync(It.IsAny<OutboxEmail>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "Mailbox unavailable"));

        for (var run = 1; run <= EmailDispatcher.MaxAttempts + 2; run++)
        {
            Assert.AreEqual(0, await Dispatcher().DispatchPendingAsync(CancellationToken.None));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        transport.Verify(t => t.SendAsync(It.Is<OutboxEmail>(e => e.Id == email.Id), It.IsAny<CancellationToken>()), Times.Exactly(EmailDispatcher.MaxAttempts));
        var stored = await StoredAsync(email.Id);
        Assert.AreEqual(EmailDispatcher.MaxAttempts, stored.Attempts);
        Assert.IsNull(stored.SentAt);
        Assert.AreEqual("Mailbox unavailable", stored.LastError, "left with its error for an administrator");
    }

    [TestMethod]
    public async Task A_mail_that_failed_is_sent_at_a_later_run_and_its_error_is_cleared()
    {
        var email = await QueueAsync("anna@example.se");
        transport.SetupSequence(t => t.SendAsync(It.IsAny<OutboxEmail>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("Anslutningen bröts"))
            .Returns(Task.CompletedTask);

        Assert.AreEqual(0, await Dispatcher().DispatchPendingAsync(CancellationToken.None));
        Assert.AreEqual("Anslutningen bröts", (await StoredAsync(email.Id)).LastError);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.AreEqual(1, await Dispatcher().DispatchPendingAsync(CancellationToken.None));
        Assert.AreEqual(0, await Dispatcher().DispatchPendingAsync(CancellationToken.None), "never sent twice");

        var stored = await StoredAsync(email.Id);
        Assert.AreEqual(clock.GetUtcNow().UtcDateTime, stored.SentAt);
        Assert.AreEqual(2, stored.Attempts);
        Assert.AreEqual("", stored.LastError);
        transport.Verify(t => t.SendAsync(It.IsAny<OutboxEmail>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [TestMethod]
    public async Task One_mail_that_fails_holds_back_no_other()
    {
        var wrong = await QueueAsync("inte en adress");
        var right = await QueueAsync("bo@example.se");
        transport.Setup(t => t.SendAsync(It.Is<OutboxEmail>(e => e.Id == wrong.Id), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new MimeKit.ParseException("Invalid addr-spec token at offset 0", 0, 0));

        Assert.AreEqual(1, await Dispatcher().DispatchPendingAsync(CancellationToken.None));

        Assert.IsNotNull((await StoredAsync(right.Id)).SentAt);
        Assert.IsNull((await StoredAsync(wrong.Id)).SentAt);
        jobLock.Verify(l => l.AcquireAsync(JobLockNames.EmailDispatch, It.IsAny<CancellationToken>()), Times.Once, "one dispatcher at a time over all instances");
    }

    [TestMethod]
    public async Task A_failure_that_is_not_about_sending_stops_the_run_without_counting_an_attempt_as_sent()
    {
        var email = await QueueAsync("anna@example.se");
        transport.Setup(t => t.SendAsync(It.IsAny<OutboxEmail>(), It.IsAny<CancellationToken>())).ThrowsAsync(new UnauthorizedAccessException("Pickup-mappen är skrivskyddad"));

        await Assert.ThrowsExactlyAsync<UnauthorizedAccessException>(() => Dispatcher().DispatchPendingAsync(CancellationToken.None));

        var stored = await StoredAsync(email.Id);
        Assert.IsNull(stored.SentAt);
        Assert.AreEqual(0, stored.Attempts, "the periodic job logs it and the mail waits for the next run");
    }
}
