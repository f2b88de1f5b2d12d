using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>
/// <c>/api/v1/imports</c>: upload a file (raw body or multipart "file"), in the portal's columns or through a mapping
/// (<c>?mapping=name</c>, companion files as multipart fields of their names), follow its progress, fetch templates and
/// problem lists. Bad input is always a ProblemDetails (400, 404, 413, 422), never a 500.
/// </summary>
public static class ImportApi
{
    /// <summary>Files up to this size are imported within the request; larger ones become a background job.</summary>
    internal const long InlineLimitBytes = 5L * 1024 * 1024;

    /// <summary>Maps <c>imports/…</c> under <paramref name="api"/> (the <c>/api/v1</c> group).</summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder api)
    {
        var imports = api.MapGroup("/imports").RequireAuthorization(IngestionPolicies.ImportApi).WithTags("Imports");
        imports.MapPost("/{kind}", UploadAsync).DisableAntiforgery().WithMetadata(new RateLimited(RateLimited.Import))
            .WithSummary("Import a file of one kind")
            .WithDescription("The file is the request body (text/csv or application/json) or the multipart field 'file'. With ?mapping=name it is "
                + "read through that mapping (a preset or a saved one); its companion files go as multipart fields named after them. "
                + "mode=all (default) applies nothing when any row has a problem; mode=valid applies the valid rows. dryRun=true checks and "
                + "rolls back. Files over 5 MB, or background=true, become a job (202).")
            .Accepts<IFormFile>("text/csv", "application/json", "multipart/form-data")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The multipart body is the file and, for a mapping that reads other files of the export, one field per companion.
                operation.RequestBody!.Content!["multipart/form-data"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file to import." },
                        },
                        AdditionalProperties = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String, Format = "binary", Description = "A companion file, named as the mapping names it.",
                        },
                    },
                };
                return Task.CompletedTask;
            });
        imports.MapGet("/jobs/{id:guid}", JobAsync).WithSummary("Follow an import job");
        imports.MapGet("/templates/{kind}", Template).WithSummary("An empty CSV with the columns of a kind")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        imports.MapGet("/{id:guid}/problems.csv", ProblemsAsync).WithSummary("The problems of a finished import as CSV")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return api;
    }

    private static async Task<Results<Ok<ImportResult>, Accepted<ImportQueued>, UnprocessableEntity<ImportResult>, ProblemHttpResult>> UploadAsync(
        string kind, HttpRequest request, ImportService service, MappingLibrary mappings, IOptions<KaizenOptions> options, string? mode, bool? dryRun,
        bool? background, string? mapping, CancellationToken ct)
    {
        if (!ImportKinds.TryParse(kind, out var importKind))
        {
            return TypedResults.Problem(statusCode: 404, title: $"Unknown import kind '{kind}'.",
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
            return TypedResults.Problem(statusCode: 400, title: "mode must be 'all' (the default) or 'valid'.");
        }

        ImportMapping? chosen = null;
        if (!string.IsNullOrWhiteSpace(mapping))
        {
            chosen = await mappings.FindAsync(mapping, ct);
            if (chosen is null)
            {
                return TypedResults.Problem(statusCode: 404, title: $"Unknown mapping '{mapping}'.",
                    detail: "The mappings are listed at GET /api/v1/imports/mappings.");
            }

            if (chosen.ImportKind != importKind)
            {
                return TypedResults.Problem(statusCode: 400, title: $"The mapping {chosen.Name} imports {chosen.Kind}, not {importKind.Slug()}.",
                    detail: $"Send the file to /api/v1/imports/{chosen.Kind}?mapping={chosen.Name}.");
            }
        }

        if (!ImportContentTypes.Accepts(request.ContentType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the file as text/csv, application/json, "
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
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            var (content, fileName) = Body(request, form, importKind);
            if (content is null)
            {
                return TypedResults.Problem(statusCode: 400, title: "Send the file as the request body or as the multipart field 'file'.");
            }

            var applied = default(AppliedMapping);
            if (chosen is not null)
            {
                var missing = chosen.Companions.Where(c => form?.Files[c.Name] is null).ToList();
                if (missing.Count > 0)
                {
                    return TypedResults.Problem(statusCode: 400, title: $"The mapping {chosen.Name} also reads {string.Join(", ", missing.Select(c => c.Description))}.",
                        detail: "Send the file as multipart/form-data with the field 'file' and " + string.Join(", ", missing.Select(c => $"the field '{c.Name}' ({c.Description})")) + ".");
                }

                var companions = new List<StoredCompanion>();
                foreach (var companion in chosen.Companions)
                {
                    var file = form!.Files[companion.Name]!;
                    await using var stream = file.OpenReadStream();
                    companions.Add(new StoredCompanion(companion.Name, file.FileName, await service.StoreAsync(stream, file.FileName, maxBytes, ct)));
                }

                applied = new AppliedMapping(chosen, companions);
            }

            record = await service.ReceiveAsync(content, fileName, importKind, importMode.Value, dryRun ?? false, ImportSource.Api,
                request.HttpContext.User.Identity?.Name, maxBytes, ct, applied);
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
            return TypedResults.Accepted($"/api/v1/imports/jobs/{job.Id}", new ImportQueued(record.Id, job.Id, "queued"));
        }

        var report = await service.RunAsync(record.Id, ct: ct);
        var body = new ImportResult(record.Id, report);
        return report.Applied || (report.DryRun && report.TotalProblems == 0)
            ? TypedResults.Ok(body)
            : TypedResults.UnprocessableEntity(body);
    }

    private static (Stream? Content, string FileName) Body(HttpRequest request, IFormCollection? form, ImportKind kind)
    {
        if (form is not null)
        {
            // One file may come under any name; with companion files the import's own must be "file".
            var file = form.Files["file"] ?? (form.Files.Count == 1 ? form.Files[0] : null);
            return file is null ? (null, string.Empty) : (file.OpenReadStream(), file.FileName);
        }

        var extension = ImportContentTypes.IsJson(request.ContentType) ? ".json" : ".csv";
        return (request.Body, kind.Slug() + extension);
    }

    private static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: $"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB.",
        detail: "Split the file, or raise KnowledgeKaizen:MaxUploadMegabytes.");

    private static async Task<Results<Ok<ImportJobState>, ProblemHttpResult>> JobAsync(Guid id, IJobQueue jobs, ImportService service, ImportProgress live,
        CancellationToken ct)
    {
        var job = await jobs.FindAsync(id, ImportService.JobKind, ct);
        if (job is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No import job has this id.");
        }

        var record = await service.FindByJobAsync(id, ct);

        // This instance's live progress when it runs the import; otherwise the job row's (in cluster mode another instance
        // may run it, and writes its phase there).
        var snapshot = record is null ? null : live.Find(record.Id);
        var phase = snapshot?.Phase ?? (Enum.TryParse<ImportPhase>(job.Message, out var written) ? written : null);
        return TypedResults.Ok(new ImportJobState(
            job.Id,
            record?.Id,
            job.Status.ToString(),
            job.IsFinished,
            job.IsFinished ? 1 : snapshot is null ? job.Progress : snapshot.Overall(record!.DryRun),
            job.IsFinished ? "done" : phase switch
            {
                ImportPhase.Reading => "reading",
                ImportPhase.Applying => "applying",
                ImportPhase.Applied => "finishing",
                _ => "waiting",
            },
            snapshot?.Rows ?? record?.Rows ?? 0,
            record?.Status.ToString(),
            job.Status == JobStatus.Failed ? job.Message : record?.Message,
            record?.IsFinished == true ? record.Report : null));
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Template(string kind)
    {
        var slug = kind.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? kind[..^4] : kind;
        if (!ImportKinds.TryParse(slug, out var importKind))
        {
            return TypedResults.Problem(statusCode: 404, title: $"Unknown import kind '{kind}'.");
        }

        return TypedResults.File(CsvExports.Template(importKind), "text/csv; charset=utf-8", importKind.Slug() + ".csv");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProblemsAsync(Guid id, ImportService service, AuditLog audit, CancellationToken ct)
    {
        var report = (await service.FindAsync(id, ct))?.Report;
        if (report is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No finished import has this id.");
        }

        await audit.RecordAsync(new DataExported($"import-{id:N}-problems.csv"), ct);
        return TypedResults.File(CsvExports.Problems(report), "text/csv; charset=utf-8", $"import-{id:N}-problems.csv");
    }
}
