namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>A multiple-choice question: one option per line, the correct one by its 1-based number.</summary>
public sealed class QuestionInput
{
    public string Prompt { get; set; } = string.Empty;

    public string Options { get; set; } = string.Empty;

    /// <summary>1-based number of the correct option as the trainer sees it.</summary>
    public int CorrectNumber { get; set; } = 1;

    public string? Explanation { get; set; }

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public int Correct => CorrectNumber - 1;
}
