import FoundationEssentials

extension Catalogue {
    /// The catalogue's file names, in the order they are checked.
    public static let fileNames = [
        "sources.json", "foods.json", "forms.json", "symptoms.json", "breathing.json", "yoga.json", "plans.json",
        "reference.json",
    ]

    /// Decodes and validates every catalogue file; the first problem is thrown, named down to the field.
    public static func load(files: [String: [UInt8]]) throws(CatalogueError) -> Catalogue {
        let catalogue = try decode(files: files)
        if let problem = catalogue.problems().first { throw problem }
        return catalogue
    }

    /// Decodes every file without checking the entries' values.
    public static func decode(files: [String: [UInt8]]) throws(CatalogueError) -> Catalogue {
        struct SourcesFile: Decodable { var sources: [Source] }
        struct FoodsFile: Decodable { var foods: [Food] }
        struct FormsFile: Decodable { var forms: [SupplementForm] }
        struct SymptomsFile: Decodable { var symptoms: [Symptom]; var redFlags: [RedFlag]; var goalSymptoms: [GoalSymptoms] }
        struct BreathingFile: Decodable { var patterns: [BreathingPattern] }
        struct YogaFile: Decodable { var poses: [YogaPose] }
        struct PlansFile: Decodable { var plans: [PlanTemplate] }

        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws(CatalogueError) -> T {
            guard let bytes = files[name] else { throw CatalogueError(file: name, message: "file is missing") }
            let data = Data(bytes)
            do {
                return try JSONDecoder().decode(T.self, from: data)
            } catch let error as DecodingError {
                throw CatalogueError(file: name, decoding: error, data: data)
            } catch {
                throw CatalogueError(file: name, message: "\(error)")
            }
        }
        let symptoms = try decode(SymptomsFile.self, "symptoms.json")
        return Catalogue(
            sources: try decode(SourcesFile.self, "sources.json").sources,
            foods: try decode(FoodsFile.self, "foods.json").foods,
            forms: try decode(FormsFile.self, "forms.json").forms,
            symptoms: symptoms.symptoms,
            redFlags: symptoms.redFlags,
            breathing: try decode(BreathingFile.self, "breathing.json").patterns,
            yoga: try decode(YogaFile.self, "yoga.json").poses,
            plans: try decode(PlansFile.self, "plans.json").plans,
            reference: try decode(ReferenceTables.self, "reference.json"),
            goalSymptoms: symptoms.goalSymptoms
        )
    }
}

extension CatalogueError {
    /// Turns a JSONDecoder error into file, entry and field. The entry is the list item's `id` (or `goal`)
    /// when the raw JSON has one, else its index; the field is the rest of the path, e.g. `weeks[1].tasks[0].kind`.
    init(file: String, decoding error: DecodingError, data: Data) {
        var path: [any CodingKey]
        let message: String
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            message = "is missing"
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "wrong type, expected \(Self.jsonKind(type))"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "is null, expected \(Self.jsonKind(type))"
        case .dataCorrupted(let context):
            path = context.codingPath
            if path.isEmpty {
                message = "not valid JSON" + Self.syntaxDetail(data)
            } else {
                message = context.debugDescription
            }
        @unknown default:
            path = []
            message = "\(error)"
        }
        // Entries live in lists: [list, index, …]; reference.json is an object of lists.
        var entry: String?
        if path.count >= 2, let index = path[1].intValue {
            entry = Self.entryName(data: data, list: path[0].stringValue, index: index)
            let list = path[0].stringValue
            path.removeFirst(2)
            if file == "reference.json" { entry = "\(list)[\(index)]" }
        }
        let field = Self.fieldPath(path)
        self.init(file: file, entry: entry, field: field.isEmpty ? nil : field, message: message)
    }

    /// JSONDecoder does not say where the syntax breaks, so the file is scanned for it.
    private static func syntaxDetail(_ data: Data) -> String {
        let bytes = [UInt8](data)
        guard let problem = JSONSyntax.firstProblem(in: bytes) else { return "" }
        let (line, column) = problem.lineColumn(in: bytes)
        return ": \(problem.explanation) at character \(problem.offset) (line \(line), column \(column))"
    }

    /// The entry's `id` (else its `goal`), read leniently from the file known to be wrong.
    private static func entryName(data: Data, list: String, index: Int) -> String {
        let items = ((try? JSONTree.parse(data)) as? [String: Any])?[list] as? [Any]
        let item = items.flatMap { index < $0.count ? $0[index] as? [String: Any] : nil }
        let name = ["id", "goal"].lazy.compactMap { item?[$0] as? String }.first { !$0.isEmpty }
        return name ?? "#\(index)"
    }

    private static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "\(type)"
        }
    }
}
