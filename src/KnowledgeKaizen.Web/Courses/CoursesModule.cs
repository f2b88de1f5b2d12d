using KnowledgeKaizen.Web.Courses.Scorm;

namespace KnowledgeKaizen.Web.Courses;

public static class CoursesModule
{
    /// <summary>
    /// Courses in the portal: the exports (Markdown bundle, SCORM 1.2, rendered in the user's language) and the menu
    /// entry. Everything is served by pages under /Courses, so there is no API to map.
    /// </summary>
    public static IServiceCollection AddPortalCourses(this IServiceCollection services)
    {
        services.AddScoped<CourseExportAssets>();
        services.AddScoped<ScormPackageBuilder>();
        services.AddScoped<MarkdownBundleBuilder>();
        services.AddNavItem(new NavItem("Courses", "/Courses/Index", Policies.Reader, NavOrder.Courses, "mortarboard", NavGroup.Learn));
        return services;
    }
}
