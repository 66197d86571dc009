import Testing

@testable import MagRelaxCore

/// The checklist each goal starts with (symptoms.json `goalSymptoms`) is held to the catalogue's rules.
@Suite struct GoalSymptomsValidationTests {
    typealias V = CatalogueValidationTests

    @Test func everyGoalHasAListOfKnownSymptomsEachOnce() {
        let unknown = V.files(editing: "symptoms.json", list: "goalSymptoms", entry: "soreness") { link in
            link["symptoms"] = ["soreness", "sore-feet"]
        }
        V.expectError(unknown, file: "symptoms.json", entry: "goalSymptoms[0]", field: "symptoms[1]",
                      contains: "unknown symptom \"sore-feet\"")
        let twice = V.files(editing: "symptoms.json", list: "goalSymptoms", entry: "soreness") { link in
            link["symptoms"] = ["soreness", "soreness"]
        }
        V.expectError(twice, file: "symptoms.json", entry: "goalSymptoms[0]", field: "symptoms[1]", contains: "listed twice")
        let empty = V.files(editing: "symptoms.json", list: "goalSymptoms", entry: "chronic-pain") { $0["symptoms"] = [String]() }
        V.expectError(empty, file: "symptoms.json", entry: "goalSymptoms[3]", field: "symptoms", contains: "at least one symptom")
        let missing = V.files(editing: "symptoms.json") { root in
            root["goalSymptoms"] = (root["goalSymptoms"] as! [[String: Any]]).filter { $0["goal"] as? String != "back-stiffness" }
        }
        V.expectError(missing, file: "symptoms.json", entry: nil, field: "goalSymptoms",
                      contains: "no symptoms for goal \"back-stiffness\"")
    }

    @Test func eachListIsCitedLikeAnyEntry() {
        let guide = V.files(editing: "symptoms.json", list: "goalSymptoms", entry: "nerve-tension") { $0["guide"] = "nerves" }
        V.expectError(guide, file: "symptoms.json", entry: "goalSymptoms[1]", field: "guide", contains: "must be one of the guides")
        let source = V.files(editing: "symptoms.json", list: "goalSymptoms", entry: "tension-headache") { $0["source"] = "blog" }
        V.expectError(source, file: "symptoms.json", entry: "goalSymptoms[4]", field: "source", contains: "unknown source \"blog\"")
    }
}
