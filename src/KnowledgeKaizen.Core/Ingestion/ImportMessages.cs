namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Every sentence the import back end composes for a person — a row's problem, a file's problem, a mapping's problem,
/// a warning, why an import stopped — as an English composite format. The text is stored as composed (the report, the
/// record's message), in English for logs, the command line and the API; the pages translate it by matching it against
/// these formats, which are also the localisation keys. Counts are written <c>{n:N0}</c>, so the pages can format them
/// for the reader; values, column names and line numbers are written as they are.
/// </summary>
public static class ImportMessages
{
    // A row's values (RowContext, the mappers).
    public const string ValueRequired = "A value is required.";
    public const string TooLong = "Too long: {0:N0} characters, at most {1:N0}.";
    public const string NotIsoDate = "'{0}' is not an ISO 8601 date (e.g. 2025-03-04 or 2025-03-04T10:15:00Z).";
    public const string NotNumber = "'{0}' is not a number (use '.' for decimals).";
    public const string BelowMinimum = "{0} is below the minimum of {1}.";
    public const string NotWholeNumber = "'{0}' is not a whole number from {1} to {2}.";
    public const string NotBoolean = "'{0}' is not true or false.";
    public const string NotOneOf = "'{0}' is not one of: {1}.";
    public const string UnknownStage = "Unknown stage '{0}'.";
    public const string UnknownRep = "Unknown rep '{0}'.";
    public const string UnknownCustomer = "Unknown customer '{0}'.";
    public const string UnknownOpportunity = "Unknown opportunity '{0}'.";
    public const string UnknownServiceCase = "Unknown service case '{0}'.";
    public const string UnknownUser = "Unknown user '{0}'.";
    public const string NotBefore = "{0} is before {1}.";
    public const string NotEmail = "'{0}' is not an email address.";
    public const string OpenStageHasNoEnd = "An open stage has no left_at.";
    public const string Duplicate = "Duplicate {0} '{1}': already on line {2}.";

    // A file's shape (CsvRowSource, JsonRowSource, JsonRecords, SourceReader, ImportPipeline).
    public const string FileEmpty = "The file is empty.";
    public const string MissingColumns = "Missing required column(s): {0}.";
    public const string MissingColumnsNotCommas = "Missing required column(s): {0}. The header looks separated by semicolons, tabs or bars; the format uses commas.";
    public const string UnknownColumnsIgnored = "Unknown column(s) ignored: {0}.";
    public const string ColumnsNamedTwice = "Column(s) named more than once: {0}.";
    public const string RowNotUtf8 = "This row is not valid UTF-8. Save the file as UTF-8.";
    public const string MisplacedQuote = "Misplaced quote ({0}): quote the whole field and double any quote inside it.";
    public const string FieldCount = "This row has {0:N0} fields but the header has {1:N0}.";
    public const string RecordNotObject = "Each record must be a JSON object.";
    public const string UnknownFieldIgnored = "Unknown field ignored: {0}.";
    public const string JsonNotRecords = "A JSON file must be an array of objects or one object per line (NDJSON).";
    public const string LineNotObject = "Not a JSON object: {0}";
    public const string FileNotUtf8 = "The file is not valid UTF-8 (near line {0}). Save it as UTF-8 and try again.";
    public const string JsonMalformed = "The JSON is malformed near record {0}: {1}";
    public const string CsvUnreadable = "The CSV cannot be read near line {0}: {1}";
    public const string FileUnreadable = "The file cannot be read near line {0}: {1}";
    public const string HeaderOnly = "The file has a header but no data rows.";
    public const string FileTooLarge = "The file is larger than the limit of {0:N0} MB.";

