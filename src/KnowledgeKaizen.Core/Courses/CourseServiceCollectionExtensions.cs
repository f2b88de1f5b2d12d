namespace KnowledgeKaizen.Core.Courses;

public static class CourseServiceCollectionExtensions
{
    /// <summary>Course builder and learning services.</summary>
    public static IServiceCollection AddCourses(this IServiceCollection services)
    {
        services.AddScoped<CourseService>();
        services.AddScoped<LearningService>();
        return services;
    }
}
