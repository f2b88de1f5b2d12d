using System.Text.Json;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>
/// Job "search-rebuild@instance": builds a fresh index from the database beside the live one and swaps to it; the
/// engine keeps serving the old index meanwhile and replays writes made during the build, so it is
/// all-or-nothing from a reader's point of view.
/// </summary>
public sealed class SearchRebuildJobHandler(ISearchIndex index, SearchDocumentSource source, IOptions<SearchIndexingOptions> options) : IJobHandler
{
    public string Kind => SearchIndexMaintenance.JobKindOf(options.Value);

    public async Task<string?> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var total = (await source.CountsAsync(cancellationToken)).Values.Sum();
        await progress.ReportAsync(0, $"Indexing {total} documents", cancellationToken);
        var latest = new LatestProgress();
        var build = Task.Run(() => index.Rebuild(source.All(cancellationToken), SearchIndexMaintenance.ExpectedMarker, latest, cancellationToken),
            cancellationToken);
        while (await Task.WhenAny(build, Task.Delay(300, cancellationToken)) != build)
        {
            await progress.ReportAsync(latest.Value, $"Indexing {total} documents", cancellationToken);
        }

        await build;
        await progress.ReportAsync(1, $"Indexed {index.DocumentCount} documents", cancellationToken);
        return JsonSerializer.Serialize(new { documents = index.DocumentCount });
    }

    /// <summary>Keeps only the newest fraction the engine reported; the job loop persists it a few times a second.</summary>
    private sealed class LatestProgress : IProgress<double>
    {
        private double value;

        public double Value => Volatile.Read(ref value);

        public void Report(double fraction) => Volatile.Write(ref value, fraction);
    }
}