    // How an import ended when it did not complete (ImportService, ImportRecovery).
    public const string Cancelled = "Cancelled; nothing was applied.";
    public const string Failed = "Failed; nothing was applied: {0}";
    public const string InterruptedBeforeStart = "Interrupted before it started; nothing was applied. Run it again.";
    public const string InterruptedWhileReading = "Interrupted while reading the file; nothing was applied. Run it again.";
    public const string InterruptedStagedGone = "Interrupted before its rows were applied, and its staged rows are gone; nothing was applied. Run it again.";
    public const string InterruptedRolledBack = "Interrupted while its rows were being applied; the database rolled the import back, so nothing was applied. Run it again.";
    public const string StagedGone = "Its staged rows are gone after {0:N0} rows were applied. Import the file again to finish: rows already applied stay unchanged.";
    public const string Stopped = "Stopped after {0:N0} of {1:N0} rows were applied; the rest are applied when the portal next starts.";
    public const string StoppedByError = "Stopped by an error ({0}) after {1:N0} of {2:N0} rows were applied; the rest are applied when the portal next starts.";
    public const string MappingOfOtherKind = "The mapping {0} imports {1}, not {2}.";

    // A mapping as written (MappingValidation, MappingJson, MappingLibrary).
    public const string MappingEmpty = "The mapping is empty.";
    public const string ColumnOrAlternatives = "Expected a column name or a list of alternative names.";
    public const string PresetName = "{0} is the name of a preset; save the mapping under another name.";
    public const string InvalidName = "The name '{0}' is not valid: use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit.";
    public const string NotKind = "'{0}' is not a kind: {1}.";
    public const string NotTimeZone = "'{0}' is not a time zone (an IANA id such as Asia/Shanghai, or an offset such as +08:00).";
    public const string NotCompanionName = "'{0}' cannot name a companion file.";
    public const string NotColumnOfKind = "'{0}' is not a column of {1} ({2}).";
    public const string EachNeedsElements = "each needs \"json\": \"*\" (one row per element of a JSON array).";
    public const string StageHistoryNeedsFields = "A stage-history mapping needs fields or a derivation.";
    public const string OnlyStageHistoryDerives = "Only a stage-history mapping can derive rows from stage changes.";
    public const string NotShape = "'{0}' is not a shape: {1}.";
    public const string DerivationNeeds = "A {0} derivation needs {1}.";
    public const string FieldHistoryNeedsStageFields = "A field-history derivation needs stageFields (the names of the stage field).";
    public const string EnteredColumnsNeedPlaceholder = "An entered-columns derivation needs enteredColumns, each with a {{stage}} placeholder.";
    public const string NotDateFormat = "'{0}' is not a date format.";
    public const string NeedsStageMap = "The derivation needs a stage map.";
    public const string NotStateMeaning = "The state '{0}' means '{1}'; a state means {2}.";
    public const string RecordsNotCompanion = "The records file '{0}' is not one of the mapping's companion files.";
    public const string OneSource = "The rule of {0} needs exactly one source (column, value, template, field, element, lookup or coalesce); it has {1:N0}.";
    public const string RuleRefersToUnknownField = "The rule of {0} refers to {1}, which is not a column of this kind.";
    public const string NotRule = "'{0}' is not a rule: {1}.";
    public const string RuleNeedsSurvey = "The rule {0} of {1} needs survey (where the survey type is).";
    public const string NotDateFormatOf = "'{0}' (the format of {1}) is not a date format.";
    public const string NotJsonPath = "'{0}' (the JSON path of {1}) is not a path: use names and indexes separated by '.', or *.";
    public const string LookupTableUnknown = "The lookup of {0} reads '{1}', which is neither a portal table ({2}) nor a companion file.";
    public const string LookupPortalColumns = "The lookup of {0} in {1} can match and take only {2}.";
    public const string LookupPick = "The lookup of {0} picks '{1}'; use first or last.";
    public const string LookupNeedsOrder = "The lookup of {0} picks one row, so it needs orderBy.";
    public const string ConditionShape = "A condition of {0} needs either one value (column or field) with tests (equals, in, notIn, startsWith, empty), or any, all or not.";
    public const string ConditionRefersToUnknownField = "A condition of {0} refers to {1}, which is not a column of this kind.";

