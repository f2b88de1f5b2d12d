namespace KnowledgeKaizen.Testing;

/// <summary>
/// The portal started on a data folder another run left (the restart after a process was killed, the portal on a
/// restored backup). The folder belongs to the caller and is not removed.
/// </summary>
public sealed class ExistingFolderPortalFactory(string dataPath) : PortalFactory(dataPath);
