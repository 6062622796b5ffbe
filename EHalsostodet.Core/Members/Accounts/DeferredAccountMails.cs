using System.Threading.Channels;
using EHalsostodet.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>
/// Account mails whose work must not show in the answer's timing: a request for a reset link or a
/// new confirmation link is answered at once, whatever the address, and the lookup, the token and
/// the mail (or nothing, for an address without an account) happen afterwards, here. Kept in
/// memory on the instance that took the request; should it stop in that moment, the visitor asks again.
/// </summary>
public sealed class DeferredAccountMails(ILogger<DeferredAccountMails> logger) : IOutboxFeed
{
    /// <summary>Requests are rate limited per client; far beyond that, new ones are dropped rather than filling memory.</summary>
    private const int Capacity = 10_000;

    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> work =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite });

    private int unfinished;

    /// <summary>Queues the work, to run in a scope of its own; returns at once.</summary>
    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> mailWork)
    {
        Interlocked.Increment(ref unfinished);
        if (!work.Writer.TryWrite(mailWork))
        {
            Interlocked.Decrement(ref unfinished);
            logger.LogWarning("Kön av kontomejl är full; en begäran om länk kastades.");
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            while (Volatile.Read(ref unfinished) > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // What is still queued goes with the next dispatch.
        }
    }

    internal async Task RunAsync(IServiceScopeFactory scopes, CancellationToken stoppingToken)
    {
        await foreach (var mailWork in work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await mailWork(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Ett kontomejl kunde inte läggas i utkorgen.");
            }
            finally
            {
                Interlocked.Decrement(ref unfinished);
            }
        }
    }
}

/// <summary>Runs the deferred account mails as they come.</summary>
public sealed class DeferredAccountMailService(DeferredAccountMails mails, IServiceScopeFactory scopes) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => mails.RunAsync(scopes, stoppingToken);
}
