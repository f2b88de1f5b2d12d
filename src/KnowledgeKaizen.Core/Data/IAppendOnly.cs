namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// Rows that are only ever added: the context refuses to save a change to or a deletion of one. Removing old rows is a
/// set-based delete of its own (a retention purge), never a tracked change.
/// </summary>
public interface IAppendOnly;
