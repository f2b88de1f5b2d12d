namespace KnowledgeKaizen.Lexicon;

/// <summary>
/// Splits text into the words a person would write: Chinese by a dictionary (有质量问题 → 有, 质量, 问题), other
/// scripts at spaces and punctuation. Words come back folded (<see cref="TextFolding"/>) and lower-cased, in order.
/// </summary>
public interface IWordSegmenter
{
    IReadOnlyList<string> Words(string text);
}
