namespace KnowledgeKaizen.Core.Overview;

/// <summary>What waits for the KnowledgeManagers.</summary>
/// <param name="InReview">Documents waiting for review.</param>
/// <param name="Flagged">Published documents with an open outdated flag (the latest reason as the note), most recent first.</param>
/// <param name="FlaggedCount">How many documents have an open outdated flag.</param>
/// <param name="Overdue">Published documents past their verify-by date.</param>
/// <param name="CyclesDueForCheck">Cycles in Do whose check date has come.</param>
/// <param name="StandoutsWithoutRequest">Standouts of the latest analysis nobody asked to capture their method yet.</param>
public sealed record ManagerFigures(int InReview, IReadOnlyList<WorkLink> Flagged, int FlaggedCount, int Overdue, IReadOnlyList<WorkLink> CyclesDueForCheck, int StandoutsWithoutRequest);
