using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Workflow;

/// <summary>Publishes and unpublishes scheduled content when its time comes.</summary>
public sealed class ScheduledPublishingService(
    IServiceScopeFactory scopes, IOptions<WorkflowOptions> options, TimeProvider clock, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await scope.ServiceProvider.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(stoppingToken);
                if (changed > 0)
                {
                    logger.LogInformation("Schemaläggaren publicerade eller avpublicerade {Count} innehåll.", changed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Schemalagd publicering misslyckades; nytt försök vid nästa körning.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
