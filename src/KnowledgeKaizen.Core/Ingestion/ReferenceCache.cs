namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>Record kinds other rows refer to by their external id (or, for stages, code).</summary>
internal enum ReferenceTable
{
    Stage,
    Rep,
    Customer,
    Opportunity,
    ServiceCase,
    UserByEmail,
}

/// <summary>
/// External id → database id maps, loaded once per import before its rows are read (so it sees what earlier files of
/// the same load applied). Sized by the referenced tables (thousands), not by the file being imported.
/// </summary>
internal sealed class ReferenceCache(DbConnection connection)
{
    // Ids are kept boxed: every row stores them in an object[], and sharing one box per referenced record
    // spares a million-row file three allocations a row.
    private readonly Dictionary<ReferenceTable, Dictionary<string, object>> loaded = [];
    private readonly Dictionary<string, string> userIds = new(StringComparer.Ordinal);
    private bool usersLoaded;

    /// <summary>
    /// Loads every map now, so that while rows are validated on one thread the connection is used only by
    /// the writer on the other.
    /// </summary>
    public void LoadAll()
    {
        foreach (var table in Enum.GetValues<ReferenceTable>().Where(t => t != ReferenceTable.UserByEmail && !loaded.ContainsKey(t)))
        {
            loaded[table] = Load(table);
        }

        UserIdByEmail(string.Empty);
    }

    /// <summary>The database id (a boxed <see cref="long"/>) of the record with this key, or null.</summary>
    public object? Find(ReferenceTable table, string key)
    {
        if (!loaded.TryGetValue(table, out var map))
        {
            map = Load(table);
            loaded[table] = map;
        }

        return map.GetValueOrDefault(key);
    }

    /// <summary>The portal user with this email, if any (emails compare case-insensitively).</summary>
    public string? UserIdByEmail(string? email)
    {
        if (email is null)
        {
            return null;
        }

        if (!usersLoaded)
        {
            using var command = Command("SELECT \"NormalizedEmail\", \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" IS NOT NULL");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                userIds[reader.GetString(0)] = reader.GetString(1);
            }

            usersLoaded = true;
        }

        return userIds.GetValueOrDefault(email.Trim().ToUpperInvariant());
    }

    /// <summary>The format of the problem that names an unknown record of <paramref name="table"/>.</summary>
    public static string Unknown(ReferenceTable table) => table switch
    {
        ReferenceTable.Stage => ImportMessages.UnknownStage,
        ReferenceTable.Rep => ImportMessages.UnknownRep,
        ReferenceTable.Customer => ImportMessages.UnknownCustomer,
        ReferenceTable.Opportunity => ImportMessages.UnknownOpportunity,
        ReferenceTable.ServiceCase => ImportMessages.UnknownServiceCase,
        _ => ImportMessages.UnknownUser,
    };

    private Dictionary<string, object> Load(ReferenceTable table)
    {
        var sql = table switch
        {
            ReferenceTable.Stage => "SELECT \"Code\", \"Id\" FROM \"SalesStages\"",
            ReferenceTable.Rep => "SELECT \"ExternalId\", \"Id\" FROM \"Reps\"",
            ReferenceTable.Customer => "SELECT \"ExternalId\", \"Id\" FROM \"Customers\"",
            ReferenceTable.Opportunity => "SELECT \"ExternalId\", \"Id\" FROM \"Opportunities\"",
            ReferenceTable.ServiceCase => "SELECT \"ExternalId\", \"Id\" FROM \"ServiceCases\"",
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            map[reader.GetString(0)] = reader.GetInt64(1);
        }

        return map;
    }

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
