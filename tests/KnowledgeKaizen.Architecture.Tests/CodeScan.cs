using Mono.Cecil;
using Mono.Cecil.Cil;

namespace KnowledgeKaizen.Architecture.Tests;

/// <summary>Reads the portal's compiled method bodies (IL), for rules no type reference shows.</summary>
internal static class CodeScan
{
    /// <summary>Every instruction of every method body of the portal's assemblies, with the type it is in.</summary>
    public static IEnumerable<(TypeDefinition Type, MethodDefinition Method, Instruction Instruction)> Instructions()
    {
        foreach (var assembly in Portal.All)
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes())
            {
                foreach (var method in type.Methods.Where(m => m.HasBody))
                {
                    foreach (var instruction in method.Body.Instructions)
                    {
                        yield return (type, method, instruction);
                    }
                }
            }
        }
    }

    /// <summary>The outermost type a (possibly compiler-generated, nested) type belongs to.</summary>
    public static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }
}
