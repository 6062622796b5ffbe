using System.Text.Json;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Tests.Operations;

/// <summary>In production the console log is JSON, one line per entry, with UTC timestamps.</summary>
[TestClass]
public sealed class LoggingTests
{
    [TestMethod]
    public void A_production_log_entry_is_one_line_of_json_with_a_utc_timestamp()
    {
        var services = SeededPortal.Factory.Services;
        Assert.AreEqual(ConsoleFormatterNames.Json, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var formatter = services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);

        using var output = new StringWriter();
        formatter.Write(
            new LogEntry<string>(LogLevel.Warning, "EHalsostodet.Test", new EventId(7), "Något hände\nmed två rader", null, (s, _) => s),
            null, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        StringAssert.Contains(lines[0], "Något hände", "Swedish letters are written as they are");
        Assert.AreEqual(1, lines.Length, output.ToString());
        using var entry = JsonDocument.Parse(lines[0]);
        Assert.AreEqual("Warning", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.AreEqual("Något hände\nmed två rader", entry.RootElement.GetProperty("Message").GetString());
        var timestamp = entry.RootElement.GetProperty("Timestamp").GetString()!;
        StringAssert.EndsWith(timestamp, "Z");
        Assert.IsTrue(DateTimeOffset.TryParse(timestamp, out var parsed) && Math.Abs((parsed - DateTimeOffset.UtcNow).TotalMinutes) < 5, timestamp);
    }
}
