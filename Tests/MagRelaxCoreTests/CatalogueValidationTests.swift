import Foundation
import MagRelaxAssets
import PropertyBased
import Testing

@testable import MagRelaxCore

/// Each kind of bad entry is rejected with a message naming the file, the entry and the field.
@Suite struct CatalogueValidationTests {
    /// The shipped files with one of them edited as a JSON object.
    static func files(editing name: String, _ edit: (inout [String: Any]) -> Void) -> [String: [UInt8]] {
        var files = EmbeddedAssets.files
        var root = try! JSONSerialization.jsonObject(with: Data(files[name]!)) as! [String: Any]
        edit(&root)
        files[name] = [UInt8](try! JSONSerialization.data(withJSONObject: root))
        return files
    }

    /// Edits the entry with this id (or goal) in a list of the file.
    static func files(
        editing name: String, list: String, entry: String, _ edit: @escaping (inout [String: Any]) -> Void
    ) -> [String: [UInt8]] {
        files(editing: name) { root in
            var items = root[list] as! [[String: Any]]
            let i = items.firstIndex { ($0["id"] ?? $0["goal"]) as? String == entry }!
            edit(&items[i])
            root[list] = items
        }
    }

    static func error(_ files: [String: [UInt8]]) -> CatalogueError? {
        do {
            _ = try Catalogue.load(files: files)
            return nil
        } catch {
            return error
        }
    }

