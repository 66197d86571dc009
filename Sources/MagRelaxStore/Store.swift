import MagRelaxCore

/// The person's data as JSON files in one folder (filled in by the storage work).
public struct DataLocation: Sendable, Hashable {
    public var path: String
    public init(path: String) { self.path = path }
}
