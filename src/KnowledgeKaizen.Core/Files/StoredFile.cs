namespace KnowledgeKaizen.Core.Files;

/// <summary>
/// One version of a file in the database's file store (<see cref="DatabaseFileStore"/>); its content is in
/// <see cref="StoredFileChunk"/> rows. A write adds a version that is unfinished (<see cref="CompletedAt"/> null) while
/// its chunks are added, and finishes it in the one transaction that removes the path's previous version, so a path has
/// at most one finished version and readers see the old content or the new one.
/// </summary>
public class StoredFile
{
    public const int MaxPathLength = 1024;

    private StoredFile()
    {
        Path = string.Empty;
    }

    private StoredFile(string path, DateTimeOffset startedAt)
    {
        Path = path;
        StartedAt = startedAt;
    }

    public long Id { get; private set; }

    /// <summary>The store path ("imports/….csv"), relative and '/'-separated.</summary>
    public string Path { get; private set; }

    /// <summary>Bytes written so far; the file's size once finished.</summary>
    public long Length { get; private set; }

    /// <summary>Chunks written so far; the next one's <see cref="StoredFileChunk.Index"/>.</summary>
    public int ChunkCount { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the write finished and this version replaced the previous one; null while it is written.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A new, unfinished version of <paramref name="path"/>.</summary>
    public static StoredFile Begin(string path, DateTimeOffset at) => new(path, at);

    /// <summary>The next chunk of content (the store copies it out of its buffer).</summary>
    public StoredFileChunk Append(ReadOnlySpan<byte> content)
    {
        if (CompletedAt is not null)
        {
            throw new InvalidOperationException($"{Path} is finished; a write adds a new version instead.");
        }

        var chunk = new StoredFileChunk(Id, ChunkCount, content.ToArray());
        ChunkCount = checked(ChunkCount + 1);
        Length += content.Length;
        return chunk;
    }

    public void Complete(DateTimeOffset at) => CompletedAt = at;
}

/// <summary>Up to <see cref="DatabaseFileStore.ChunkSize"/> bytes of a <see cref="StoredFile"/>, in order of <see cref="Index"/>.</summary>
public class StoredFileChunk
{
    private StoredFileChunk()
    {
        Data = [];
    }

    internal StoredFileChunk(long fileId, int index, byte[] data)
    {
        FileId = fileId;
        Index = index;
        Data = data;
    }

    public long FileId { get; private set; }

    public int Index { get; private set; }

    public byte[] Data { get; private set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Path).HasMaxLength(StoredFile.MaxPathLength);

        // One finished version per path; unfinished ones are many (concurrent writes, or what a crash left behind).
        builder.HasIndex(f => f.Path).IsUnique().HasFilter("\"CompletedAt\" IS NOT NULL");
        builder.HasMany<StoredFileChunk>().WithOne().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredFileChunkConfiguration : IEntityTypeConfiguration<StoredFileChunk>
{
    public void Configure(EntityTypeBuilder<StoredFileChunk> builder) => builder.HasKey(c => new { c.FileId, c.Index });
}
