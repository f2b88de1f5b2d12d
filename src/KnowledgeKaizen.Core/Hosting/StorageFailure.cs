using Microsoft.Data.Sqlite;

namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// Whether an exception means the data folder cannot take a write: the disk is full, the folder or the database file is
/// read-only, or the storage fails. Such a request was not the user's fault and nothing of it was saved; the portal says
/// so instead of showing a generic error.
/// </summary>
public static class StorageFailure
{
    // SQLite result codes: READONLY 8, IOERR 10, FULL 13, CANTOPEN 14.
    private static readonly int[] SqliteCodes = [8, 10, 13, 14];

    // errno on Linux: EROFS 30, ENOSPC 28, EDQUOT 122; Windows: ERROR_HANDLE_DISK_FULL 39, ERROR_DISK_FULL 112.
    private static readonly int[] IoCodes = [28, 30, 122, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && SqliteCodes.Contains(sqlite.SqliteErrorCode)
                || e is IOException io && IoCodes.Contains(io.HResult))
            {
                return true;
            }
        }

        return false;
    }
}
