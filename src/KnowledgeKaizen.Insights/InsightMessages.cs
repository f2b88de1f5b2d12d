using KnowledgeKaizen.Core;

namespace KnowledgeKaizen.Insights;

/// <summary>
/// Every sentence the Insights back end composes for a person — why there is not enough data, a retraining's steps and
/// outcome, the trust check's gaps — as an English composite format. The text is stored as composed (job messages,
/// snapshots, the model's report), in English for logs and the API; the pages translate it by matching it against these
/// formats, which are also the localisation keys, so a reader sees their language with the same numbers.
/// </summary>
public static class InsightMessages
{
    public const string NoStageHistory = "no stage history rows";
    public const string TooFewRows = "only {0} stage history rows; at least {1} are needed";
    public const string NoneAdvanced = "only one outcome class (none of the entries advanced)";
    public const string AllAdvanced = "only one outcome class (all of the entries advanced)";
    public const string OneRep = "only one rep: there is no one to compare with and no rep-grouped fold to hold out";
    public const string NoStageWithEnoughReps = "no stage has {0} reps with at least {1} entries; {2} pairs have enough evidence";
    public const string TooFewRepsAtStage = "only {0} reps with enough evidence at this stage; at least {1} are needed to fit a prior";
    public const string TooFewEntries = "{0} entries; at least {1} are needed";
    public const string TooFewExpected = "expected {0:0.0} advances of {1}; both outcomes need at least {2} expected";
    public const string NoModel = "no model has been trained yet";
    public const string NoEntriesInPeriod = "no closed stage entries in this period";

    public const string SameEntryDate = "every entry has the same entry date, so there is no earlier and later half";
    public const string EarlierHalfNotEnough = "the earlier half alone is not enough: {0}";
    public const string NoLaterPairs = "no pair with enough evidence in the earlier half has entries in the later half";

    public const string FirstModel = "first model";
    public const string ReplacesVersion = "replaces v{0}";
    public const string AucTooLow = "rejected: AUC {0:0.0000} is below the serving v{1} ({2:0.0000}) by more than {3:0.0000}";

    public const string Loading = "Loading stage history";
    public const string Training = "Training on {0:N0} closed stage entries";
    public const string CrossValidating = "Training and cross-validating ({0:0} s)";
    public const string Checking = "Checking the findings on data without rep effects and on the later half ({0:0} s)";
    public const string SavingModel = "Saving the model";
    public const string SavingFindings = "Saving the findings";
    public const string Promoted = "Model v{0} ({1}, AUC {2:0.000}) serves; standouts: {3} of {4} rep × stage pairs.";
    public const string NotPromoted = "The new model was not promoted ({0}); the previous one keeps serving.";
    public const string NotEnoughDataKeepsServing = "Not enough data ({0}); the previous findings keep serving.";
    public const string NotEnoughData = "Not enough data: {0}";

    /// <summary>Every format above.</summary>
    public static IReadOnlyList<string> All { get; } = SentenceCatalogue.FormatsOf(typeof(InsightMessages));

    /// <inheritdoc cref="SentenceCatalogue.Format"/>
    public static string Format(string format, params object?[] args) => SentenceCatalogue.Format(format, args);
}
