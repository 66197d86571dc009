import MagRelaxAssets

/// The whole read-only catalogue, decoded and validated.
public struct Catalogue: Sendable, Equatable {
    public var sources: [Source]
    public var foods: [Food]
    public var forms: [SupplementForm]
    public var symptoms: [Symptom]
    public var redFlags: [RedFlag]
    /// The symptoms each goal's checklist starts with.
    public var goalSymptoms: [GoalSymptoms]
    public var breathing: [BreathingPattern]
    public var yoga: [YogaPose]
    public var plans: [PlanTemplate]
    public var reference: ReferenceTables

    public init(
        sources: [Source], foods: [Food], forms: [SupplementForm], symptoms: [Symptom], redFlags: [RedFlag],
        breathing: [BreathingPattern], yoga: [YogaPose], plans: [PlanTemplate], reference: ReferenceTables,
        goalSymptoms: [GoalSymptoms] = []
    ) {
        self.sources = sources
        self.foods = foods
        self.forms = forms
        self.symptoms = symptoms
        self.redFlags = redFlags
        self.goalSymptoms = goalSymptoms
        self.breathing = breathing
        self.yoga = yoga
        self.plans = plans
        self.reference = reference
    }

    /// The catalogue compiled into the binary.
    /// The shipped catalogue, decoded. Its values are not re-checked at every start (that took over half
    /// of start-up): the test suite holds the same files to `problems()`, so none ships that fails it.
    public static func embedded() throws(CatalogueError) -> Catalogue {
        try decode(files: EmbeddedAssets.files)
    }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// The name a person reads for a source: the guide by its subject ("magnesium guide: soreness and
    /// recovery") when one is named, else the source's title, else the key itself.
    public func sourceName(_ key: String, guide: String? = nil) -> String {
        if let guide { return "magnesium guide: " + guide }
        return source(key)?.title ?? key
    }
    public func plan(for goal: Goal) -> PlanTemplate? { plans.first { $0.goal == goal } }
    public func form(id: String) -> SupplementForm? { forms.first { $0.id == id } }
}

/// What is wrong with a catalogue file, named down to the entry and field.
public struct CatalogueError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var entry: String?
    public var field: String?
    public var message: String

    public init(file: String, entry: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.entry = entry
        self.field = field
        self.message = message
    }

    public var description: String {
        var parts = [file]
        if let entry { parts.append("entry \(entry)") }
        if let field { parts.append("field \(field)") }
        return parts.joined(separator: ", ") + ": " + message
    }
}
