using KnowledgeKaizen.Core.Courses;
using KnowledgeKaizen.Core.Identity;
using KnowledgeKaizen.Web.Courses.Scorm;
using KnowledgeKaizen.Web.Hosting;

namespace KnowledgeKaizen.Web.Courses;

public static class CoursesModule
{
    /// <summary>
    /// Courses: builder and learning services, exports (handout, Markdown bundle, SCORM 1.2) and the menu entry.
    /// Everything is served by pages under /Courses, so there is no API to map.
    /// </summary>
    public static WebApplicationBuilder AddCourses(this WebApplicationBuilder builder)
    {
        builder.Services.AddCoursesCore();
        builder.Services.AddScoped<CourseExportAssets>();
        builder.Services.AddScoped<ScormPackageBuilder>();
        builder.Services.AddScoped<MarkdownBundleBuilder>();
        builder.Services.AddNavItem(new NavItem("Courses", "/Courses/Index", Policies.Reader, 150, "mortarboard"));
        return builder;
    }
}
