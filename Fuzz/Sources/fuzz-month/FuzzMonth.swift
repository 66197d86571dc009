// Month files: both readers may refuse the input, but whenever the fast reader reads it the Codable
// path (the truth) reads it too, to the same month and entries; and nothing crashes.
import FuzzDriver
import MagRelaxStore

func fuzzMonth(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let (fast, codable) = MonthDecoding.bothWays(bytes)
    if let fast {
        guard let codable else { fatalError("the fast reader accepted a month file the Codable path refuses") }
        precondition(fast == codable, "the readers disagree: fast \(fast), Codable \(codable)")
    }
    return 0
}

@main enum FuzzMonth {
    static func main() { runFuzzer { data, size in fuzzMonth(data, size) } }
}
