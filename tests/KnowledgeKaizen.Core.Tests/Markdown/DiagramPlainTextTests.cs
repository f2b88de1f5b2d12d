namespace KnowledgeKaizen.Core.Tests.Markdown;

/// <summary>A diagram's plain text (search index, snippets, summaries) is what a reader sees in it, never its source.</summary>
public sealed class DiagramPlainTextTests
{
    private readonly MarkdownRenderer renderer = new();

    [Fact]
    public void Flowchart_GivesItsNodeAndEdgeLabels_InOrder()
    {
        var text = renderer.ToPlainText("""
            Before.

            ```mermaid
            flowchart LR
                start(["收到询价"]) --> check{Stock on hand?}
                check -->|yes| ship[[Ship today]]
                check -- no --> order[/Order from the supplier/]
                order -.->|"2 days"| ship
                classDef warm fill:#fdd
                class check warm
            ```

            After.
            """);

        Assert.Equal("Before. 收到询价 Stock on hand? yes Ship today no Order from the supplier 2 days After.", text);
    }

    [Fact]
    public void Flowchart_NodeWithoutLabel_IsShownByItsId()
    {
        var text = renderer.ToPlainText("```mermaid\ngraph TD\n  Intake --> Triage[\"Triage the call\"]\n  Triage --> Done:::ok\n```\n");

        Assert.Equal("Triage the call Intake Done", text);
    }

    [Fact]
    public void Flowchart_SubgraphTitles_LineBreakTagsAndEntities_AreReadAsText()
    {
        var text = renderer.ToPlainText("```mermaid\nflowchart TD\n  subgraph s1 [Back office]\n    a[\"Check #quot;tax id#quot;<br/>twice\"]\n  end\n```\n");

        Assert.Equal("Back office Check \"tax id\" twice", text);
    }

    [Fact]
    public void SequenceDiagram_GivesParticipantsAndMessages()
    {
        var text = renderer.ToPlainText("```mermaid\nsequenceDiagram\n  participant C as Customer\n  participant Agent\n  C->>Agent: Reports a broken login\n  Agent-->>C: Sends a reset link\n```\n");

        Assert.Equal("Customer Agent Reports a broken login Sends a reset link", text);
    }

    [Fact]
    public void OtherDiagramKinds_GiveOnlyTheirTitle()
    {
        var text = renderer.ToPlainText("```mermaid\npie\n  title Where complaints come from\n  \"Phone\" : 42\n  \"Mail\" : 17\n```\n");

        Assert.Equal("Where complaints come from", text);
    }

    [Theory]
    [InlineData("flowchart")]
    [InlineData("-->")]
    [InlineData("TD")]
    [InlineData("classDef")]
    public void DiagramSource_NeverReachesThePlainText(string syntax)
    {
        var text = renderer.ToPlainText("```mermaid\nflowchart TD\n  A[\"Call back\"] --> B{\"Solved?\"}\n  classDef x fill:#fff\n```\n");

        Assert.Equal("Call back Solved?", text);
        Assert.DoesNotContain(syntax, text, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherCodeBlocks_StayCode()
    {
        Assert.Equal("flowchart TD A --> B", renderer.ToPlainText("```text\nflowchart TD\nA --> B\n```\n"));
    }
}
