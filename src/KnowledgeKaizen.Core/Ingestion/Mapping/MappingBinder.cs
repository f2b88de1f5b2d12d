namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>A companion file given with an import: its name as the file had it, and its content.</summary>
public sealed record CompanionContent(string FileName, Stream Content);

/// <summary>
/// Binds a mapping for one import: validates it, reads its companion files whole, and loads what it looks up in the
/// portal (customers, reps; for a stage derivation the stages and the opportunities already imported). Reads are done
/// before the import's transaction starts; they see the data every earlier import committed.
/// </summary>
public sealed class MappingBinder(KnowledgeKaizenDbContext db)
{
    public async Task<MappedImport> BindAsync(ImportMapping mapping, IReadOnlyDictionary<string, CompanionContent> companions, CancellationToken ct = default)
    {
        var problems = new List<string>(MappingValidation.Validate(mapping).Select(e => ImportMessages.Format(ImportMessages.MappingNotValid, e)));
        DateReader.TryResolveZone(mapping.TimeZone, out var zone);
        var context = new MappingContext
        {
            Dates = new DateReader(zone),
            Stages = mapping.Derive is null ? [] : await db.SalesStages.AsNoTracking().OrderBy(s => s.Position).Select(s => s.Code).ToListAsync(ct),
        };
        var given = new Dictionary<string, CompanionContent>(companions, StringComparer.OrdinalIgnoreCase);
        foreach (var companion in mapping.Companions)
        {
            if (!given.Remove(companion.Name, out var content))
            {
                problems.Add(ImportMessages.Format(ImportMessages.CompanionNotSent, mapping.Name, Describe(companion)));
                continue;
            }

            await using (content.Content)
            {
                var (table, problem) = await LookupTable.ReadAsync(companion.Name, content.Content, FormatOf(content), ct);
                if (table is null)
                {
                    problems.Add(ImportMessages.Format(ImportMessages.CompanionProblem, content.FileName, Describe(companion), problem));
                    continue;
                }

                var missing = companion.Detect.Where(c => !ImportDetector.Has(table.Header.ToHashSet(StringComparer.OrdinalIgnoreCase), c)).ToList();
                if (missing.Count > 0)
                {
                    problems.Add(ImportMessages.Format(ImportMessages.CompanionMissingColumns, content.FileName, Describe(companion), string.Join(", ", missing)));
                }

                context.Tables[companion.Name] = table;
            }
        }

        foreach (var extra in given)
        {
            await extra.Value.Content.DisposeAsync();
            problems.Add(ImportMessages.Format(ImportMessages.CompanionNotRead, mapping.Name, extra.Key, Names(mapping)));
        }

        var portalTables = MappingRules.Lookups(mapping).Select(l => l.In).Where(MappingValidation.PortalTables.ContainsKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (portalTables.Contains("customers"))
        {
            var table = new LookupTable("customers", MappingValidation.PortalTables["customers"]);
            await foreach (var c in db.Customers.AsNoTracking().Select(c => new { c.ExternalId, c.Name, c.Industry, c.Region }).AsAsyncEnumerable().WithCancellation(ct))
            {
                table.Add([c.ExternalId, c.Name, c.Industry, c.Region]);
            }

            context.Tables["customers"] = table;
        }

        if (portalTables.Contains("reps"))
        {
            var table = new LookupTable("reps", MappingValidation.PortalTables["reps"]);
            await foreach (var r in db.Reps.AsNoTracking().Select(r => new { r.ExternalId, r.Name, r.Email, r.Team, r.Region }).AsAsyncEnumerable().WithCancellation(ct))
            {
                table.Add([r.ExternalId, r.Name, r.Email, r.Team, r.Region]);
            }

            context.Tables["reps"] = table;
        }

        if (mapping.Derive is not null)
        {
            var opportunities = from o in db.Opportunities.AsNoTracking()
                                join r in db.Reps.AsNoTracking() on o.OwnerId equals r.Id
                                select new { o.ExternalId, o.Outcome, o.CreatedAt, o.ClosedAt, Owner = r.ExternalId };
            await foreach (var o in opportunities.AsAsyncEnumerable().WithCancellation(ct))
            {
                context.Opportunities[o.ExternalId] = new OpportunityFacts(o.Outcome, Utc(o.CreatedAt), o.ClosedAt is { } closed ? Utc(closed) : null, o.Owner);
            }
        }

        return new MappedImport(mapping, context, problems);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static string Describe(CompanionFile companion) => companion.Title is null ? companion.Name : $"{companion.Name}: {companion.Description}";

    private static string Names(ImportMapping mapping) =>
        mapping.Companions.Count == 0 ? ImportMessages.NoOtherFile : string.Join(", ", mapping.Companions.Select(c => c.Name));

    /// <summary>By extension; otherwise content starting with '[' or '{' is JSON. The stream is left at its start.</summary>
    private static ImportFormat FormatOf(CompanionContent content)
    {
        if (ImportKinds.FormatOf(content.FileName) is { } known)
        {
            return known;
        }

        if (!content.Content.CanSeek)
        {
            return ImportFormat.Csv;
        }

        var format = ImportFormats.Detect(content.Content, null);
        content.Content.Position = 0;
        return format;
    }
}
