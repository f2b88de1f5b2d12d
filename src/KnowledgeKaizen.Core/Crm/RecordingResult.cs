namespace KnowledgeKaizen.Core.Crm;

/// <summary>Outcome of recording feedback or a case: the record's id, or problems by field name.</summary>
public sealed record RecordingResult(long? Id, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => Id is not null;

    public static RecordingResult Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}
