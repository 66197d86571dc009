import MagRelaxApp
import MagRelaxCore
import SnapshotTesting
import TerminalUI

/// Compares a rendered screen, as the text a person would read, with the recorded snapshot
/// (Tests/MagRelaxAppTests/__Snapshots__/<test file>/). A missing snapshot is recorded and the test
/// fails once; `SNAPSHOT_TESTING_RECORD=all` re-records every snapshot.
func assertSnapshot(
    _ canvas: Canvas, named name: String,
    fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
    line: UInt = #line, column: UInt = #column
) {
    SnapshotTesting.assertSnapshot(
        of: canvas.text, as: .lines, named: name,
        fileID: fileID, file: file, testName: testName, line: line, column: column)
}

/// Like `assertSnapshot`, with a line per styled run after the text ("row 5 col 1-78: selected"), so the
/// snapshot also states what is highlighted or marked as a warning.
func assertStyledSnapshot(
    _ canvas: Canvas, named name: String, theme: Theme = Theme(unicode: true),
    fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
    line: UInt = #line, column: UInt = #column
) {
    SnapshotTesting.assertSnapshot(
        of: canvas.styledText(names: theme.styleNames), as: .lines, named: name,
        fileID: fileID, file: file, testName: testName, line: line, column: column)
}

/// An app over the embedded catalogue at the given size.
func makeState(width: Int = 80, height: Int = 24) throws -> AppState {
    AppState(catalogue: try Catalogue.embedded(), width: width, height: height)
}

/// Feeds keys to `update` in order and returns every effect they caused.
@discardableResult
func press(_ keys: [Key], _ state: inout AppState) -> [Effect] {
    keys.flatMap { update(&state, .key($0)) }
}

/// Keys for each character of `text`.
func typed(_ text: String) -> [Key] { text.map { .char($0) } }
