import MagRelaxCore

/// Number formatting for health figures: whole numbers stay whole, others keep one decimal.
enum Format {
    static func number(_ v: Double, decimals: Int = 1) -> String {
        if v == v.rounded() { return String(Int(v)) }
        return v.fixed(decimals)
    }

    static func mg(_ v: Double?) -> String {
        guard let v else { return "not known" }
        return number(v.rounded()) + " mg"
    }

    static func seconds(_ v: Double) -> String { number(v) + " s" }

    /// "Source: NIH ODS fact sheet" for a source key, or the key itself if unknown.
    static func source(_ key: String, _ catalogue: Catalogue) -> String {
        catalogue.source(key)?.title ?? key
    }
}
