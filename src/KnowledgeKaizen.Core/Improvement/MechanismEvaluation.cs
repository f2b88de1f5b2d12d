namespace KnowledgeKaizen.Core.Improvement;

/// <summary>Is the mechanism working? Per team and per month, plus verification health of the library.</summary>
public sealed record MechanismEvaluation(IReadOnlyList<EvaluationRow> ByTeam, IReadOnlyList<EvaluationRow> ByMonth,
    int PublishedDocuments, int OverdueDocuments, bool CoursesAvailable)
{
    public double? VerificationHealth => PublishedDocuments == 0 ? null : 1 - ((double)OverdueDocuments / PublishedDocuments);
}
