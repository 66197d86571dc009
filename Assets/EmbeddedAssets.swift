// The catalogue files, compiled into the binary so it starts from any folder.
public enum EmbeddedAssets {
    /// File name → raw JSON bytes, for every catalogue file.
    public static let files: [String: [UInt8]] = [
        "sources.json": PackageResources.sources_json,
        "foods.json": PackageResources.foods_json,
        "forms.json": PackageResources.forms_json,
        "symptoms.json": PackageResources.symptoms_json,
        "breathing.json": PackageResources.breathing_json,
        "yoga.json": PackageResources.yoga_json,
        "plans.json": PackageResources.plans_json,
        "reference.json": PackageResources.reference_json,
    ]
}
