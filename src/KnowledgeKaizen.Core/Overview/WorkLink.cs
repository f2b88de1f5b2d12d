namespace KnowledgeKaizen.Core.Overview;

/// <summary>One line of a list on the home page or My work: what it is, where it is, and a short note.</summary>
/// <param name="Title">The thing's own name (a document's or course's title).</param>
/// <param name="Link">The portal page of it.</param>
/// <param name="Note">A comment or reason that goes with it (a reviewer's comment, a flag's reason).</param>
/// <param name="At">When it last changed or happened.</param>
/// <param name="Language">"en" or "zh" for documents, so the title is read in its language.</param>
public sealed record WorkLink(string Title, string Link, string? Note = null, DateTimeOffset? At = null, string? Language = null);
