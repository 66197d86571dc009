extension JournalEntry {
    /// The id of an entry, food or pattern not yet recorded: whoever records it (the app's
    /// `record`, a command) replaces it with a fresh one from its `IDGenerator`.
    public static let newID = ""
}
