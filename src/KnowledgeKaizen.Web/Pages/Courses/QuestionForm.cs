namespace KnowledgeKaizen.Web.Pages.Courses;

/// <summary>What the question form shows: empty to add a question, filled in to edit one.</summary>
public sealed record QuestionForm(string Handler, int CourseId, int ModuleId, int? QuestionId, string Prompt, string Options, int CorrectNumber,
    string Explanation, string SubmitText);
