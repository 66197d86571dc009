// The screens in process at 120×40 with ten years of entries (Support/AppScenarios): each pane's full
// render into the Canvas, and a typical key in each pane through `update` plus the render after it,
// with the allocations each makes. Target: no render above 1 ms.
import AppScenarios
import Benchmark
import MagRelaxApp

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .mallocBytesCount],
        timeUnits: .microseconds, warmupIterations: 20, maxDuration: .seconds(2), maxIterations: 20_000)

    for screen in Screen.allCases {
        Benchmark("Render \(screen.rawValue)", configuration: configuration) { _, state in
            blackHole(view(state))
        } setup: {
            screen.state()
        }
    }

    for scenario in KeyScenario.all {
        Benchmark("Key \(scenario.name)", configuration: configuration) { benchmark, driver in
            driver.prepare()
            benchmark.startMeasurement()
            let canvas = driver.press()
            benchmark.stopMeasurement()
            blackHole(canvas)
            driver.finish()
        } setup: {
            KeyDriver(scenario)
        }
    }
}
