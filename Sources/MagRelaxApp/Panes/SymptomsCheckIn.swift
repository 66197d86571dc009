import MagRelaxCore
import TerminalUI

/// A check-in being filled in (`c`): ratings for the listed symptoms, the triggers ticked and a note,
/// recorded as one entry when it ends. Its rows are the symptoms, then the triggers, then the note.
public struct CheckInDraft: Sendable, Hashable {
    public var day: CalendarDay
    /// The time it was opened, for today; none for a past day.
    public var time: TimeOfDay?
    public var checkIn = SymptomCheckIn(ratings: [:])
    public var note = TextField(maxLength: SymptomCheckIn.noteLimit)
    /// The selection and scroll over the rows.
    public var rows = ListBrowser(showsPreview: false)

    public init(day: CalendarDay, time: TimeOfDay?) {
        self.day = day
        self.time = time
    }

    /// One of the check-in's rows.
    public enum Row: Sendable, Hashable {
        case symptom(String)
        case trigger(SymptomTrigger)
        case note
    }

    static let triggerPrefix = "trigger:"
    static let noteID = "note"

    static func row(_ id: String) -> Row {
        if id == noteID { return .note }
        if id.hasPrefix(triggerPrefix), let t = SymptomTrigger(rawValue: String(id.dropFirst(triggerPrefix.count))) {
            return .trigger(t)
        }
        return .symptom(id)
    }

    /// The check-in as it will be recorded.
    var recorded: SymptomCheckIn {
        var c = checkIn
        let text = note.text.trimmed
        c.note = text.isEmpty ? nil : text
        return c
    }

    /// The rows as a table: symptom, its rating in this check-in, a bar; the triggers; the note.
    func content(_ symptoms: [Symptom], _ ctx: PaneContext) -> ListContent {
        let theme = ctx.theme
        let items = symptoms.map { s -> ListItem in
            let rating = checkIn.ratings[s.id]
            return ListItem(id: s.id, group: s.area.label, cells: [
                Table.Cell(s.name),
                rating.map { Table.Cell("\($0) " + SymptomRating.words[$0]) } ?? Table.Cell("not rated", style: theme.dim),
                Table.Cell(rating.map { SymptomsPane.bar(Double($0), theme) } ?? "", style: theme.accent),
            ])
        }
        let check = theme.glyphs == .ascii ? "[x]" : "[" + theme.glyphs.check + "]"
        let triggers = SymptomTrigger.allCases.map { t in
            ListItem(id: Self.triggerPrefix + t.rawValue, group: "Possible triggers (Space ticks)",
                     cells: [Table.Cell((checkIn.triggers.contains(t) ? check : "[ ]") + " " + t.label), "", ""])
        }
        let noteText = note.text + (isOnNote(symptoms) ? "_" : "")
        let noteItem = ListItem(id: Self.noteID, group: "Note (type on this line)", cells: [
            Table.Cell(noteText.isEmpty ? "none" : noteText, style: noteText.isEmpty ? theme.dim : nil), "", "",
        ])
        return ListContent(items + triggers + [noteItem], columns: Self.columns)
    }

    static let columns = [
        Table.Column("Symptom", width: .flex(min: 12)), Table.Column("Rating", width: .fixed(12), gap: 2),
        Table.Column(width: .fixed(SymptomsPane.barWidth)),
    ]

    /// True when the note's row is selected: then keys type into the note.
    func isOnNote(_ symptoms: [Symptom]) -> Bool {
        rows.cursor.selected == symptoms.count + SymptomTrigger.allCases.count
    }

    func selectedRow(_ symptoms: [Symptom]) -> Row? {
        let i = rows.cursor.selected
        if i < symptoms.count { return .symptom(symptoms[i].id) }
        if i < symptoms.count + SymptomTrigger.allCases.count {
            return .trigger(SymptomTrigger.allCases[i - symptoms.count])
        }
        return i == symptoms.count + SymptomTrigger.allCases.count ? .note : nil
    }

    /// What a key did: keep going, or end (and record what was filled in).
    enum Outcome { case editing, ended, notUsed }

    /// Digits rate the selected symptom and move on; Backspace clears; arrows step the rating; Space
    /// ticks a trigger; on the note's row keys type. Enter or Esc ends it.
    mutating func handle(_ key: Key, symptoms: [Symptom], area: Rect, ctx: PaneContext) -> Outcome {
        let content = self.content(symptoms, ctx)
        defer { rows.settle(self.content(symptoms, ctx), area: area, detail: { _ in [] }) }
        switch key {
        case .enter, .escape:
            return .ended
        case .ctrl("c"):
            return .notUsed
        case .up, .down, .pageUp, .pageDown, .home, .end:
            _ = rows.handle(key, items: content, area: area, detail: { _ in [] })
            return .editing
        default:
            break
        }
        switch selectedRow(symptoms) {
        case .symptom(let id):
            switch key {
            case .char(let c) where c.wholeNumberValue.map(JournalEntry.symptomScale.contains) == true && c.isASCII:
                checkIn.ratings[id] = c.wholeNumberValue
                _ = rows.handle(.down, items: content, area: area, detail: { _ in [] })
            case .backspace, .delete:
                checkIn.ratings[id] = nil
            case .left, .char("h"):
                checkIn.ratings[id] = SymptomRating.step(checkIn.ratings[id], by: -1)
            case .right, .char("l"):
                checkIn.ratings[id] = SymptomRating.step(checkIn.ratings[id], by: 1)
            case .char("j"), .char("k"), .char("g"), .char("G"):
                _ = rows.handle(key, items: content, area: area, detail: { _ in [] })
            default:
                break
            }
        case .trigger(let t):
            switch key {
            case .char(" "):
                if checkIn.triggers.contains(t) { checkIn.triggers.remove(t) } else { checkIn.triggers.insert(t) }
            case .backspace, .delete:
                checkIn.triggers.remove(t)
            case .char("j"), .char("k"), .char("g"), .char("G"):
                _ = rows.handle(key, items: content, area: area, detail: { _ in [] })
            default:
                break
            }
        case .note:
            // Arrows leave the line; the cursor stays at the end of the note.
            if case .char = key { _ = note.handle(key) }
            if key == .backspace || key == .ctrl("u") { _ = note.handle(key) }
        case nil:
            break
        }
        return .editing
    }
}
