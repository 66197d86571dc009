// Runs one AppBenchmarks case N times outside the benchmark harness, for a profiler that counts
// instructions (repeatable on a noisy machine), e.g.:
//   valgrind --tool=callgrind --toggle-collect='*measured*' .build/release/profile-app render "Food list" 200
// `profile-app list` names the cases; `show` prints the screen a case measures.
import AppScenarios
import Foundation
import MagRelaxApp
import TerminalUI

@inline(never) func measured(_ body: () -> Void) { body() }

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = "usage: profile-app list | render SCREEN [N] | key SCENARIO [N] | show render|key NAME"

func die(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

switch arguments.first {
case "list":
    for screen in Screen.allCases { print("render \"\(screen.rawValue)\"") }
    for scenario in KeyScenario.all { print("key \"\(scenario.name)\"") }
case "render", "key", "show":
    guard arguments.count >= 2 else { die(usage) }
    var kind = arguments[0]
    var name = arguments[1]
    if kind == "show" {
        guard arguments.count == 3 else { die(usage) }
        kind = arguments[1]
        name = arguments[2]
    }
    let count = arguments[0] == "show" ? 1 : (arguments.count > 2 ? Int(arguments[2]) ?? 1 : 100)
    if kind == "render" {
        guard let screen = Screen(rawValue: name) else { die("no screen \"\(name)\"; see `profile-app list`") }
        let state = screen.state()
        var canvas: Canvas?
        for _ in 0..<count { measured { canvas = view(state) } }
        if arguments[0] == "show", let canvas { print(canvas.text) }
    } else {
        guard let scenario = KeyScenario.all.first(where: { $0.name == name }) else {
            die("no key scenario \"\(name)\"; see `profile-app list`")
        }
        let driver = KeyDriver(scenario)
        var canvas: Canvas?
        for _ in 0..<count {
            driver.prepare()
            measured { canvas = driver.press() }
            driver.finish()
        }
        if arguments[0] == "show", let canvas { print(canvas.text) }
    }
default:
    die(usage)
}
