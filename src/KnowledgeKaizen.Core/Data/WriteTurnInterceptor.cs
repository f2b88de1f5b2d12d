using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// Gives EF statements that write outside a transaction and outside a save (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>,
/// raw SQL) their turn at SQLite's write lock like every save (<see cref="WriteTurns"/>), so that no writer of this
/// process polls SQLite for the lock. Such statements run as non-queries; a save's own statements run while its context
/// holds the turn already.
/// </summary>
internal sealed class WriteTurnInterceptor(WriteTurns turns) : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, IDisposable> held = [];

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsTurn(command, eventData))
        {
            held.AddOrUpdate(command, await turns.TakeAsync(cancellationToken));
        }

        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsTurn(command, eventData))
        {
            held.AddOrUpdate(command, turns.Take());
        }

        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    private static bool NeedsTurn(DbCommand command, CommandEventData eventData) =>
        command.Transaction is null && eventData.Context is KnowledgeKaizenDbContext { HoldsWriteTurn: false } db && db.Sql.OneWriterAtATime;

    private void Release(DbCommand command)
    {
        if (held.TryGetValue(command, out var turn))
        {
            held.Remove(command);
            turn.Dispose();
        }
    }
}
