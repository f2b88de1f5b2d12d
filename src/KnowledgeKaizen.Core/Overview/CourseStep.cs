namespace KnowledgeKaizen.Core.Overview;

/// <summary>A course the user is on: how far they got.</summary>
public sealed record CourseStep(int CourseId, string Title, int DoneModules, int Modules, int? Score, bool Completed)
{
    public int Percent => Modules == 0 ? 0 : (int)Math.Round(100.0 * Math.Min(DoneModules, Modules) / Modules);
}
