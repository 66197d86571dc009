import Foundation
import Testing

/// The Food pane in the real binary: logging food and a supplement past the limit, the day kept across
/// a restart, and `magrelax log` from the shell showing up in the pane.
@Suite("End to end: the food log")
struct FoodEndToEndTests {
    @Test(.timeLimit(.minutes(1)))
    func pumpkinSeedsAndASupplementPastTheLimitThenTheSameDayAfterARestart() throws {
        let s = try TmuxSession(width: 80, height: 24)
        try s.send("3")
        try s.waitFor("Nothing logged.")
        // Filter "pumpkin", add two servings of the first match (the raw kernels, 168 mg a serving).
        try s.send("/")
        try s.type("pumpkin")
        try s.send("Enter", "a")
        try s.waitFor("Amount  1_")
        try s.send("BSpace", "2")
        try s.waitFor("= 336 mg")
        try s.send("Enter")
        try s.waitFor("336 mg · 105% of RDA 320")
        // A dose of oxide past the 350 mg limit: logged, with the warning and its reason.
        try s.send("s", "a")
        try s.waitFor("Log a dose on")
        try s.type("400")
        try s.waitFor("= 400 mg elemental")
        try s.send("Enter")
        let day = try s.waitFor("Supplements  400 mg")
        #expect(day.contains("Diarrhoea is the first sign"), "\(framed(day))")
        #expect(day.contains("Total        736 mg"), "\(framed(day))")
        #expect(day.contains("above your upper limit of 350 mg/day"))
        try s.send("q")
        #expect(try s.waitForExit() == 0)

        try s.openWindow("again")
        try s.waitFor(" 1 Symptoms", in: "again")
        try s.send("3", to: "again")
        // The whole day, not the first rows of a frame still being written.
        let reopened = try s.waitUntil("the day after the restart", in: "again") {
            $0.contains("Supplements  400 mg") && $0.contains("Pumpkin seed ker") && $0.contains("Total        736 mg")
        }
        #expect(reopened.contains("Diarrhoea is the first sign"))
        #expect(reopened.contains("Total        736 mg"), "\(framed(reopened))")
        #expect(reopened.contains("Pumpkin seed ker") && reopened.contains("2 × 1 oz"))
        try s.send("q", to: "again")
        #expect(try s.waitForExit(in: "again") == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func whatMagrelaxLogWritesThePaneShows() throws {
        var warning = ""
        let s = try TmuxSession(width: 100, height: 30, prepare: { folder in
            let food = try runMagrelax(["--data-dir", folder.path, "log", "food", "banana", "--servings", "2"])
            #expect(food.status == 0, "\(food.err)")
            #expect(food.out.hasPrefix("Logged 2 servings (236 g) of Banana on "), "\(food.out)")
            #expect(food.out.contains("64 mg, 20% of your RDA of 320 mg/day (women 31+)"))
            let dose = try runMagrelax(["--data-dir", folder.path, "log", "supplement", "citrate", "--mg", "2500", "--compound"])
            #expect(dose.status == 0, "\(dose.err)")
            #expect(dose.out.contains("Logged Magnesium citrate (trimagnesium dicitrate): 405 mg elemental (2500 mg of compound)"))
            warning = dose.err
        })
        #expect(warning.contains("magrelax: Supplements: 405 mg, above your upper limit of 350 mg/day"), "\(warning)")
        try s.send("3")
        let day = try s.waitFor("Banana")
        #expect(day.contains("2 × 1 medium") && day.contains("64 mg"), "\(framed(day))")
        #expect(day.contains("2500 mg compound") && day.contains("405 mg"))
        #expect(day.contains("Diarrhoea is the first sign"))
        try s.send("q")
        #expect(try s.waitForExit() == 0)
    }

    @Test func badLogCommandsNameTheNearestAndWriteNothing() throws {
        let dir = NSTemporaryDirectory() + "magrelax-log-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try runMagrelax(["--data-dir", dir, "log", "food", "banana"])
        #expect(before.status != 0 && before.err.contains("no profile yet"))
        _ = try runMagrelax(["--data-dir", dir, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female", "--goal", "soreness"])
        let cases: [([String], String)] = [
            (["food", "pumpkn"], "no food \"pumpkn\"; nearest: "),
            (["supplement", "glycinat", "--mg", "200"], "nearest: glycinate"),
            (["food", "banana", "--servings", "1.3"], "Servings must be a number from 0.5 to 50, in halves"),
            (["food", "banana", "--servings", "1", "--grams", "100"], "not both"),
            (["food", "banana", "--date", "2026-02-30"], "Date must be a real day"),
            (["supplement", "sulfate-heptahydrate", "--mg", "100"], "not logged as a dose"),
            (["supplement", "oxide", "--mg", "0"], "The dose must be a number of mg from 1 to 10000."),
        ]
        for (arguments, message) in cases {
            let r = try runMagrelax(["--data-dir", dir, "log"] + arguments)
            #expect(r.status != 0, "\(arguments)")
            #expect(r.err.contains(message), "\(arguments): \(r.err)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!files.contains { $0.hasPrefix("journal-") }, "nothing was written: \(files)")
    }
}
