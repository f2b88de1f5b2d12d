namespace KnowledgeKaizen.Web.Courses.Scorm;

/// <summary>An export ready to download, with the URLs that had to be left out of it.</summary>
public sealed record CourseExport(string FileName, byte[] Zip, IReadOnlyList<string> RemovedUrls);
