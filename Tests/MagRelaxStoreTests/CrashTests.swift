import Foundation
import MagRelaxCore
import Testing

@testable import MagRelaxStore

/// Kills a real writer process (magrelax-crashwriter) with SIGKILL at random moments and checks,
/// after every kill, that the files decode and hold every entry whose save was acknowledged.
/// It takes half a minute, so it runs only with MAGRELAX_LONG_TESTS=1.
@Suite("Store: kill -9 during saves", .enabled(if: ProcessInfo.processInfo.environment["MAGRELAX_LONG_TESTS"] == "1"))
struct CrashTests {
    /// The helper is built next to the test bundle.
    static var writerPath: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = (exe as NSString).deletingLastPathComponent
        // The test binary may sit inside an .xctest bundle folder.
        while !dir.isEmpty && dir != "/" && !FileManager.default.fileExists(atPath: dir + "/magrelax-crashwriter") {
            dir = (dir as NSString).deletingLastPathComponent
        }
        return dir + "/magrelax-crashwriter"
    }

    @Test(.timeLimit(.minutes(1)))
    func everyAcknowledgedEntrySurvivesSIGKILL() throws {
        let folder = TestFolder()
        var acknowledged: [String] = []
        var round = 0
        var generator = SystemRandomNumberGenerator()
        let start = Date()
        // Hundreds of saves and dozens of kills; on a busy machine stop at 300 saves after 25 s.
        while acknowledged.count < 600 || round < 25 {
            if acknowledged.count >= 300 && round >= 25 && Date().timeIntervalSince(start) > 25 { break }
            round += 1
            let acks = try runAndKill(folder: folder, tag: "r\(round)", after: Double.random(in: 0.005...0.25, using: &generator))
            acknowledged += acks
            let store = try Store(location: folder.location, mode: .readOnly)
            #expect(store.damage.isEmpty, "round \(round): \(store.damage)")
            let ids = Set(store.journal.entries.map(\.id))
            let lost = acknowledged.filter { !ids.contains($0) }
            #expect(lost.isEmpty, "round \(round): lost \(lost.prefix(5))")
            if !lost.isEmpty || !store.damage.isEmpty { return }
        }
        // The last open read every month file in full.
        let final = try Store(location: folder.location)
        #expect(final.journal.entries.count >= acknowledged.count)
        print("crash test: \(round) kills, \(acknowledged.count) acknowledged entries, \(final.journal.entries.count) entries on disk")
    }

    /// Starts the writer, waits until it is ready, lets it save for `after` seconds, then SIGKILLs it.
    /// Returns the ids it acknowledged (printed after the save returned).
    func runAndKill(folder: TestFolder, tag: String, after: Double) throws -> [String] {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: Self.writerPath)
        child.arguments = [folder.path, tag]
        let out = Pipe()
        child.standardOutput = out
        try child.run()
        let reader = out.fileHandleForReading
        var text = ""
        while !text.contains("ready\n") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.hasPrefix("ready"), "writer did not start: \(text)")
        usleep(useconds_t(after * 1_000_000))
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        text += String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        // A line cut off by the kill was never a complete acknowledgement.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        return lines.filter { $0 != "ready" }
    }
}
