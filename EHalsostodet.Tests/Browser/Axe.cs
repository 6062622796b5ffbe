using System.Globalization;
using System.Text;
using System.Text.Json;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.Playwright;

namespace EHalsostodet.Tests.Browser;

/// <summary>One rule axe-core found broken, with the elements that break it.</summary>
internal sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets);

/// <summary>
/// axe-core (npm, pinned in axe/package-lock.json) run inside the page at WCAG 2.1 A and AA.
/// The script is added as an init script through the browser's debugging protocol, which the
/// portal's Content-Security-Policy (no inline script) does not block, so the CSP stays on.
/// </summary>
internal static class Axe
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "EHalsostodet.Tests", "Browser", "axe", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new AssertFailedException($"axe-core saknas: kör npm ci i {Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))} (test.sh gör det).");
    });

    public static Task InstallAsync(IBrowserContext context) => context.AddInitScriptAsync(Source.Value);

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
              })));
            }
            """, Tags);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, Json)!;
    }

    /// <summary>Fails the test with every violation spelled out: rule, impact, help and the elements.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var violations = await RunAsync(page);
        if (violations.Count == 0)
        {
            return;
        }
        var message = new StringBuilder(FormattableString.Invariant($"{violations.Count} brott mot WCAG 2.1 A/AA på {what} ({page.Url}):"));
        foreach (var violation in violations)
        {
            message.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var target in violation.Targets.Take(5))
            {
                message.AppendLine().Append("    ").Append(target);
            }
            if (violation.Targets.Count > 5)
            {
                message.AppendLine().Append(CultureInfo.InvariantCulture, $"    … och {violation.Targets.Count - 5} till");
            }
        }
        Assert.Fail(message.ToString());
    }
}
