/// Why typed check-in input was refused; `message` is one line for a person.
public struct CheckInInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reading a check-in from text (`magrelax rate soreness=2 cramps=0 --note … --trigger …`): catalogue
/// symptom ids, ratings 0–4, trigger names and a short note, each refused with the valid choices.
public enum CheckInInput {
    public static func parse(
        _ pairs: [String], note: String?, triggers: [String], catalogue: Catalogue
    ) -> Result<SymptomCheckIn, CheckInInputError> {
        let known = catalogue.symptoms.map(\.id)
        var ratings: [String: Int] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else {
                return .failure(CheckInInputError("\"\(pair)\" is not SYMPTOM=N, e.g. soreness=2."))
            }
            let (id, value) = (parts[0].trimmed, parts[1].trimmed)
            guard known.contains(id) else {
                return .failure(CheckInInputError(
                    "Unknown symptom \"\(id)\"; the symptoms are: " + known.joined(separator: ", ") + "."))
            }
            guard let n = Int(value), JournalEntry.symptomScale.contains(n) else {
                return .failure(CheckInInputError(
                    "Rating for \(id) must be a whole number 0-4 (" + SymptomRating.legend + "), not \"\(value)\"."))
            }
            guard ratings.updateValue(n, forKey: id) == nil else {
                return .failure(CheckInInputError("\(id) is rated twice; rate it once."))
            }
        }
        var ticked = Set<SymptomTrigger>()
        for name in triggers {
            guard let trigger = SymptomTrigger(rawValue: name.trimmed.lowercased()) else {
                return .failure(CheckInInputError(
                    "Unknown trigger \"\(name)\"; the triggers are: "
                        + SymptomTrigger.allCases.map(\.rawValue).joined(separator: ", ") + "."))
            }
            ticked.insert(trigger)
        }
        let text = note?.trimmed
        let checkIn = SymptomCheckIn(ratings: ratings, note: text?.isEmpty == false ? text : nil, triggers: ticked)
        if checkIn.isEmpty { return .failure(CheckInInputError("Nothing to record: give at least one SYMPTOM=N.")) }
        if let problem = checkIn.problems.first { return .failure(CheckInInputError(problem.prefix(1).uppercased() + problem.dropFirst() + ".")) }
        return .success(checkIn)
    }

    /// A day written YYYY-MM-DD, not after today.
    public static func day(_ text: String, today: CalendarDay) -> Result<CalendarDay, CheckInInputError> {
        guard let day = CalendarDay(iso: text.trimmed) else {
            return .failure(CheckInInputError("Date must be a real day written YYYY-MM-DD, e.g. 2026-11-02."))
        }
        guard day <= today else { return .failure(CheckInInputError("Date \(day) is after today: rate a day that has come.")) }
        return .success(day)
    }
}
