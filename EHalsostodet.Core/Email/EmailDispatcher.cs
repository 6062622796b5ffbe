using EHalsostodet.Core.Instances;
using EHalsostodet.Core.Jobs;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Email;

/// <summary>Sends queued mail; a failure is retried a few times and then left with its error for an administrator.</summary>
public sealed class EmailDispatcher(
    PortalDbContext db, IEmailTransport transport, IJobLock jobLock, IEnumerable<IOutboxFeed> feeds, TimeProvider clock, ILogger<EmailDispatcher> logger)
{
    public const int MaxAttempts = 5;

    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        foreach (var feed in feeds)
        {
            await feed.FlushAsync(cancellationToken);
        }
        // One dispatcher at a time over all instances, so no mail is sent twice.
        await using var exclusive = await jobLock.AcquireAsync(JobLockNames.EmailDispatch, cancellationToken);
        var pending = await db.OutboxEmails.Where(e => e.SentAt == null && e.Attempts < MaxAttempts).OrderBy(e => e.Id).Take(50).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var email in pending)
        {
            email.Attempts++;
            try
            {
                await transport.SendAsync(email, cancellationToken);
                email.SentAt = clock.GetUtcNow().UtcDateTime;
                email.LastError = "";
                sent++;
            }
            catch (Exception e) when (IsSendFailure(e))
            {
                email.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                logger.LogWarning("E-post till mottagare {Id} kunde inte skickas: {Error}", email.Id, e.Message);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// <summary>What a transport throws when one mail could not be sent: the server refused, could not be reached, or the address is wrong.</summary>
    private static bool IsSendFailure(Exception e) =>
        e is MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
            or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException or FormatException;
}

/// <summary>Runs the dispatcher on a timer.</summary>
public sealed class EmailDispatchService(IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailDispatchService> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    protected override string FailureMessage => "Utskicket av e-post misslyckades; nytt försök vid nästa körning.";

    protected override async Task<string?> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<EmailDispatcher>().DispatchPendingAsync(cancellationToken);
        return null;
    }
}
