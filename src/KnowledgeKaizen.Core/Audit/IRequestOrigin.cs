namespace KnowledgeKaizen.Core.Audit;

/// <summary>
/// Who is behind the current request and from where, for audit entries whose event does not name its actor. Outside a
/// request (a background job) all three are null. The web host supplies the request's; the default knows none.
/// </summary>
public interface IRequestOrigin
{
    string? UserId { get; }

    string? UserName { get; }

    string? ClientAddress { get; }
}

internal sealed class NoRequestOrigin : IRequestOrigin
{
    public string? UserId => null;

    public string? UserName => null;

    public string? ClientAddress => null;
}