    // What a mapping reads, named inside the sentences above and below.
    public const string AFilter = "a filter";
    public const string TheOpportunity = "the opportunity";
    public const string TheTimeOfAChange = "the time of a change";
    public const string TheStage = "the stage";
    public const string TheChangedField = "the changed field";
    public const string TheOldValue = "the old value";
    public const string TheNewValue = "the new value";
    public const string NoOtherFile = "no other file";
    public const string NoStageBeforeClose = "no stage before the close";

    // A mapping against a file (MappingBinder, MappingCompiler, LookupTable, DerivedStageHistorySource).
    public const string MappingNotValid = "The mapping is not valid: {0}";
    public const string SampleUnreadable = "The file cannot be read: {0}";
    public const string CompanionNotSent = "The mapping {0} also reads the file {1}: send it too.";
    public const string CompanionProblem = "The file {0} ({1}): {2}";
    public const string CompanionMissingColumns = "The file {0} is not {1}: it has no column {2}.";
    public const string CompanionNotRead = "The mapping {0} reads no file named {1}; it reads {2}.";
    public const string AtLine = "line {0}: {1}";
    public const string CompanionUnreadable = "it cannot be read near line {0}: {1}";
    public const string TableHasNoColumn = "The file {0} has no column {1}.";
    public const string ColumnAmbiguous = "The column {0} appears more than once in the header; the mapping cannot tell which one to read.";
    public const string MappingRefersToUnknownField = "The mapping refers to {0}, which is not a column of {1}.";
    public const string RequiredColumnMissing = "The file has no column {0} (the mapping reads {1} from it).";
    public const string OptionalColumnMissing = "The file has no column {0}: {1} stays empty.";
    public const string NoEnteredColumn = "The file has no column like {0}.";
    public const string StageMapTarget = "The stage map sends '{0}' to '{1}', which is not a stage of the portal ({2}).";
    public const string ImportOpportunitiesFirst = "Unknown opportunity '{0}': import the opportunities first.";
    public const string NotInStageMap = "'{0}' is not in the mapping's stage map.";

    // A mapped row's values (RowScope, ValueNodes, PortalRules, DerivedStageHistorySource).
    public const string RefersToItself = "The rule of {0} refers back to itself.";
    public const string LookupAmbiguous = "{0:N0} rows of {1} have {2} '{3}'.";
    public const string NoJsonValue = "'{0}' has no JSON value at '{1}'.";
    public const string NotInValueList = "'{0}' is not in the mapping's list of values ({1}).";
    public const string NotIsoDateInZone = "'{0}' is not an ISO 8601 date (2025-03-04 or 2025-03-04T10:15:00Z), or not a time that exists in {1}.";
    public const string NotDateInZone = "'{0}' is not a date in the format {1}, or not a time that exists in {2}.";
    public const string NotJsonArray = "'{0}' is not a JSON array.";
    public const string NotDate = "'{0}' is not a date.";
    public const string NotDateInFormat = "'{0}' is not a date in the format {1}.";
    public const string NotEmployeeCount = "'{0}' is not a number of employees.";
    public const string UnknownRule = "Unknown rule '{0}'.";
    public const string NotSalesforceId = "'{0}' is not a 15- or 18-character Salesforce id.";
    public const string UnknownSurvey = "'{0}' is not a survey type the portal knows (NPS, CSAT, CES).";
    public const string NotSurveyAnswer = "'{0}' is not a {1} answer ({2} to {3}).";

    /// <summary>Every format above.</summary>
    public static IReadOnlyList<string> All { get; } = SentenceCatalogue.FormatsOf(typeof(ImportMessages));

    /// <inheritdoc cref="SentenceCatalogue.Format"/>
    public static string Format(string format, params object?[] args) => SentenceCatalogue.Format(format, args);
}
