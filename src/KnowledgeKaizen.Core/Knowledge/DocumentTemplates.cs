namespace KnowledgeKaizen.Core.Knowledge;

/// <summary>
/// The starting body of a new document per kind and language; the same sections as content/README.md. Only headings
/// and empty list items: guidance for the author is shown beside the editor, never written into text that gets published.
/// </summary>
public static class DocumentTemplates
{
    public static string For(DocumentKind kind, string language) => (kind, language == "zh") switch
    {
        (DocumentKind.Playbook, false) => """
            ## Situation

            ## What I do

            ## Why it works

            ## Steps

            1. 
            2. 

            ## Pitfalls

            ## Evidence

            """,
        (DocumentKind.Playbook, true) => """
            ## 适用情境

            ## 我的做法

            ## 为什么有效

            ## 操作步骤

            1. 
            2. 

            ## 常见误区

            ## 效果依据

            """,
        (DocumentKind.Procedure, false) => """
            ## Purpose

            ## Scope

            ## Roles

            | Role | Responsibility |
            |---|---|
            |  |  |

            ## Flow

            ```mermaid
            flowchart TD
              A[Start] --> B[Step 1]
              B --> C[Step 2]
            ```

            ## Steps

            ### 1. First step {#step-1}

            ### 2. Second step {#step-2}

            ## Checklist

            - [ ] 

            """,
        (DocumentKind.Procedure, true) => """
            ## 目的

            ## 适用范围

            ## 角色

            | 角色 | 职责 |
            |---|---|
            |  |  |

            ## 流程

            ```mermaid
            flowchart TD
              A["开始"] --> B["第一步"]
              B --> C["第二步"]
            ```

            ## 步骤

            ### 1. 第一步 {#step-1}

            ### 2. 第二步 {#step-2}

            ## 检查清单

            - [ ] 

            """,
        (DocumentKind.Solution, false) => """
            ## Resolution

            1. 
            2. 

            ## Verification

            ## Prevention

            """,
        (DocumentKind.Solution, true) => """
            ## 解决步骤

            1. 
            2. 

            ## 验证

            ## 预防

            """,
        _ => string.Empty,
    };
}
