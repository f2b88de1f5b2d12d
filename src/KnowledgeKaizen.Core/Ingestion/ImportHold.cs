namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// For crash tests: stops an import at the phase named by <see cref="ImportOptions.HoldAt"/>, writes
/// <see cref="ImportOptions.HoldMarker"/> (so the test knows where it is) and waits until the process is killed.
/// Does nothing unless configured.
/// </summary>
public sealed class ImportHold(IOptions<ImportOptions> options)
{
    public async Task AtAsync(ImportPhase phase, CancellationToken ct)
    {
        if (options.Value.HoldAt != phase)
        {
            return;
        }

        if (options.Value.HoldMarker is { } marker)
        {
            await CrashTestHold.UntilKilledAsync(marker, phase.ToString(), ct);
        }

        await Task.Delay(Timeout.Infinite, ct);
    }
}
