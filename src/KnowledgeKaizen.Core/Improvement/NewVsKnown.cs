namespace KnowledgeKaizen.Core.Improvement;

/// <summary>Cases opened in a period: resolved with an existing solution article, with a new one, or not linked.</summary>
public sealed record NewVsKnown(int Cases, int Known, int New, int Unlinked)
{
    /// <summary>Share of linked cases an existing article already covered.</summary>
    public double? KnownShare => Known + New == 0 ? null : (double)Known / (Known + New);
}
