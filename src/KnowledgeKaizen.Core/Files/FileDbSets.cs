namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<StoredFileChunk> StoredFileChunks => Set<StoredFileChunk>();
}
