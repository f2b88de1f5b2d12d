using System.Security.Claims;
using KnowledgeKaizen.Core.Audit;
using KnowledgeKaizen.Core.Hosting;
using KnowledgeKaizen.Core.Ingestion;
using KnowledgeKaizen.Core.Jobs;
using KnowledgeKaizen.Web.Hosting;
using KnowledgeKaizen.Web.Identity;
using Microsoft.Extensions.Options;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// <c>/api/v1/imports</c>: upload a file (raw body or multipart "file"), follow its progress, fetch
/// templates and problem lists. Bad input is always a ProblemDetails (400, 404, 413, 422), never a 500.
/// </summary>
public static class ImportApi
{
    /// <summary>Files up to this size are imported within the request; larger ones become a background job.</summary>
    internal const long InlineLimitBytes = 5L * 1024 * 1024;

    /// <summary>Maps <c>imports/…</c> under <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder api)
    {
        var imports = api.MapGroup("/imports").RequireAuthorization(IngestionPolicies.ImportApi);
        imports.MapPost("/{kind}", UploadAsync).DisableAntiforgery().RequireAntiforgeryForCookies().WithMetadata(new RateLimited(RateLimited.Import));
        imports.MapGet("/jobs/{id:guid}", JobAsync);
        imports.MapGet("/templates/{kind}", Template);
        imports.MapGet("/{id:guid}/problems.csv", ProblemsAsync);
        return api;
    }

    private static async Task<IResult> UploadAsync(string kind, HttpRequest request, ImportService service,
        IOptions<KaizenOptions> options, string? mode, bool? dryRun, bool? background, CancellationToken ct)
    {
        if (!ImportKinds.TryParse(kind, out var importKind))
        {
            return Results.Problem(statusCode: 404, title: $"Unknown import kind '{kind}'.",
                detail: "Kinds: " + string.Join(", ", ImportKinds.LoadOrder.Select(k => k.Slug())));
        }

        var importMode = mode?.ToLowerInvariant() switch
        {
            null or "" or "all" or "all-or-nothing" => ImportMode.AllOrNothing,
            "valid" or "valid-rows" or "partial" => ImportMode.ValidRowsOnly,
            _ => (ImportMode?)null,
        };
        if (importMode is null)
        {
            return Results.Problem(statusCode: 400, title: "mode must be 'all' (the default) or 'valid'.");
        }

        if (!ImportContentTypes.Accepts(request.ContentType))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the file as text/csv, application/json, "
                + "application/x-ndjson, or multipart/form-data with the field 'file'.");
        }

        var maxBytes = options.Value.UploadLimitBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        ImportRecord record;
        try
        {
            var (content, fileName) = await BodyAsync(request, importKind, ct);
            if (content is null)
            {
                return Results.Problem(statusCode: 400, title: "Send the file as the request body or as the multipart field 'file'.");
            }

            record = await service.ReceiveAsync(content, fileName, importKind, importMode.Value, dryRun ?? false, ImportSource.Api,
                request.HttpContext.User.Identity?.Name, maxBytes, ct);
        }
        catch (FileTooLargeException)
        {
            return TooLarge(maxBytes);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxBytes);
        }

        if (background == true || record.FileBytes > InlineLimitBytes)
        {
            var job = await service.EnqueueAsync(record, request.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
            return Results.Accepted($"/api/v1/imports/jobs/{job.Id}", new { importId = record.Id, jobId = job.Id, status = "queued" });
        }

        var report = await service.RunAsync(record.Id, ct: ct);
        var body = new { importId = record.Id, report };
        return report.Applied || (report.DryRun && report.TotalProblems == 0)
            ? Results.Ok(body)
            : Results.UnprocessableEntity(body);
    }

    private static async Task<(Stream? Content, string FileName)> BodyAsync(HttpRequest request, ImportKind kind, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files["file"] ?? form.Files.FirstOrDefault();
            return file is null ? (null, string.Empty) : (file.OpenReadStream(), file.FileName);
        }

        var extension = ImportContentTypes.IsJson(request.ContentType) ? ".json" : ".csv";
        return (request.Body, kind.Slug() + extension);
    }

    private static IResult TooLarge(long maxBytes) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: $"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB.",
        detail: "Split the file, or raise KnowledgeKaizen:MaxUploadMegabytes.");

    private static async Task<IResult> JobAsync(Guid id, IJobQueue jobs, ImportService service, ImportProgress live, CancellationToken ct)
    {
        var job = await jobs.FindAsync(id, ImportService.JobKind, ct);
        if (job is null)
        {
            return Results.Problem(statusCode: 404, title: "No import job has this id.");
        }

        var record = await service.FindByJobAsync(id, ct);
        var snapshot = record is null ? null : live.Find(record.Id);
        return Results.Ok(new
        {
            jobId = job.Id,
            importId = record?.Id,
            status = job.Status.ToString(),
            finished = job.IsFinished,
            progress = job.IsFinished ? 1 : snapshot is null ? job.Progress : Overall(snapshot, record!.DryRun),
            phase = job.IsFinished ? "done" : snapshot?.Phase switch
            {
                ImportPhase.Reading => "reading",
                ImportPhase.Applying => "applying",
                ImportPhase.Applied => "finishing",
                _ => "waiting",
            },
            rows = snapshot?.Rows ?? record?.Rows ?? 0,
            importStatus = record?.Status.ToString(),
            message = job.Status == JobStatus.Failed ? job.Message : record?.Message,
            report = record?.IsFinished == true ? record.Report : null,
        });
    }

    /// <summary>The whole import as one bar: reading the first half, applying the second (a preview only reads).</summary>
    private static double Overall(ImportProgress.Snapshot snapshot, bool dryRun) => snapshot.Phase switch
    {
        ImportPhase.Reading => dryRun ? snapshot.Fraction : snapshot.Fraction / 2,
        ImportPhase.Applying => 0.5 + (snapshot.Fraction / 2),
        ImportPhase.Applied => 1,
        _ => 0,
    };

    private static IResult Template(string kind)
    {
        var slug = kind.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? kind[..^4] : kind;
        if (!ImportKinds.TryParse(slug, out var importKind))
        {
            return Results.Problem(statusCode: 404, title: $"Unknown import kind '{kind}'.");
        }

        return Results.File(CsvExports.Template(importKind), "text/csv; charset=utf-8", importKind.Slug() + ".csv");
    }

    private static async Task<IResult> ProblemsAsync(Guid id, ImportService service, AuditLog audit, CancellationToken ct)
    {
        var report = (await service.FindAsync(id, ct))?.Report;
        if (report is null)
        {
            return Results.Problem(statusCode: 404, title: "No finished import has this id.");
        }

        await audit.RecordAsync(new DataExported($"import-{id:N}-problems.csv"), ct);
        return Results.File(CsvExports.Problems(report), "text/csv; charset=utf-8", $"import-{id:N}-problems.csv");
    }
}
