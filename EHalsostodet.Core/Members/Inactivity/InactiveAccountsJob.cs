using EHalsostodet.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Members.Inactivity;

/// <summary>Reminds and deletes members' unused accounts every <see cref="InactivityOptions.Interval"/>, once across instances.</summary>
public sealed class InactiveAccountsJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<InactivityOptions> options, ILogger<InactiveAccountsJob> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override string FailureMessage => "Genomgången av konton som inte används misslyckades; den görs om vid nästa tillfälle.";

    protected override async Task<string?> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var run = await services.GetRequiredService<InactiveAccounts>().RunAsync(cancellationToken);
        return run.Reminded + run.Deleted == 0 ? null : $"{run.Reminded} påminda och {run.Deleted} borttagna konton som inte har använts.";
    }
}
