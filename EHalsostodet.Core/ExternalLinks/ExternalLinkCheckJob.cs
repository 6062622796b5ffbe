using EHalsostodet.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.ExternalLinks;

/// <summary>Checks the external links of published content every <see cref="ExternalLinkOptions.Interval"/>, once across instances.</summary>
public sealed class ExternalLinkCheckJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ExternalLinkOptions> options, ILogger<ExternalLinkCheckJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override string FailureMessage => "Kontrollen av externa länkar misslyckades; den görs om vid nästa tillfälle.";

    protected override async Task<string?> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }
        var run = await services.GetRequiredService<ExternalLinkChecker>().CheckAllAsync(cancellationToken);
        return $"{run.Checked} externa länkar kontrollerade, {run.Broken} fungerar inte.";
    }
}
