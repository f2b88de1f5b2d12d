namespace KnowledgeKaizen.Core;

/// <summary>
/// A request a module's rules refuse (wrong state, too large, missing input). The message is English text that pages
/// localise as a key; <see cref="Arguments"/> fill its placeholders.
/// </summary>
public abstract class RuleException(string message, object[] arguments) : InvalidOperationException(message)
{
    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary>The English message with its placeholders filled, for logs, reports and API problems.</summary>
    public string FormattedMessage => string.Format(CultureInfo.InvariantCulture, Message, [.. Arguments]);
}
