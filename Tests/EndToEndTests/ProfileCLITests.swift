import Foundation
import Testing

/// `magrelax profile`, `profile set`, `export` and `import`, run as the real binary.
@Suite("Command line: profile, export, import")
struct ProfileCLITests {
    func folder() -> String { NSTemporaryDirectory() + "magrelax-cli-\(UUID().uuidString.prefix(8))" }

    @Test func profileSetWithTheIssueExampleThenPrint() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let set = try runMagrelax([
            "--data-dir", dir, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female", "--goal",
            "back-stiffness", "--start-date", "2026-11-02", "--form", "glycinate", "--dose-mg", "200",
        ])
        #expect(set.status == 0, "\(set.err)")
        let shown = try runMagrelax(["--data-dir", dir, "profile"])
        #expect(shown.status == 0)
        #expect(shown.out.contains("Age:"))
        #expect(shown.out.contains("back-stiffness"))
        #expect(shown.out.contains("2026-11-02"))
        #expect(shown.out.contains("glycinate"))
        let saved = try String(contentsOfFile: dir + "/profile.json", encoding: .utf8)
        #expect(saved.contains("\"doseMg\":200"))
    }

    @Test(arguments: [
        (["--age", "0"], "Age must be a whole number of years from 1 to 120."),
        (["--goal", "relax"], "Goal must be one of: soreness, nerve-tension, back-stiffness, chronic-pain, tension-headache"),
        (["--dose-mg", "400"], "above the 350 mg/day upper limit"),
        (["--form", "unobtainium"], "Unknown supplement form \"unobtainium\""),
        (["--start-date", "2026-02-30"], "Date must be a real day"),
        (["--sex", "male", "--life-stage", "pregnant"], "Pregnant or breastfeeding needs sex set to female"),
    ])
    func aBadValueExitsNonZeroWithOneLineAndChangesNothing(flags: [String], message: String) throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try runMagrelax(["--data-dir", dir, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female", "--goal", "soreness"])
        let before = try String(contentsOfFile: dir + "/profile.json", encoding: .utf8)
        let bad = try runMagrelax(["--data-dir", dir, "profile", "set"] + flags)
        #expect(bad.status != 0)
        #expect(bad.err.split(separator: "\n").count == 1, "\(bad.err)")
        #expect(bad.err.contains(message), "\(bad.err)")
        #expect(try String(contentsOfFile: dir + "/profile.json", encoding: .utf8) == before)
    }

    @Test func firstProfileNeedsTheDisclaimer() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try runMagrelax(["--data-dir", dir, "profile", "set", "--age", "35", "--sex", "female", "--goal", "soreness"])
        #expect(r.status != 0)
        #expect(r.err.contains("--accept-disclaimer"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/profile.json"))
    }

    @Test func exportJSONAndCSVThenImportElsewhere() throws {
        let dir = folder()
        let other = folder()
        let file = folder() + ".json"
        defer {
            for path in [dir, other, file] { try? FileManager.default.removeItem(atPath: path) }
        }
        _ = try runMagrelax(["--data-dir", dir, "profile", "set", "--accept-disclaimer", "--age", "35", "--sex", "female", "--goal", "soreness"])
        let csv = try runMagrelax(["--data-dir", dir, "export", "--format", "csv"])
        #expect(csv.out == "id,date,time,type,item,amount,unit,details\r\n")
        let exported = try runMagrelax(["--data-dir", dir, "export", "--format", "json", "--output", file])
        #expect(exported.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let imported = try runMagrelax(["--data-dir", other, "import", file])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(try runMagrelax(["--data-dir", other, "profile"]).out == (try runMagrelax(["--data-dir", dir, "profile"])).out)
        // A bad file is refused and changes nothing.
        try Data("{\"schemaVersion\":1,\"format\":\"magrelax-backup\",\"journal\":{\"entries\":[1]}}".utf8)
            .write(to: URL(fileURLWithPath: file))
        let bad = try runMagrelax(["--data-dir", other, "import", file])
        #expect(bad.status != 0)
        #expect(bad.err.contains("Import refused, nothing changed"))
        #expect(try runMagrelax(["--data-dir", other, "profile"]).out.contains("soreness"))
    }
}
