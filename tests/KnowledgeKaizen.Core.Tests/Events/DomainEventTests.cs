using KnowledgeKaizen.Core.Crm;
using KnowledgeKaizen.Core.Events;

namespace KnowledgeKaizen.Core.Tests.Events;

/// <summary>Events are handled inside the save that raised them: handlers' rows commit or roll back with the change.</summary>
public sealed class DomainEventTests : IDisposable
{
    private readonly InMemoryServices services = new(s => s
        .AddDomainEventHandler<RepHired, AddMentor>()
        .AddDomainEventHandler<MentorAssigned, CountMentors>()
        .AddDomainEventHandler<Echo, EchoAgain>()
        .AddDomainEventHandler<Refused, Refuse>()
        .AddSingleton<Counter>());

    [Fact]
    public async Task A_handler_adds_rows_in_the_same_save_and_may_raise_further_events()
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            db.Reps.Add(new Rep("R1", "Lin Wei", "East", "Shanghai", RepRole.Sales));
            db.Raise(new RepHired("R1"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["R1", "R1-mentor"], await NamesAsync(r => r.ExternalId));
        Assert.Equal(1, services.GetRequiredService<Counter>().Mentors);
    }

    [Fact]
    public async Task When_a_handler_fails_the_change_that_raised_the_event_is_not_saved()
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            db.Reps.Add(new Rep("R2", "Ana", "West", "Lisbon", RepRole.Sales));
            db.Raise(new Refused());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await NamesAsync(r => r.ExternalId));
    }

    [Fact]
    public async Task Handlers_that_raise_each_other_forever_are_stopped_and_nothing_is_saved()
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            db.Reps.Add(new Rep("R3", "Bo", "North", "Oslo", RepRole.Sales));
            db.Raise(new Echo());
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains(nameof(Echo), error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(await NamesAsync(r => r.ExternalId));
    }

    [Fact]
    public async Task The_synchronous_save_handles_events_too()
    {
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>();
            db.Reps.Add(new Rep("R4", "Chen", "East", "Beijing", RepRole.Sales));
            db.Raise(new RepHired("R4"));
            db.SaveChanges();
        }

        Assert.Equal(["R4", "R4-mentor"], await NamesAsync(r => r.ExternalId));
    }

    public void Dispose() => services.Dispose();

    private async Task<List<string>> NamesAsync(Func<Rep, string> name)
    {
        await using var scope = services.CreateAsyncScope();
        var reps = await scope.ServiceProvider.GetRequiredService<KnowledgeKaizenDbContext>().Reps.AsNoTracking().ToListAsync();
        return reps.Select(name).Order(StringComparer.Ordinal).ToList();
    }

    private sealed record RepHired(string ExternalId) : IDomainEvent;

    private sealed record MentorAssigned : IDomainEvent;

    private sealed record Echo : IDomainEvent;

    private sealed record Refused : IDomainEvent;

    private sealed class Counter
    {
        public int Mentors { get; set; }
    }

    private sealed class AddMentor : IDomainEventHandler<RepHired>
    {
        public Task HandleAsync(RepHired domainEvent, KnowledgeKaizenDbContext db, CancellationToken cancellationToken)
        {
            db.Reps.Add(new Rep(domainEvent.ExternalId + "-mentor", "Mentor", "East", "Shanghai", RepRole.Sales));
            db.Raise(new MentorAssigned());
            return Task.CompletedTask;
        }
    }

    private sealed class CountMentors(Counter counter) : IDomainEventHandler<MentorAssigned>
    {
        public Task HandleAsync(MentorAssigned domainEvent, KnowledgeKaizenDbContext db, CancellationToken cancellationToken)
        {
            counter.Mentors++;
            return Task.CompletedTask;
        }
    }

    private sealed class EchoAgain : IDomainEventHandler<Echo>
    {
        public Task HandleAsync(Echo domainEvent, KnowledgeKaizenDbContext db, CancellationToken cancellationToken)
        {
            db.Raise(new Echo());
            return Task.CompletedTask;
        }
    }

    private sealed class Refuse : IDomainEventHandler<Refused>
    {
        public Task HandleAsync(Refused domainEvent, KnowledgeKaizenDbContext db, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Refused.");
    }
}
