namespace KnowledgeKaizen.Testing;

/// <summary>
/// A module's services over a private in-memory SQLite database with the portal's schema, alive as long as this object.
/// Contexts come from the provider, so the events a save raises reach the handlers the module registered — unlike
/// <see cref="InMemoryDatabase"/>, whose contexts are built by hand.
/// </summary>
public sealed class InMemoryServices : IServiceProvider, IDisposable
{
    private readonly SqliteConnection connection = new("DataSource=:memory:");
    private readonly ServiceProvider services;

    /// <param name="register">The module under test and what it needs (configuration, clock, logging); the context is added here.</param>
    public InMemoryServices(Action<IServiceCollection> register)
    {
        connection.Open();
        var collection = new ServiceCollection().AddDbContext<KnowledgeKaizenDbContext>(o => o.UseSqlite(connection));
        register(collection);
        services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Database.EnsureCreated();
    }

    public object? GetService(Type serviceType) => services.GetService(serviceType);

    public void Dispose()
    {
        services.Dispose();
        connection.Dispose();
    }
}
