namespace KnowledgeKaizen.Core.Tests.Improvement;

public sealed class ImprovementCycleTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ImprovementCycle NewCycle(CycleType type = CycleType.Pdca) => ImprovementCycle.Open(
        new CyclePlan(type, "Faster quotes", "Quotes go out late", "West-1", "km-1", "Zhou Min", new CycleRoles("Ann", "Ben", "Cai"),
            new TargetMetric("stage-conversion", "quote", "West-1"), 70, Now.AddDays(-90), Now, Now, Now.AddDays(90)),
        new MeasuredBaseline(62.5, 400, 1), Now);

    [Fact]
    public void Open_KeepsRolesTargetAndMeasuredBaseline()
    {
        var cycle = NewCycle();

        Assert.Equal(CyclePhase.Plan, cycle.Phase);
        Assert.Equal("Ben", cycle.Roles.Analyst);
        Assert.Equal(62.5, cycle.BaselineValue);
        Assert.Equal(400, cycle.BaselineSample);
        Assert.Equal("quote", cycle.Target.Stage);
    }

    [Fact]
    public void Open_CheckDateBeforeRollout_IsRefused() =>
        Assert.Throws<ImprovementRuleException>(() => ImprovementCycle.Open(
            new CyclePlan(CycleType.Sdca, "T", "P", null, null, "O", new CycleRoles("", "", ""), new TargetMetric("win-rate", null, null), 1,
                Now.AddDays(-10), Now, Now, Now.AddDays(-1)), new MeasuredBaseline(null, 0, 1), Now));

    [Fact]
    public void MoveToDo_WithNothingLinked_IsRefused() =>
        Assert.Throws<ImprovementRuleException>(() => NewCycle().MoveTo(CyclePhase.Do, Now));

    [Fact]
    public void MoveToDo_FixesTheActualRolloutDate()
    {
        var cycle = NewCycle();
        cycle.Link(CycleLinkKind.Playbook, 3, "Quote same day", Now);

        cycle.MoveTo(CyclePhase.Do, Now.AddDays(5).AddHours(3));

        Assert.Equal(Now.AddDays(5), cycle.RolloutDate);
    }

    [Fact]
    public void MoveToAdapt_WithoutAComputedCheck_IsRefused()
    {
        var cycle = InCheck();

        Assert.Throws<ImprovementRuleException>(() => cycle.MoveTo(CyclePhase.Adapt, Now));
    }

    [Fact]
    public void SkippingAPhase_IsRefused()
    {
        var cycle = NewCycle();
        cycle.Link(CycleLinkKind.Playbook, 3, "Quote same day", Now);

        Assert.Throws<ImprovementRuleException>(() => cycle.MoveTo(CyclePhase.Check, Now));
    }

    [Fact]
    public void CheckBackToDo_IsAllowedToKeepCollectingData()
    {
        var cycle = InCheck();

        cycle.MoveTo(CyclePhase.Do, Now);

        Assert.Equal(CyclePhase.Do, cycle.Phase);
    }

    [Fact]
    public void Close_FromAdapt_RecordsOutcomeAndFreezesTheCycle()
    {
        var cycle = InCheck();
        cycle.RecordCheck(new CheckResult(CheckVerdict.Improved, 60, 70, 400, 400, 10, 3, 17, 0.002, null, Now));
        cycle.MoveTo(CyclePhase.Adapt, Now);

        cycle.Close(CycleOutcome.Stopped, "Did not stick", Now);

        Assert.True(cycle.IsClosed);
        Assert.Equal(CycleOutcome.Stopped, cycle.Outcome);
        Assert.Throws<ImprovementRuleException>(() => cycle.Link(CycleLinkKind.Course, 1, "c", Now));
    }

    [Fact]
    public void LinkingTheSameItemTwice_IsRefused()
    {
        var cycle = NewCycle();
        cycle.Link(CycleLinkKind.Playbook, 3, "Quote same day", Now);

        Assert.Throws<ImprovementRuleException>(() => cycle.Link(CycleLinkKind.Playbook, 3, "again", Now));
    }

    [Fact]
    public void DefinitionChanged_ComparesWithTheBaselineVersion()
    {
        var cycle = NewCycle();

        Assert.False(cycle.DefinitionChanged(1));
        Assert.True(cycle.DefinitionChanged(2));
        Assert.False(cycle.DefinitionChanged(null));
    }

    [Fact]
    public void Kudos_ToYourself_IsRefused() =>
        Assert.Throws<ImprovementRuleException>(() => new Kudos("u1", "Ann", "u1", "thanks", Now));

    private static ImprovementCycle InCheck()
    {
        var cycle = NewCycle();
        cycle.Link(CycleLinkKind.Playbook, 3, "Quote same day", Now);
        cycle.MoveTo(CyclePhase.Do, Now);
        cycle.MoveTo(CyclePhase.Check, Now.AddDays(60));
        return cycle;
    }
}
