using EHalsostodet.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Workflow;

/// <summary>Publishes and unpublishes scheduled content when its time comes.</summary>
public sealed class ScheduledPublishingService(
    IServiceScopeFactory scopes, IOptions<WorkflowOptions> options, TimeProvider clock, ILogger<ScheduledPublishingService> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.SchedulerInterval;

    protected override string FailureMessage => "Schemalagd publicering misslyckades; nytt försök vid nästa körning.";

    protected override async Task<string?> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var changed = await services.GetRequiredService<WorkflowService>().RunDueSchedulesAsync(cancellationToken);
        return changed > 0 ? $"Schemaläggaren publicerade eller avpublicerade {changed} innehåll." : null;
    }
}