    static func expectError(
        _ files: [String: [UInt8]], file: String, entry: String?, field: String?, contains text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let error = error(files) else {
            Issue.record("catalogue loaded but should not", sourceLocation: sourceLocation)
            return
        }
        #expect(error.file == file, sourceLocation: sourceLocation)
        #expect(error.entry == entry, sourceLocation: sourceLocation)
        #expect(error.field == field, sourceLocation: sourceLocation)
        #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation)
        // The one-line description carries all three.
        let line = error.description
        #expect(line.hasPrefix(file), sourceLocation: sourceLocation)
        if let entry { #expect(line.contains("entry \(entry)"), sourceLocation: sourceLocation) }
        if let field { #expect(line.contains("field \(field)"), sourceLocation: sourceLocation) }
    }

    @Test func badJSON() throws {
        var files = EmbeddedAssets.files
        files["foods.json"] = Array("{\"foods\": [\n {\"id\": x} ]}".utf8)
        let error = try #require(Self.error(files))
        #expect(error.file == "foods.json" && error.entry == nil && error.field == nil)
        // Where the syntax breaks: the offset JSONSerialization gave, with its line and column.
        #expect(error.description.hasPrefix("foods.json: not valid JSON: "))
        #expect(error.message.contains("character 20"), "\(error)")
        #expect(error.message.contains("unexpected 'x'") && error.message.contains("line 2, column 9"), "\(error)")
    }

    @Test func missingFile() throws {
        var files = EmbeddedAssets.files
        files["yoga.json"] = nil
        #expect(Self.error(files) == CatalogueError(file: "yoga.json", message: "file is missing"))
    }

    @Test func missingField() {
        let files = Self.files(editing: "foods.json", list: "foods", entry: "chia_seeds") { $0["name"] = nil }
        Self.expectError(files, file: "foods.json", entry: "chia_seeds", field: "name", contains: "is missing")
    }

    @Test func missingTopLevelList() {
        let files = Self.files(editing: "symptoms.json") { $0["redFlags"] = nil }
        Self.expectError(files, file: "symptoms.json", entry: nil, field: "redFlags", contains: "is missing")
    }

    @Test func wrongType() {
        let files = Self.files(editing: "foods.json", list: "foods", entry: "banana") { $0["mgPer100g"] = "lots" }
        Self.expectError(files, file: "foods.json", entry: "banana", field: "mgPer100g", contains: "wrong type")
    }

    @Test func unknownEnumValue() {
        let files = Self.files(editing: "foods.json", list: "foods", entry: "apple") { $0["category"] = "candy" }
        Self.expectError(files, file: "foods.json", entry: "apple", field: "category", contains: "candy")
    }

    @Test func wrongTypeDeepInAPlanNamesThePathInsideTheEntry() {
        let files = Self.files(editing: "plans.json", list: "plans", entry: "back-stiffness") { plan in
            var weeks = plan["weeks"] as! [[String: Any]]
            var tasks = weeks[1]["tasks"] as! [[String: Any]]
            tasks[0]["kind"] = "dance"
            weeks[1]["tasks"] = tasks
            plan["weeks"] = weeks
        }
        Self.expectError(
            files, file: "plans.json", entry: "back-stiffness", field: "weeks[1].tasks[0].kind", contains: "dance")
    }

    @Test func entryWithoutIDIsNamedByIndex() {
        let files = Self.files(editing: "yoga.json") { root in
            var poses = root["poses"] as! [[String: Any]]
            poses[2]["id"] = nil
            root["poses"] = poses
        }
        Self.expectError(files, file: "yoga.json", entry: "#2", field: "id", contains: "is missing")
    }

    @Test func wrongTypeInReferenceTable() {
        let files = Self.files(editing: "reference.json") { root in
            var rows = root["rda"] as! [[String: Any]]
            rows[2]["male"] = "eighty"
            root["rda"] = rows
        }
        Self.expectError(files, file: "reference.json", entry: "rda[2]", field: "male", contains: "wrong type")
    }

    @Test func duplicateID() {
        let files = Self.files(editing: "forms.json") { root in
            var forms = root["forms"] as! [[String: Any]]
            var copy = forms[5]
            copy["name"] = "Another"
            forms.append(copy)
            root["forms"] = forms
        }
        let id = Self.shippedForms[5]
        Self.expectError(files, file: "forms.json", entry: id, field: "id", contains: "duplicate id")
    }

    static let shippedForms = shipped.forms.map(\.id)

    @Test func unknownSource() {
        let files = Self.files(editing: "breathing.json", list: "patterns", entry: "box") { $0["source"] = "hearsay" }
        Self.expectError(files, file: "breathing.json", entry: "box", field: "source", contains: "unknown source \"hearsay\"")
    }

    @Test func unknownEvidenceLink() {
        let files = Self.files(editing: "symptoms.json", list: "symptoms", entry: "migraine") { $0["evidence"] = ["migraine", "rumour"] }
        Self.expectError(files, file: "symptoms.json", entry: "migraine", field: "evidence[1]", contains: "unknown evidence \"rumour\"")
    }

    @Test func unknownNoteSource() {
        let files = Self.files(editing: "forms.json", list: "forms", entry: "citrate") { $0["noteSources"] = ["ods-mg", "blog"] }
        Self.expectError(files, file: "forms.json", entry: "citrate", field: "noteSources[1]", contains: "unknown source")
    }

    @Test func outOfRangeNumbers() {
        Self.expectError(
            Self.files(editing: "foods.json", list: "foods", entry: "chia_seeds") { $0["mgPer100g"] = -1 },
            file: "foods.json", entry: "chia_seeds", field: "mgPer100g", contains: "must be ≥ 0")
        let error = Self.error(Self.files(editing: "foods.json", list: "foods", entry: "chia_seeds") { $0["mgPer100g"] = -1 })
        #expect(error?.description == "foods.json, entry chia_seeds, field mgPer100g: must be ≥ 0 (got -1)")
        Self.expectError(
            Self.files(editing: "foods.json", list: "foods", entry: "walnuts") { $0["servingGrams"] = 0 },
            file: "foods.json", entry: "walnuts", field: "servingGrams", contains: "must be > 0")
        Self.expectError(
            Self.files(editing: "forms.json", list: "forms", entry: "oxide") { $0["elementalPercent"] = 160.3 },
            file: "forms.json", entry: "oxide", field: "elementalPercent", contains: "must be 0–100")
        Self.expectError(
            Self.files(editing: "foods.json", list: "foods", entry: "banana") { $0["ndb"] = "9040" },
            file: "foods.json", entry: "banana", field: "ndb", contains: "5 digits")
        Self.expectError(
            Self.files(editing: "symptoms.json", list: "symptoms", entry: "cramps") { $0["name"] = " " },
            file: "symptoms.json", entry: "cramps", field: "name", contains: "must not be empty")
    }

    @Test func badBreathingTiming() {
        Self.expectError(
            Self.files(editing: "breathing.json", list: "patterns", entry: "box") { $0["inhale"] = 1.5 },
            file: "breathing.json", entry: "box", field: "inhale", contains: "at least 2 s")
        Self.expectError(
            Self.files(editing: "breathing.json", list: "patterns", entry: "box") { $0["holdIn"] = 4.3 },
            file: "breathing.json", entry: "box", field: "holdIn", contains: "0.5 s steps")
        Self.expectError(
            Self.files(editing: "breathing.json", list: "patterns", entry: "4-7-8") { $0["exhale"] = 25 },
            file: "breathing.json", entry: "4-7-8", field: "exhale", contains: "0–20 s")
        Self.expectError(
            Self.files(editing: "breathing.json", list: "patterns", entry: "coherent") {
                $0["dose"] = ["unit": "minutes", "min": 20, "max": 10]
            },
            file: "breathing.json", entry: "coherent", field: "dose.max", contains: "must be ≥ min")
    }

    @Test func missingPlan() {
        let files = Self.files(editing: "plans.json") { root in
            root["plans"] = (root["plans"] as! [[String: Any]]).filter { $0["goal"] as? String != "tension-headache" }
        }
        Self.expectError(files, file: "plans.json", entry: nil, field: "goal", contains: "no plan for goal \"tension-headache\"")
    }

    @Test func planWeeksAndTaskIDs() {
        Self.expectError(
            Self.files(editing: "plans.json", list: "plans", entry: "soreness") { plan in
                plan["weeks"] = (plan["weeks"] as! [[String: Any]]).filter { $0["week"] as? Int != 3 }
            },
            file: "plans.json", entry: "soreness", field: "weeks", contains: "weeks 1, 2, 3, 4")
        Self.expectError(
            Self.files(editing: "plans.json", list: "plans", entry: "chronic-pain") { plan in
                var weeks = plan["weeks"] as! [[String: Any]]
                var tasks = weeks[2]["tasks"] as! [[String: Any]]
                tasks[1]["id"] = tasks[0]["id"]
                weeks[2]["tasks"] = tasks
                plan["weeks"] = weeks
            },
            file: "plans.json", entry: "chronic-pain", field: "weeks[2].tasks[1].id", contains: "duplicate task id")
    }

    /// The personal plan names poses and patterns from the catalogue, so the templates must.
    @Test func planTasksNameKnownPosesAndPatterns() {
        /// The soreness plan with one task of week 3 (yoga is task 4, breathing task 5) edited.
        func editing(task: Int, _ edit: @escaping (inout [String: Any]) -> Void) -> [String: [UInt8]] {
            Self.files(editing: "plans.json", list: "plans", entry: "soreness") { plan in
                var weeks = plan["weeks"] as! [[String: Any]]
                var tasks = weeks[2]["tasks"] as! [[String: Any]]
                edit(&tasks[task])
                weeks[2]["tasks"] = tasks
                plan["weeks"] = weeks
            }
        }
        Self.expectError(editing(task: 4) { $0["poses"] = ["childs-pose", "headstand"] },
            file: "plans.json", entry: "soreness", field: "weeks[2].tasks[4].poses[1]", contains: "unknown pose \"headstand\"")
        Self.expectError(editing(task: 4) { $0["poses"] = nil },
            file: "plans.json", entry: "soreness", field: "weeks[2].tasks[4].poses", contains: "must name its poses")
        Self.expectError(editing(task: 5) { $0["pattern"] = "kapalabhati" },
            file: "plans.json", entry: "soreness", field: "weeks[2].tasks[5].pattern", contains: "unknown breathing pattern")
        Self.expectError(editing(task: 5) { $0["pattern"] = nil },
            file: "plans.json", entry: "soreness", field: "weeks[2].tasks[5].pattern", contains: "must name its pattern")
        Self.expectError(editing(task: 0) { $0["pattern"] = "box" },
            file: "plans.json", entry: "soreness", field: "weeks[2].tasks[0].pattern", contains: "only breathing tasks")
    }

    @Test func ageRowsWithGapsOrOverlaps() {
        func editRDA(_ edit: @escaping (inout [[String: Any]]) -> Void) -> [String: [UInt8]] {
            Self.files(editing: "reference.json") { root in
                var rows = root["rda"] as! [[String: Any]]
                edit(&rows)
                root["rda"] = rows
            }
        }
        Self.expectError(
            editRDA { $0[3]["minMonths"] = ($0[3]["minMonths"] as! Int) + 1 },
            file: "reference.json", entry: "rda[3]", field: "minMonths", contains: "gap")
        Self.expectError(
            editRDA { $0[5]["minMonths"] = ($0[5]["minMonths"] as! Int) - 12 },
            file: "reference.json", entry: "rda[5]", field: "minMonths", contains: "overlap")
        Self.expectError(
            editRDA { $0.removeLast() },
            file: "reference.json", entry: "rda[7]", field: "maxMonths", contains: "open-ended")
        Self.expectError(
            Self.files(editing: "reference.json") { root in
                var rows = root["supplementUpperLimit"] as! [[String: Any]]
                rows.remove(at: 1)
                root["supplementUpperLimit"] = rows
            },
            file: "reference.json", entry: "supplementUpperLimit[1]", field: "minMonths", contains: "gap")
    }

    /// The same per-entry rules serve the person's own foods and patterns.
    @Test func customEntriesUseTheSameRules() {
        let food = Food(
            id: "my-bread", name: "My bread", category: .wholeGrains, serving: "1 slice", servingGrams: 40,
            mgPer100g: 60, kcalPer100g: nil, ndb: nil, source: "custom")
        #expect(food.valueProblems().isEmpty)
        var bad = food
        bad.servingGrams = -3
        bad.name = ""
        #expect(bad.valueProblems().map(\.field) == ["name", "servingGrams"])
        let mine = BreathingPattern(
            id: "mine", name: "Mine", inhale: 4, holdIn: 0, exhale: 8, holdOut: 0,
            dose: PracticeDose(unit: .minutes, min: 5, max: 10), cues: [], cautions: [], alternateNostril: false,
            source: "custom")
        #expect(mine.valueProblems().isEmpty)
        var wrong = mine
        wrong.exhale = 1
        wrong.dose = PracticeDose(unit: .cycles, min: 6, max: 3)
        #expect(wrong.valueProblems().map(\.field) == ["exhale", "dose.max"])
    }

    @Test func redFlagAreaMustBeKnown() {
        let files = Self.files(editing: "symptoms.json", list: "redFlags", entry: "leg-breathless") { $0["area"] = "arm" }
        Self.expectError(files, file: "symptoms.json", entry: "leg-breathless", field: "area", contains: "must be one of head, back, muscle, leg, whole body")
    }

    @Test func calciumAndPotassiumMustNotBeNegative() {
        Self.expectError(
            Self.files(editing: "foods.json", list: "foods", entry: "almonds_raw") { $0["calciumMgPer100g"] = -269 },
            file: "foods.json", entry: "almonds_raw", field: "calciumMgPer100g", contains: "must be ≥ 0")
        Self.expectError(
            Self.files(editing: "foods.json", list: "foods", entry: "banana") { $0["potassiumMgPer100g"] = "lots" },
            file: "foods.json", entry: "banana", field: "potassiumMgPer100g", contains: "wrong type")
    }

    // MARK: Red flags

    /// The old tingling text sent numbness in both legs to "see a doctor"; the flag says emergency.
    @Test func symptomTextMustNotSendARedFlagToMilderCare() {
        let old = "Pins and needles or dulled feeling. If it spreads, comes with weakness, or affects both legs, see a doctor."
        let files = Self.files(editing: "symptoms.json", list: "symptoms", entry: "tingling-numbness") { $0["explanation"] = old }
        Self.expectError(
            files, file: "symptoms.json", entry: "tingling-numbness", field: "explanation",
            contains: "mentions \"both legs\" (red flag back-both-legs, emergency) but says \"see a doctor\", milder care")
    }

    @Test func textMentioningARedFlagSignMustNameItsAction() {
        Self.expectError(
            Self.files(editing: "symptoms.json", list: "symptoms", entry: "cramps") {
                $0["explanation"] = "Calf cramps. Calf pain on one side with swelling needs rest."
            },
            file: "symptoms.json", entry: "cramps", field: "explanation",
            contains: "red flag leg-calf-swelling, urgent) but does not say \"urgent\"")
        // Plan texts are held to the same rule, down to the task.
        Self.expectError(
            Self.files(editing: "plans.json", list: "plans", entry: "back-stiffness") { plan in
                var weeks = plan["weeks"] as! [[String: Any]]
                var tasks = weeks[3]["tasks"] as! [[String: Any]]
                tasks[1]["detail"] = "Drink water; if you are short of breath, get an urgent appointment."
                weeks[3]["tasks"] = tasks
                plan["weeks"] = weeks
            },
            file: "plans.json", entry: "back-stiffness", field: "weeks[3].tasks[1].detail",
            contains: "(red flag leg-breathless, emergency) but says \"urgent\"")
        // And the safety notes: too much magnesium is an emergency, not "urgent care".
        Self.expectError(
            Self.files(editing: "reference.json") { root in
                var notes = root["safety"] as! [[String: Any]]
                notes[0]["text"] = "Signs of too much magnesium: low blood pressure, an irregular heartbeat. Get urgent care."
                root["safety"] = notes
            },
            file: "reference.json", entry: "safety[0]", field: "text", contains: "red flag too-much-magnesium")
    }

    /// Each sentence is judged alone: one sign may go to a doctor and, in the next sentence, another to emergency care.
    @Test func wordingIsJudgedSentenceBySentence() {
        let text = "If it spreads, see a doctor. Weakness in both legs is an emergency: call now! Rest helps"
        #expect(Catalogue.sentences(text) == ["If it spreads, see a doctor.", " Weakness in both legs is an emergency: call now!", " Rest helps"])
        // A stop inside a number, or carrying an accent, ends nothing.
        #expect(Catalogue.sentences("Take 2.5 mg.\u{301} Then rest. Done") == ["Take 2.5 mg.\u{301} Then rest.", " Done"])
        #expect(Catalogue.sentences("Stop.\u{A0}Go?\r\nNow!") == ["Stop.", "\u{A0}Go?", "\r\nNow!"])
        #expect(shipped.redFlagWordingProblems(in: text).isEmpty)
        let mixed = shipped.redFlagWordingProblems(in: "Both legs numb: an emergency, or see a doctor.")
        #expect(mixed.map(\.flag.id) == ["back-both-legs"] && mixed.first?.milder == .soon)
    }

    /// Leg pain with chest pain was "urgent"; chest pain is an emergency wherever it shows.
    @Test func redFlagActionIsAtLeastThatOfEverySignItMentions() {
        let files = Self.files(editing: "symptoms.json", list: "redFlags", entry: "leg-breathless") { $0["action"] = "urgent" }
        Self.expectError(
            files, file: "symptoms.json", entry: "leg-breathless", field: "action",
            contains: "mentions \"chest pain\" (red flag back-chest-pain): must be at least emergency (got urgent)")
    }

    @Test func redFlagTriggersMustNameItsOwnSign() {
        Self.expectError(
            Self.files(editing: "symptoms.json", list: "redFlags", entry: "back-lump") { $0["triggers"] = [String]() },
            file: "symptoms.json", entry: "back-lump", field: "triggers", contains: "at least one phrase")
        Self.expectError(
            Self.files(editing: "symptoms.json", list: "redFlags", entry: "back-lump") { $0["triggers"] = ["swollen spine"] },
            file: "symptoms.json", entry: "back-lump", field: "triggers", contains: "none of them occurs")
        Self.expectError(
            Self.files(editing: "symptoms.json", list: "redFlags", entry: "back-accident") { $0["triggers"] = nil },
            file: "symptoms.json", entry: "back-accident", field: "triggers", contains: "is missing")
    }

    // MARK: Sources

    @Test func everyDeclaredSourceMustBeCited() {
        let files = Self.files(editing: "sources.json") { root in
            root["sources"] = (root["sources"] as! [[String: Any]]) + [["id": "blog-2019", "title": "A blog post"]]
        }
        Self.expectError(files, file: "sources.json", entry: "blog-2019", field: nil, contains: "not cited by any entry")
        // The reference figures that fell back to the file's source now name their own.
        let uncited = Self.files(editing: "reference.json") { $0["dailyValueSource"] = "iom-1997" }
        Self.expectError(uncited, file: "sources.json", entry: "fda-dv", field: nil, contains: "not cited by any entry")
    }

    @Test func referenceFiguresAndSafetyNotesNameKnownSources() {
        Self.expectError(
            Self.files(editing: "reference.json") { $0["efsaSupplementLimitSource"] = "efsa" },
            file: "reference.json", entry: nil, field: "efsaSupplementLimitSource", contains: "unknown source \"efsa\"")
        Self.expectError(
            Self.files(editing: "reference.json") { root in
                var notes = root["safety"] as! [[String: Any]]
                notes[4]["source"] = nil
                root["safety"] = notes
            },
            file: "reference.json", entry: "safety[4]", field: "source", contains: "is missing")
    }

    @Test func aGuideMustBeOneItsSourceDeclares() {
        Self.expectError(
            Self.files(editing: "plans.json", list: "plans", entry: "soreness") { $0["guide"] = "trigger points" },
            file: "plans.json", entry: "soreness", field: "guide",
            contains: "must be one of the guides of \"seeds\": soreness and recovery, tension around nerves")
        Self.expectError(
            Self.files(editing: "plans.json", list: "plans", entry: "chronic-pain") { $0["guide"] = "trigger points" },
            file: "plans.json", entry: "chronic-pain", field: "guide", contains: "source \"app-plan\" has no guides")
        Self.expectError(
            Self.files(editing: "plans.json", list: "plans", entry: "nerve-tension") { plan in
                plan["expectation"] = ["claim": "relief in days", "source": "seeds", "guide": "nerves"]
            },
            file: "plans.json", entry: "nerve-tension", field: "expectation.guide", contains: "must be one of the guides")
    }

    @Test func everyDeclaredGuideMustBeNamed() {
        let files = Self.files(editing: "sources.json", list: "sources", entry: "seeds") { seeds in
            seeds["guides"] = (seeds["guides"] as! [String]) + ["sleep"]
        }
        Self.expectError(files, file: "sources.json", entry: "seeds", field: "guides[2]", contains: "guide \"sleep\" is not named")
    }

    @Test func planEvidenceMustExist() {
        Self.expectError(
            Self.files(editing: "plans.json", list: "plans", entry: "tension-headache") { $0["evidence"] = ["tension-headache", "folklore"] },
            file: "plans.json", entry: "tension-headache", field: "evidence[1]", contains: "unknown evidence \"folklore\"")
    }

    /// Whichever food gets a negative magnesium figure, the error names that food and that field.
    @Test func anyNegativeFoodFigureIsNamed() async {
        let ids = shipped.foods.filter { $0.mgPer100g != nil }.map(\.id)
        await propertyCheck(count: 40, input: Gen.int(in: 0...(ids.count - 1)), Gen.double(in: -10_000 ... -0.001)) { i, value in
            var broken = shipped
            let index = broken.foods.firstIndex { $0.id == ids[i] }!
            broken.foods[index].mgPer100g = value
            let problems = broken.problems()
            #expect(problems.count == 1)
            #expect(problems.first?.entry == ids[i] && problems.first?.field == "mgPer100g" && problems.first?.file == "foods.json")
        }
    }

    @Test func validCatalogueHasNoProblemsAndProblemsListsEveryOne() throws {
        #expect(shipped.problems().isEmpty)
        var broken = shipped
        broken.foods[0].mgPer100g = -5
        broken.yoga[0].source = "nowhere"
        broken.plans.removeAll { $0.goal == .chronicPain }
        let problems = broken.problems()
        #expect(problems.count == 3)
        #expect(problems.map(\.file) == ["foods.json", "yoga.json", "plans.json"])
    }
}
