using KnowledgeKaizen.Core.Files;

namespace KnowledgeKaizen.Core.Tests.Files;

/// <summary>The database file store, the same behaviour on each database (subclasses below).</summary>
public abstract class DatabaseFileStoreTests : IAsyncLifetime
{
    /// <summary>Two and a half chunks: a full chunk, another, and a part.</summary>
    private static readonly byte[] Multi = Bytes(DatabaseFileStore.ChunkSize * 5 / 2, seed: 1);

    private ServiceProvider? services;

    protected abstract Task<DatabaseSettings> CreateDatabaseAsync();

    /// <summary>The store of another process on the same database; SQLite serves one process, so there it is the same store.</summary>
    protected abstract DatabaseFileStore OtherInstance(DatabaseFileStore store);

    protected DatabaseSettings Settings { get; private set; } = null!;

    protected DatabaseFileStore Store { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Settings = await CreateDatabaseAsync();
        services = NewServices();
        Store = ActivatorUtilities.CreateInstance<DatabaseFileStore>(services);
    }

    public virtual Task DisposeAsync()
    {
        services?.Dispose();
        return Task.CompletedTask;
    }

    protected ServiceProvider NewServices()
    {
        var collection = new ServiceCollection().AddSingleton(TimeProvider.System).AddSingleton<WriteTurns>();
        collection.AddDbContext<KnowledgeKaizenDbContext>(o => Settings.Apply(o));
        return collection.BuildServiceProvider();
    }

    [Fact]
    public async Task AFile_ReadsBackWhole_WithItsLength_AndIsListedUnderItsFolders()
    {
        await Store.WriteAsync("imports/2026/big.csv", new MemoryStream(Multi));
        await Store.WriteAsync("imports/empty.csv", new MemoryStream());
        await Store.WriteAsync("importsx/other.csv", new MemoryStream([1]));

        Assert.Equal(Multi, await ReadAsync("imports/2026/big.csv"));
        Assert.Empty(await ReadAsync("imports/empty.csv"));
        Assert.Equal(Multi.Length, await Store.LengthAsync("imports/2026/big.csv"));
        Assert.Equal(0, await Store.LengthAsync("imports/empty.csv"));
        Assert.Equal(["imports/2026/big.csv", "imports/empty.csv"], await Store.ListAsync("imports"));
        Assert.Equal(["imports/2026/big.csv"], await Store.ListAsync("imports/2026"));
    }

    [Fact]
    public async Task AWrite_ReplacesTheFile_WhileAReaderThatBeganBeforeGetsTheOldContentToItsEnd()
    {
        var replacement = Bytes(DatabaseFileStore.ChunkSize + 10, seed: 2);
        await Store.WriteAsync("models/current", new MemoryStream(Multi));
        await using var before = (await Store.OpenReadAsync("models/current"))!;
        var start = new byte[100];
        await before.ReadExactlyAsync(start);

        await Store.WriteAsync("models/current", new MemoryStream(replacement));

        using var rest = new MemoryStream();
        await before.CopyToAsync(rest);
        Assert.Equal(Multi, start.Concat(rest.ToArray()).ToArray());
        Assert.Equal(replacement, await ReadAsync("models/current"));
        Assert.Equal(["models/current"], await Store.ListAsync("models"));
        Assert.Equal(1, await CountAsync(finished: true));
    }

    [Fact]
    public async Task AStream_KnowsItsLengthAndPosition_AndSeeks()
    {
        await Store.WriteAsync("imports/seek.csv", new MemoryStream(Multi));
        await using var stream = (await Store.OpenReadAsync("imports/seek.csv"))!;
        var head = new byte[4096];
        await stream.ReadExactlyAsync(head);

        Assert.Equal(Multi.Length, stream.Length);
        Assert.Equal(4096, stream.Position);
        stream.Position = 0;
        Assert.Equal(Multi[..10], await ReadExactlyAsync(stream, 10));
        stream.Seek(DatabaseFileStore.ChunkSize * 2 + 5, SeekOrigin.Begin);
        Assert.Equal(Multi[(DatabaseFileStore.ChunkSize * 2 + 5)..(DatabaseFileStore.ChunkSize * 2 + 15)], await ReadExactlyAsync(stream, 10));
        stream.Seek(-3, SeekOrigin.End);
        Assert.Equal(Multi[^3..], await ReadExactlyAsync(stream, 3));
        Assert.Equal(0, await stream.ReadAsync(new byte[1]));
    }

    [Fact]
    public async Task Delete_RemovesTheFile_AndAMissingFileIsNoError()
    {
        await Store.WriteAsync("uploads/a.png", new MemoryStream(Multi));

        await Store.DeleteAsync("uploads/a.png");
        await Store.DeleteAsync("uploads/never-there.png");

        Assert.Null(await Store.OpenReadAsync("uploads/a.png"));
        Assert.Null(await Store.LengthAsync("uploads/a.png"));
        Assert.Empty(await Store.ListAsync("uploads"));
        Assert.Equal(0, await CountChunksAsync());
    }

    [Fact]
    public async Task AFailedWrite_LeavesThePreviousContent_AndNothingUnfinished()
    {
        await Store.WriteAsync("imports/kept.csv", new MemoryStream(Multi));

        await Assert.ThrowsAsync<IOException>(() => Store.WriteAsync("imports/kept.csv", new FailingStream(DatabaseFileStore.ChunkSize * 3 / 2)));

        Assert.Equal(Multi, await ReadAsync("imports/kept.csv"));
        Assert.Equal(0, await CountAsync(finished: false));
    }

