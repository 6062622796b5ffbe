using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Core.Media;

/// <summary>
/// Makes WebP variants with libvips' <c>vipsthumbnail</c>, run directly (no shell) with a timeout.
/// Whether the program exists is checked once and remembered; without it there are no variants.
/// </summary>
public sealed class VipsVariantMaker(IOptions<MediaOptions> options, ILogger<VipsVariantMaker> logger)
{
    private readonly Lazy<Task<bool>> availability = new(() => ProbeAsync(options.Value, logger));

    public Task<bool> IsAvailableAsync() => availability.Value;

    /// <summary>Writes a WebP of the given width next to the original; false when libvips failed.</summary>
    public async Task<bool> MakeWebPAsync(string sourcePath, int width, string outputPath, CancellationToken cancellationToken)
    {
        if (!await IsAvailableAsync())
        {
            return false;
        }
        var (exitCode, error) = await RunAsync(options.Value, [sourcePath, "--size", $"{width}x", "-o", $"{Path.GetFullPath(outputPath)}[Q=80,strip]"], cancellationToken);
        if (exitCode == 0 && File.Exists(outputPath))
        {
            return true;
        }
        logger.LogWarning("vipsthumbnail kunde inte göra en variant ({Width} px): {Error}", width, error);
        TryDelete(outputPath);
        return false;
    }

    private static async Task<bool> ProbeAsync(MediaOptions settings, ILogger logger)
    {
        var (exitCode, error) = await RunAsync(settings, ["--version"], CancellationToken.None);
        if (exitCode != 0)
        {
            logger.LogWarning("libvips (vipsthumbnail) saknas eller fungerar inte; bilder visas utan varianter. {Error}", error);
        }
        return exitCode == 0;
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(MediaOptions settings, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(settings.VipsThumbnailPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.VipsTimeout);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Processen startade inte.");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (-1, e.Message);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, "vipsthumbnail tog för lång tid och avbröts.");
            }
            await output;
            return (process.ExitCode, await error);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
