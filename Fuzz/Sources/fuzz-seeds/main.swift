// Writes the seed corpus into <folder>/<target>/ from the project's own types: month files and a
// backup written by the Store for a small journal holding every entry type, and catalogue files cut
// down to their first two items (small seeds keep the corpus small), behind the byte that picks them.
import Foundation
import MagRelaxAssets
import MagRelaxCore
import MagRelaxStore

let out = CommandLine.arguments.dropFirst().first ?? "corpus"
let day = CalendarDay(year: 2026, month: 11, day: 2)!
let time = TimeOfDay(secondsSinceMidnight: 8 * 3600)!
let kinds: [EntryKind] = [
    .symptoms(SymptomCheckIn(ratings: ["soreness": 3, "cramps": 1], note: "after the run", triggers: [.stress])),
    .food(FoodServing(foodID: "almonds", servings: 1.5)),
    .food(FoodServing(foodID: "spinach_cooked", servings: 1, grams: 90, mg: 78, unit: .grams)),
    .supplement(SupplementDose(formID: "glycinate", elementalMg: 200, compoundMg: 1428)),
    .checkOff(TaskCheckOff(goal: .backStiffness, week: 1, taskID: "breathing")),
    .breathing(
        BreathingSession(
            patternID: "coherent", plannedSeconds: 300, actualSeconds: 298.5, cycles: 27, tensionBefore: 6, tensionAfter: 3)),
    .note("slept \"well\" — 8 h\n"),
    .redFlag("chest-pain"),
]
var entries = kinds.enumerated().map { i, kind in
    JournalEntry(id: "e\(i)", day: day.adding(days: i), time: i.isMultiple(of: 2) ? time : nil, kind: kind)
}
entries.append(JournalEntry(id: "dec", day: CalendarDay(year: 2026, month: 12, day: 1)!, kind: .note("next month")))
let journal = Journal(entries: entries)

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("magrelax-seeds-\(getpid())").path
defer { try? FileManager.default.removeItem(atPath: folder) }
let store = try Store(location: DataLocation(path: folder))
let emptyBackup = try store.exportJSON()
try store.save(journal, touched: JournalTouch(months: Set(journal.months), custom: true))

func write(_ target: String, _ name: String, _ data: Data) throws {
    let dir = out + "/" + target
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try data.write(to: URL(fileURLWithPath: dir + "/" + name))
}
for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("journal-") {
    try write("fuzz-month", name, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
}
try write("fuzz-import", "backup.json", try store.exportJSON())
try write("fuzz-import", "empty-backup.json", emptyBackup)
let catalogue = try Catalogue.embedded()
func catalogueSeed(_ name: String, _ key: String, _ items: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let index = UInt8(Catalogue.fileNames.firstIndex(of: name)!)
    try write("fuzz-catalogue", name, Data([index]) + (try encoder.encode([key: items])))
}
try catalogueSeed("sources.json", "sources", Array(catalogue.sources.prefix(2)))
try catalogueSeed("foods.json", "foods", Array(catalogue.foods.prefix(2)))
try catalogueSeed("forms.json", "forms", Array(catalogue.forms.prefix(2)))
try catalogueSeed("breathing.json", "patterns", Array(catalogue.breathing.prefix(2)))
try catalogueSeed("yoga.json", "poses", Array(catalogue.yoga.prefix(2)))
store.close()
