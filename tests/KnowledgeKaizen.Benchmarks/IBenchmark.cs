namespace KnowledgeKaizen.Benchmarks;

/// <summary>One benchmark: a candidate measured against a named baseline in the same run.</summary>
public interface IBenchmark
{
    /// <summary>Command-line name, e.g. "search".</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(string[] args);
}
