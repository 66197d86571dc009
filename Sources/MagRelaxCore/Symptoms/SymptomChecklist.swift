/// The symptoms a goal's checklist starts with (symptoms.json `goalSymptoms`), cited like any entry.
public struct GoalSymptoms: Codable, Sendable, Hashable {
    public var goal: Goal
    /// Symptom ids, from the catalogue's symptoms.
    public var symptoms: [String]
    public var source: String
    /// The guide's subject when the source is a collection of guides.
    public var guide: String?

    public init(goal: Goal, symptoms: [String], source: String, guide: String? = nil) {
        self.goal = goal
        self.symptoms = symptoms
        self.source = source
        self.guide = guide
    }
}

/// The person's own checklist: the list they made, or until they change it, the one the catalogue
/// gives their goal. Always by body area, in catalogue order within each; ids the catalogue no longer
/// has are left out.
public enum SymptomChecklist {
    public static func ids(journal: Journal, goal: Goal?, catalogue: Catalogue) -> [String] {
        symptoms(journal: journal, goal: goal, catalogue: catalogue).map(\.id)
    }

    /// The checklist's symptoms, each once, by body area. A checklist is a few ids, so looking each
    /// up in it costs less than hashing.
    public static func symptoms(journal: Journal, goal: Goal?, catalogue: Catalogue) -> [Symptom] {
        let chosen = journal.trackedSymptoms ?? goal.map { catalogue.defaultSymptoms(for: $0) } ?? []
        return catalogue.symptomsByArea(where: { chosen.contains($0.id) })
    }

    /// The list with `id` added, as the change that records it.
    public static func adding(_ id: String, to list: [String], catalogue: Catalogue) -> JournalChange {
        .setTrackedSymptoms(inCatalogueOrder(list + [id], catalogue))
    }

    /// The list without `id`, as the change that records it.
    public static func removing(_ id: String, from list: [String]) -> JournalChange {
        .setTrackedSymptoms(list.filter { $0 != id })
    }

    private static func inCatalogueOrder(_ ids: [String], _ catalogue: Catalogue) -> [String] {
        catalogue.symptomsByArea(where: { ids.contains($0.id) }).map(\.id)
    }
}

extension Catalogue {
    /// The symptoms the catalogue links to a goal.
    public func defaultSymptoms(for goal: Goal) -> [String] {
        goalSymptoms.first { $0.goal == goal }?.symptoms ?? []
    }

    public func symptom(id: String) -> Symptom? { symptoms.first { $0.id == id } }

    /// The symptoms grouped by body area (in `BodyArea` order), in catalogue order within each area.
    public var symptomsByArea: [Symptom] { symptomsByArea { _ in true } }

    /// The symptoms `include` takes, by body area; only those are copied.
    public func symptomsByArea(where include: (Symptom) -> Bool) -> [Symptom] {
        var out: [Symptom] = []
        for area in BodyArea.allCases {
            for symptom in symptoms where symptom.area == area && include(symptom) { out.append(symptom) }
        }
        return out
    }

    public func redFlag(id: String) -> RedFlag? { redFlags.first { $0.id == id } }
}
