using System.Text;

namespace KnowledgeKaizen.Web.Courses;

/// <summary>File names for exports: ASCII, no separators, stable per course.</summary>
public static class CourseFiles
{
    public static string Name(Course course, string suffix) => $"course-{course.Id}-{Slug(course.Title)}-{suffix}".Replace("--", "-", StringComparison.Ordinal);

    /// <summary>Lower-case ASCII words joined by hyphens (empty for titles without any, e.g. Chinese).</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 50 ? slug[..50].TrimEnd('-') : slug;
    }
}
