namespace KnowledgeKaizen.Core.Ingestion;

public enum ImportSource
{
    Upload,
    Api,
    CommandLine,
    DemoData,
}
