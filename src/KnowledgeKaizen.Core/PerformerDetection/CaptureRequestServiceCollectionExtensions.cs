namespace KnowledgeKaizen.Core.PerformerDetection;

public static class CaptureRequestServiceCollectionExtensions
{
    /// <summary>Capture requests and the users' task list.</summary>
    public static IServiceCollection AddCaptureRequests(this IServiceCollection services)
    {
        services.AddScoped<CaptureRequestService>();
        services.AddScoped<UserTaskService>();
        return services;
    }
}
