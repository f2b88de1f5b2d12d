namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>An import run within the request: its record and what it did (or, for a dry run, would do).</summary>
public sealed record ImportResult(Guid ImportId, ImportReport Report);

/// <summary>An import queued as a background job; follow it at <c>/api/v1/imports/jobs/{jobId}</c>.</summary>
public sealed record ImportQueued(Guid ImportId, Guid JobId, string Status);

/// <summary>The progress of an import job.</summary>
/// <param name="JobId">The job.</param>
/// <param name="ImportId">The import it runs.</param>
/// <param name="Status">The job's status: Queued, Running, Succeeded, Failed, Cancelled.</param>
/// <param name="Finished">Whether the job has ended, one way or the other.</param>
/// <param name="Progress">From 0 to 1.</param>
/// <param name="Phase">waiting, reading, applying, finishing or done.</param>
/// <param name="Rows">Rows read so far.</param>
/// <param name="ImportStatus">The import's status once known: Queued, Running, Succeeded, Previewed, Rejected, Failed.</param>
/// <param name="Message">A one-line summary, or why the job failed.</param>
/// <param name="Report">The import's report once it has finished.</param>
public sealed record ImportJobState(
    Guid JobId, Guid? ImportId, string Status, bool Finished, double Progress, string Phase, long Rows, string? ImportStatus, string? Message,
    ImportReport? Report);

/// <summary>A mapping the import API can apply with <c>?mapping=name</c>.</summary>
/// <param name="Name">What <c>?mapping=</c> and <c>--mapping</c> take.</param>
/// <param name="Kind">The kind it imports (the route's <c>{kind}</c>).</param>
/// <param name="Title">What a person reads.</param>
/// <param name="Vendor">The CRM the layout comes from.</param>
/// <param name="Preset">Shipped with the portal (read-only) rather than saved by an Admin.</param>
/// <param name="Companions">Other files of the export to send along, as multipart fields of these names.</param>
/// <param name="File">The vendor's own name of the file or table the layout reads.</param>
public sealed record MappingSummary(string Name, string Kind, string? Title, string? Vendor, bool Preset, IReadOnlyList<CompanionFile> Companions, string? File)
{
    public static MappingSummary Of(ImportMapping mapping) =>
        new(mapping.Name, mapping.Kind, mapping.Title, mapping.Vendor, MappingLibrary.IsPreset(mapping.Name), mapping.Companions, mapping.File);
}
