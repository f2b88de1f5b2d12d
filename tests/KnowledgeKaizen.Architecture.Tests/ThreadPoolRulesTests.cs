using Mono.Cecil;
using Mono.Cecil.Cil;

namespace KnowledgeKaizen.Architecture.Tests;

/// <summary>The portal's thread pool is shared by every request: code never parks a pool thread waiting for another one.</summary>
public sealed class ThreadPoolRulesTests
{
    /// <summary>
    /// PLINQ's ordered merge blocks its caller at a barrier until a pool thread has run every partition; called from a pool
    /// thread while the others were busy, it froze the whole portal for a second or two. <c>Parallel.For</c> lets the caller
    /// do the work no other thread picks up.
    /// </summary>
    [Fact]
    public void NoCode_UsesPlinq()
    {
        var users = CodeScan.Instructions()
            .Where(x => x.Instruction.OpCode.Code is Code.Call && x.Instruction.Operand is MethodReference m
                && m.DeclaringType.FullName == "System.Linq.ParallelEnumerable")
            .Select(x => $"{CodeScan.Outermost(x.Type).FullName}.{x.Method.Name}").Distinct().ToList();

        Assert.True(users.Count == 0, "Uses PLINQ: " + string.Join(", ", users));
    }
}
