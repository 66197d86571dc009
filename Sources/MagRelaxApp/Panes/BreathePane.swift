import MagRelaxCore
import TerminalUI

/// 4 Breathe: the breathing patterns and the gentle yoga poses.
public struct BreathePane: BrowsingPane, Hashable {
    var title: String { "Breathe" }
    public var browser = ListBrowser()

    public init() {}

    static let posePrefix = "pose:"

    func items(_ ctx: PaneContext) -> [ListItem] {
        let patterns = ctx.catalogue.breathing.map { p in
            let timing = [p.inhale, p.holdIn, p.exhale, p.holdOut].map { Format.number($0) }.joined(separator: "·")
            return ListItem(id: p.id, group: "Breathing patterns (in·hold·out·hold s)",
                            text: TextWidth.padded(p.name, to: 22) + timing, search: p.name + " " + p.cues.joined(separator: " "))
        }
        let poses = ctx.catalogue.yoga.map { pose in
            ListItem(id: Self.posePrefix + pose.id, group: "Gentle yoga", text: TextWidth.padded(pose.name, to: 22) + pose.hold,
                     search: pose.name + " " + (pose.sanskrit ?? ""))
        }
        return patterns + poses
    }

    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine] {
        let g = ctx.theme.glyphs
        if id.hasPrefix(Self.posePrefix) {
            guard let pose = ctx.catalogue.yoga.first(where: { Self.posePrefix + $0.id == id }) else { return [] }
            var lines: [DetailLine] = [.heading(pose.name)]
            if let s = pose.sanskrit { lines.append(.dim(s)) }
            lines += [.blank, .field("Hold", pose.hold), .field("Repeats", pose.repeats), .blank, .heading("How")]
            lines += pose.steps.enumerated().map { DetailLine(.text, "\($0.offset + 1). \($0.element)", indent: 3) }
            if !pose.cautions.isEmpty {
                lines += [.blank, .heading("Cautions")] + pose.cautions.map { .bullet($0, glyph: g.bullet) }
            }
            lines += [.blank, .dim("Source: " + Format.source(pose.source, ctx.catalogue))]
            return lines
        }
        guard let p = ctx.catalogue.breathing.first(where: { $0.id == id }) else { return [] }
        var lines: [DetailLine] = [.heading(p.name), .blank]
        lines.append(.field("In", Format.seconds(p.inhale)))
        lines.append(.field("Hold (full)", Format.seconds(p.holdIn)))
        lines.append(.field("Out", Format.seconds(p.exhale)))
        lines.append(.field("Hold (empty)", Format.seconds(p.holdOut)))
        let unit = p.dose.unit == .minutes ? "minutes" : "rounds"
        let range = p.dose.min == p.dose.max ? "\(p.dose.min)" : "\(p.dose.min)–\(p.dose.max)"
        var dose = range + " " + unit
        if let later = p.dose.maxAfterFirstMonth { dose += " (up to \(later) after the first month)" }
        lines.append(.field("Dose", dose))
        if !p.cues.isEmpty { lines += [.blank, .heading("Cues")] + p.cues.map { .bullet($0, glyph: g.bullet) } }
        if !p.cautions.isEmpty { lines += [.blank, .heading("Cautions")] + p.cautions.map { DetailLine(.warning, "\(g.bullet) \($0)", indent: 2) } }
        if let note = p.timingNote { lines += [.blank, .dim(note)] }
        lines += [.blank, .dim("Source: " + Format.source(p.source, ctx.catalogue))]
        return lines
    }
}
