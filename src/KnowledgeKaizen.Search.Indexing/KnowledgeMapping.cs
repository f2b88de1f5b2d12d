using KnowledgeKaizen.Core.Knowledge;

namespace KnowledgeKaizen.Search.Indexing;

/// <summary>A knowledge document as a search document: the text readers see, with the visibility its status allows.</summary>
internal static class KnowledgeMapping
{
    public static SearchDocument Map(KnowledgeDocument document, int helpfulness, DateOnly today)
    {
        // Readers find the revision in force; a newer unapproved revision stays in the editor until approved.
        var revision = document.IsVisibleToReaders || document.Status == DocumentStatus.Archived
            ? document.RevisionInForce(today) ?? PublishedOrCurrent(document)
            : document.CurrentRevision;
        return new SearchDocument
        {
            Type = document.Kind.Code(),
            Key = document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = revision.Title,
            Body = revision.Body,
            Summary = string.IsNullOrWhiteSpace(document.Summary) ? null : document.Summary,
            Tags = document.Tags,
            Stages = document.Stages,
            Status = StatusCode(document.Status),
            Language = document.Language,
            Author = document.AuthorName,
            UpdatedAt = document.UpdatedAt,
            Helpfulness = helpfulness,
            Url = SearchDocumentUrls.Knowledge(document.Id),
            VersionGroup = document.Kind.Code() + "/" + document.Slug,
            Visibility = document.Status == DocumentStatus.Archived ? SearchVisibilityRules.Reviewers
                : document.IsVisibleToReaders ? SearchVisibilityRules.Everyone
                : SearchVisibilityRules.Draft(document.AuthorUserId),
        };
    }

    /// <summary>The status facet's values.</summary>
    public static string StatusCode(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "draft",
        DocumentStatus.InReview => "in-review",
        DocumentStatus.Published => "published",
        DocumentStatus.Archived => "archived",
        DocumentStatus.Standardised => "standardised",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static DocumentRevision PublishedOrCurrent(KnowledgeDocument document) =>
        document.PublishedRevisionNumber is { } number ? document.Revision(number) ?? document.CurrentRevision : document.CurrentRevision;
}
