// The catalogue validator: the first input byte picks one catalogue file, the rest replaces it; the
// other files are the shipped ones. Loading may throw, never crash.
import FuzzDriver
import MagRelaxAssets
import MagRelaxCore

func fuzzCatalogue(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let name = Catalogue.fileNames[Int(data[0]) % Catalogue.fileNames.count]
    var files = EmbeddedAssets.files
    files[name] = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    _ = try? Catalogue.load(files: files)
    return 0
}

@main enum FuzzCatalogue {
    static func main() { runFuzzer { data, size in fuzzCatalogue(data, size) } }
}
