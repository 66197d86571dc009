import Foundation

extension Catalogue {
    /// Decodes every catalogue file. Validation of the entries is added on top of this.
    public static func load(files: [String: [UInt8]]) throws(CatalogueError) -> Catalogue {
        struct SourcesFile: Decodable { var sources: [Source] }
        struct FoodsFile: Decodable { var foods: [Food] }
        struct FormsFile: Decodable { var forms: [SupplementForm] }
        struct SymptomsFile: Decodable { var symptoms: [Symptom]; var redFlags: [RedFlag] }
        struct BreathingFile: Decodable { var patterns: [BreathingPattern] }
        struct YogaFile: Decodable { var poses: [YogaPose] }
        struct PlansFile: Decodable { var plans: [PlanTemplate] }

        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws(CatalogueError) -> T {
            guard let bytes = files[name] else { throw CatalogueError(file: name, message: "file is missing") }
            do {
                return try JSONDecoder().decode(T.self, from: Data(bytes))
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
            reference: try decode(ReferenceTables.self, "reference.json")
        )
    }
}
