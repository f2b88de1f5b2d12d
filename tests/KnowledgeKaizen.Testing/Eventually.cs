using System.Globalization;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// Waits for what a background process does (the search indexer, the job worker, a retraining, another
/// process): observes until the condition holds. Tests never sleep for a fixed time; the deadline is generous
/// because a loaded two-core machine may be many times slower than a quiet one, and a healthy run never
/// comes near it. A failure names what was awaited and the last value observed.
/// </summary>
public static class Eventually
{
    /// <summary>The default deadline: minutes, not seconds, so load never fails a test that would pass.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(500);

    /// <summary>Observes until <paramref name="done"/> holds for the observation; returns that observation.</summary>
    /// <param name="awaited">What the test waits for, as it should read in a failure ("import job 3 to finish").</param>
    /// <param name="observe">Reads the current state; it must not change what the test checks afterwards.</param>
    /// <param name="done">Whether the observed state is the awaited one.</param>
    /// <param name="deadline">How long to wait at most (default <see cref="Deadline"/>).</param>
    /// <param name="describe">How to show the last observation in a failure (default: its ToString()).</param>
    public static async Task<T> ThatAsync<T>(
        string awaited, Func<Task<T>> observe, Func<T, bool> done, TimeSpan? deadline = null, Func<T, string?>? describe = null)
    {
        var limit = deadline ?? Deadline;
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var observed = await observe();
            if (done(observed))
            {
                return observed;
            }

            if (clock.Elapsed >= limit)
            {
                var shown = describe is null ? observed?.ToString() : describe(observed);
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"Waited {clock.Elapsed.TotalSeconds:0.#} s for {awaited}; last observed: {shown ?? "nothing"}"));
            }

            await Task.Delay(pause);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    /// <summary>Observes until the observation is not null; returns it.</summary>
    public static async Task<T> NotNullAsync<T>(string awaited, Func<Task<T?>> observe, TimeSpan? deadline = null)
        where T : class =>
        (await ThatAsync(awaited, observe, value => value is not null, deadline))!;

    /// <summary>Observes until the condition is true.</summary>
    public static Task TrueAsync(string awaited, Func<Task<bool>> condition, TimeSpan? deadline = null) =>
        ThatAsync(awaited, condition, value => value, deadline);

    /// <inheritdoc cref="TrueAsync(string, Func{Task{bool}}, TimeSpan?)"/>
    public static Task TrueAsync(string awaited, Func<bool> condition, TimeSpan? deadline = null) =>
        ThatAsync(awaited, () => Task.FromResult(condition()), value => value, deadline);
}
