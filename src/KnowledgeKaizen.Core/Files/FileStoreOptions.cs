namespace KnowledgeKaizen.Core.Files;

/// <summary>Where the portal keeps its files (setting <c>KnowledgeKaizen:Files:Store</c>).</summary>
public sealed class FileStoreOptions
{
    public const string Section = "KnowledgeKaizen:Files";
    public const string StoreKey = Section + ":Store";

    /// <summary>
    /// <c>DataFolder</c> or <c>Database</c>; empty means the database's default: the data folder beside SQLite (one
    /// machine), the database with PostgreSQL (several instances share it).
    /// </summary>
    public string? Store { get; set; }

    /// <summary>The store chosen, or null when <see cref="Store"/> names none.</summary>
    public FileStoreKind? Kind(DatabaseProvider provider) => Store?.Trim() switch
    {
        null or "" => provider == DatabaseProvider.PostgreSql ? FileStoreKind.Database : FileStoreKind.DataFolder,
        var v when Enum.TryParse<FileStoreKind>(v, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(v[0]) => kind,
        _ => null,
    };

    /// <summary>The one line a wrong <see cref="Store"/> stops start-up with.</summary>
    public const string InvalidStore = StoreKey + " must be DataFolder or Database (or empty: the database's default).";
}

/// <summary>The implementations of <see cref="IFileStore"/> a setting can choose.</summary>
public enum FileStoreKind
{
    /// <summary><see cref="DataFolderFileStore"/>: files under the data folder, for one machine.</summary>
    DataFolder,

    /// <summary><see cref="DatabaseFileStore"/>: files in the database, shared by every instance.</summary>
    Database,
}
