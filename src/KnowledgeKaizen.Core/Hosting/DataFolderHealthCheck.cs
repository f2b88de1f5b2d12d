using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// /healthz is unhealthy when the data folder cannot take a write: read-only, gone, or less free space than
/// <see cref="KaizenOptions.MinFreeDiskMegabytes"/>. A probe file is written and deleted on every check.
/// </summary>
internal sealed class DataFolderHealthCheck(DataFolder folder, IOptions<KaizenOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = Path.Combine(folder.Root, ".health-probe");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            var freeMegabytes = new DriveInfo(folder.Root).AvailableFreeSpace / (1024 * 1024);
            return Task.FromResult(freeMegabytes < options.Value.MinFreeDiskMegabytes
                ? HealthCheckResult.Unhealthy($"The data folder has {freeMegabytes} MB free, less than the {options.Value.MinFreeDiskMegabytes} MB required.")
                : HealthCheckResult.Healthy($"The data folder is writable, {freeMegabytes} MB free."));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The data folder cannot be written: " + ex.Message));
        }
    }
}
