using EHalsostodet.Core.Instances;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EHalsostodet.Core.Jobs;

/// <summary>
/// A background job that runs at start and then on every tick of a timer, each run in its own
/// scope. A failed run is logged and tried again at the next tick, so one error never stops it.
/// With several instances on one database, a run holds the job's lock (a PostgreSQL advisory
/// lock) and an instance that does not get it skips that round.
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What to log when a run fails, in Swedish.</summary>
    protected abstract string FailureMessage { get; }

    /// <returns>A Swedish line to log about what the run did, or null when there is nothing to say.</returns>
    protected abstract Task<string?> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var turn = await scope.ServiceProvider.GetRequiredService<IJobLock>()
                    .TryAcquireAsync(JobLockNames.Job(GetType()), stoppingToken);
                if (turn is null)
                {
                    logger.LogDebug("{Job}: en annan instans kör redan; hoppar över den här omgången.", GetType().Name);
                    continue;
                }
                if (await RunOnceAsync(scope.ServiceProvider, stoppingToken) is { } done)
                {
                    logger.LogInformation("{Job}: {Done}", GetType().Name, done);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Job}: {Failure}", GetType().Name, FailureMessage);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
