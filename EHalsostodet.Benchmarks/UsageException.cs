namespace EHalsostodet.Benchmarks;

/// <summary>The command line asks for something the benchmark cannot do; the message says what.</summary>
public sealed class UsageException(string message) : Exception(message);
