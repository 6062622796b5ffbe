using System.Diagnostics;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Operations;

/// <summary>The search index answers a query (browsing one type, which runs the engine's statement).</summary>
public sealed class SearchIndexHealthCheck(ISearchIndex search) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var results = await search.SearchAsync(new SearchRequest("", PageSize: 1, Type: ContentType.Page), cancellationToken);
            return HealthCheckResult.Healthy($"Sökindexet svarar ({EHalsostodet.Core.Wording.SwedishCount.Of(results.Total, "sida", "sidor")}).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Sökindexet svarar inte.", e);
        }
    }
}

/// <summary>Mail can leave: an SMTP host is configured, or the pickup directory is writable.</summary>
public sealed class MailHealthCheck(IOptions<EmailOptions> options, IHostEnvironment environment) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            return HealthCheckResult.Healthy($"SMTP-server: {settings.SmtpHost}.");
        }
        var folder = SmtpEmailTransport.PickupDirectory(settings, environment.ContentRootPath);
        var probe = Path.Combine(folder, $".halsokontroll-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy("Ingen SMTP-server; e-post skrivs till upphämtningsmappen.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("Ingen SMTP-server och upphämtningsmappen för e-post går inte att skriva i.", e);
        }
    }
}

/// <summary>
/// libvips, which processes uploads in this process, has loaded. Without it no image can be
/// uploaded, but everything already stored is served, so the portal is degraded, not unready.
/// </summary>
public sealed class LibvipsHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Libvips.IsAvailable
            ? HealthCheckResult.Healthy($"libvips {Libvips.Version}")
            : HealthCheckResult.Degraded($"libvips kunde inte läsas in; bilder kan inte laddas upp. {Libvips.Problem}"));
}
