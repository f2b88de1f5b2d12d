namespace KnowledgeKaizen.Core.Jobs;

/// <summary>Runs one kind of <see cref="BackgroundJob"/>. Registered with <c>AddJobHandler&lt;T&gt;()</c>.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>
    /// Does the work and returns the result to store. Throwing marks the job failed with the message;
    /// the handler is responsible for leaving no partial data behind (use a transaction).
    /// </summary>
    Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken);
}