    [Fact]
    public async Task UnfinishedWriteCleanup_RemovesWhatACrashLeft_ButNotAWriteInProgress()
    {
        await using (var db = NewContext())
        {
            var crashed = StoredFile.Begin("imports/crashed.csv", DateTimeOffset.UtcNow);
            db.StoredFiles.Add(crashed);
            await db.SaveChangesAsync();
            db.StoredFileChunks.Add(crashed.Append(Multi.AsSpan(0, 1000)));
            await db.SaveChangesAsync();
        }

        var live = new HeldStream(Multi, holdAfter: DatabaseFileStore.ChunkSize + 7);
        var writing = Store.WriteAsync("imports/live.csv", live);
        await live.Held;

        Assert.Equal(1, await OtherInstance(Store).RemoveUnfinishedWritesAsync());
        Assert.Equal(0, await OtherInstance(Store).RemoveUnfinishedWritesAsync());
        live.Release();
        await writing;
        Assert.Equal(Multi, await ReadAsync("imports/live.csv"));
        Assert.Null(await Store.OpenReadAsync("imports/crashed.csv"));
        Assert.Equal(0, await CountAsync(finished: false));
        Assert.Equal(3, await CountChunksAsync());
    }

    [Fact]
    public async Task WritersOfOnePathAtOnce_LeaveOneOfTheirContentsWhole()
    {
        var first = Bytes(DatabaseFileStore.ChunkSize * 2 + 1, seed: 3);
        var second = Bytes(DatabaseFileStore.ChunkSize * 2 + 2, seed: 4);

        await Task.WhenAll(
            Task.Run(() => Store.WriteAsync("models/same", new MemoryStream(first))),
            Task.Run(() => OtherInstance(Store).WriteAsync("models/same", new MemoryStream(second))));

        var content = await ReadAsync("models/same");
        Assert.True(content.SequenceEqual(first) || content.SequenceEqual(second), $"{content.Length} bytes are neither write");
        Assert.Equal(1, await CountAsync(finished: true));
        Assert.Equal(0, await CountAsync(finished: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("../outside")]
    [InlineData("imports//twice")]
    [InlineData("imports\\windows")]
    public async Task PathsThatCouldLeaveTheStore_AreRefused(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(path, new MemoryStream([1])));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(path));
    }

    protected KnowledgeKaizenDbContext NewContext() => NewContext(Settings);

    protected static KnowledgeKaizenDbContext NewContext(DatabaseSettings settings) =>
        new((DbContextOptions<KnowledgeKaizenDbContext>)settings.Apply(new DbContextOptionsBuilder<KnowledgeKaizenDbContext>()).Options);

    private async Task<byte[]> ReadAsync(string path)
    {
        await using var stream = await Store.OpenReadAsync(path) ?? throw new FileNotFoundException(path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }

    private async Task<int> CountAsync(bool finished)
    {
        await using var db = NewContext();
        return await db.StoredFiles.CountAsync(f => (f.CompletedAt != null) == finished);
    }

    private async Task<int> CountChunksAsync()
    {
        await using var db = NewContext();
        return await db.StoredFileChunks.CountAsync();
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Gives some bytes, then fails like a dropped upload.</summary>
    private sealed class FailingStream(int failAfter) : MemoryStream(Bytes(failAfter, seed: 5))
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position == Length ? throw new IOException("The client went away.") : base.ReadAsync(buffer, cancellationToken);
    }

    /// <summary>Gives its content up to a point, then waits there until released (a write in progress).</summary>
    private sealed class HeldStream(byte[] content, int holdAfter) : MemoryStream(content)
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Held => held.Task;

        public void Release() => released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= holdAfter)
            {
                held.TrySetResult();
                await released.Task;
            }

            var allowed = Position < holdAfter ? (int)Math.Min(buffer.Length, holdAfter - Position) : buffer.Length;
            return await base.ReadAsync(buffer[..allowed], cancellationToken);
        }
    }
}

public sealed class SqliteDatabaseFileStoreTests : DatabaseFileStoreTests
{
    private readonly TempFolder folder = new("filestore");

    protected override async Task<DatabaseSettings> CreateDatabaseAsync()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, DatabaseSettings.SqliteConnectionString(Path.Combine(folder.Path, "kk.db")));
        await using var db = NewContext(settings);
        await db.Database.EnsureCreatedAsync();
        // As the portal runs it: readers and the one writer do not wait for each other.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL");
        return settings;
    }

    protected override DatabaseFileStore OtherInstance(DatabaseFileStore store) => store;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}

public sealed class PostgreSqlDatabaseFileStoreTests : DatabaseFileStoreTests
{
    private TestPostgresDatabase? database;
    private ServiceProvider? otherServices;
    private DatabaseFileStore? other;

    protected override async Task<DatabaseSettings> CreateDatabaseAsync()
    {
        database = await TestPostgres.CreateDatabaseAsync("filestore");
        return new DatabaseSettings(DatabaseProvider.PostgreSql, database.ConnectionString);
    }

    /// <summary>A store with services (connections, writes in progress) of its own, as another instance has.</summary>
    protected override DatabaseFileStore OtherInstance(DatabaseFileStore store)
    {
        otherServices ??= NewServices();
        return other ??= ActivatorUtilities.CreateInstance<DatabaseFileStore>(otherServices);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        otherServices?.Dispose();
        database?.Dispose();
    }
}
