namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The current row seen by a mapper: typed accessors that validate a cell and, when it is wrong, record a
/// problem naming the line, the column and the reason (and mark the row rejected) instead of throwing.
/// </summary>
/// <remarks><c>dateShift</c> is added to every date read (whole days): the demo data moves with the day it is loaded.</remarks>
internal sealed class RowContext(RowSource source, IReadOnlyList<ColumnSpec> columns, ImportReport report, ReferenceCache references, TimeSpan dateShift = default)
{
    /// <summary>Short texts (names, codes, categories); long texts are unlimited.</summary>
    public const int ShortText = 500;

    public bool Failed { get; private set; }

    public long Line => source.Line;

    public ReferenceCache References => references;

    public void Begin() => Failed = false;

    public void Problem(int column, string reason) => Problem(source.ColumnName(column), reason);

    public void Problem(string? column, string reason)
    {
        Failed = true;
        report.AddProblem(source.Line, column, reason);
    }

    public string? Raw(int column) => source[column];

    public string? Text(int column, int maxLength = ShortText)
    {
        var value = source[column];
        if (value is null)
        {
            if (columns[column].Required)
            {
                Problem(column, ImportMessages.ValueRequired);
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Problem(column, ImportMessages.Format(ImportMessages.TooLong, value.Length, maxLength));
            return null;
        }

        return value;
    }

    /// <summary>ISO 8601 date or date-time; a date-time with an offset is converted to UTC.</summary>
    public DateTime? Date(int column)
    {
        var value = Text(column);
        if (value is null)
        {
            return null;
        }

        if (IsoDates.TryParse(value, out var utc))
        {
            return utc + dateShift;
        }

        Problem(column, ImportMessages.Format(ImportMessages.NotIsoDate, Shorten(value)));
        return null;
    }

    public double? Number(int column, double min = double.MinValue)
    {
        var value = Text(column);
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            Problem(column, ImportMessages.Format(ImportMessages.NotNumber, Shorten(value)));
            return null;
        }

        if (number < min)
        {
            Problem(column, ImportMessages.Format(ImportMessages.BelowMinimum, number, min));
            return null;
        }

        return number;
    }

    public int? Integer(int column, int min, int max)
    {
        var value = Text(column);
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Problem(column, ImportMessages.Format(ImportMessages.NotWholeNumber, Shorten(value), min, max));
            return null;
        }

        return number;
    }

    public bool? Boolean(int column)
    {
        var value = Text(column);
        switch (value?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                Problem(column, ImportMessages.Format(ImportMessages.NotBoolean, Shorten(value)));
                return null;
        }
    }

    /// <summary>An enum value, case-insensitive; stored by name as EF stores it.</summary>
    public string? Choice<TEnum>(int column)
        where TEnum : struct, Enum
    {
        var value = Text(column);
        if (value is null)
        {
            return null;
        }

        if (EnumNames<TEnum>.Stored.TryGetValue(value.Trim(), out var stored))
        {
            return stored;
        }

        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        Problem(column, ImportMessages.Format(ImportMessages.NotOneOf, Shorten(value), allowed));
        return null;
    }

    /// <summary>The database id of a referenced record (boxed once per record); a problem when it is not known.</summary>
    public object? Reference(int column, ReferenceTable table)
    {
        var value = Text(column, 64);
        if (value is null)
        {
            return null;
        }

        var id = references.Find(table, value.Trim());
        if (id is null)
        {
            Problem(column, ImportMessages.Format(ReferenceCache.Unknown(table), Shorten(value)));
        }

        return id;
    }

    /// <summary>Checks that <paramref name="later"/> is not before <paramref name="earlier"/>.</summary>
    public void NotBefore(DateTime? later, int laterColumn, DateTime? earlier, int earlierColumn)
    {
        if (later is not null && earlier is not null && later < earlier)
        {
            Problem(laterColumn, ImportMessages.Format(ImportMessages.NotBefore, columns[laterColumn].Name, columns[earlierColumn].Name));
        }
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}

/// <summary>An enum's names, matched case-insensitively, to the name EF stores (numbers are not accepted).</summary>
file static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static readonly Dictionary<string, string> Stored =
        Enum.GetNames<TEnum>().ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);
}
