import MagRelaxCore
import TerminalUI

/// 4 Breathe: the breathing patterns (the catalogue's and the person's own) and the gentle yoga poses;
/// Enter on a pattern opens its session setup, then the paced session, then its summary.
public struct BreathePane: PaneModel, Hashable {
    var title: String { "Breathe" }
    public var browser = ListBrowser()
    /// What covers the list, if anything.
    public var screen: Screen?

    public enum Screen: Sendable, Hashable {
        case setup(BreatheSetup)
        case session(BreatheRun)
        case done(BreatheDone)
        case editor(PatternEditor)
    }

    public init() {}

    static let posePrefix = "pose:"
    static let customPrefix = "own:"

    /// Frame rates while a session runs: 10 a second while the breath bar moves; 2 a second in holds and
    /// the countdown, where only the seconds change (every phase boundary falls on the half-second grid).
    static let movingFramesPerSecond = 10
    static let stillFramesPerSecond = 2

    // MARK: The list

    func pattern(forItem id: String, _ ctx: PaneContext) -> BreathingPattern? {
        if id.hasPrefix(Self.customPrefix) {
            return ctx.journal.customPatterns.first { Self.customPrefix + $0.id == id }
        }
        return ctx.catalogue.breathing.first { $0.id == id }
    }

    static func timing(_ p: BreathingPattern) -> String {
        [p.inhale, p.holdIn, p.exhale, p.holdOut].map { Format.number($0) }.joined(separator: "·")
    }

    func items(_ ctx: PaneContext) -> [ListItem] {
        let group = "Breathing patterns (in·hold·out·hold s)"
        let patterns = ctx.catalogue.breathing.map { p in
            ListItem(id: p.id, group: group, text: TextWidth.padded(p.name, to: 22) + Self.timing(p),
                     search: p.name + " " + p.cues.joined(separator: " "))
        }
        let own = ctx.journal.customPatterns.map { p in
            ListItem(id: Self.customPrefix + p.id, group: "Your own patterns (n new, e edit, x delete)",
                     text: TextWidth.padded(TextWidth.truncated(p.name, to: 20), to: 22) + Self.timing(p), search: p.name)
        }
        let poses = ctx.catalogue.yoga.map { pose in
            ListItem(id: Self.posePrefix + pose.id, group: "Gentle yoga",
                     text: TextWidth.padded(TextWidth.truncated(pose.name, to: 20), to: 22) + pose.hold,
                     search: pose.name + " " + (pose.sanskrit ?? ""))
        }
        return patterns + own + poses
    }

    func detail(_ id: String, _ ctx: PaneContext) -> [DetailLine] {
        if id.hasPrefix(Self.posePrefix) {
            guard let pose = ctx.catalogue.yoga.first(where: { Self.posePrefix + $0.id == id }) else { return [] }
            return Self.poseLines(pose, ctx)
        }
        guard let p = pattern(forItem: id, ctx) else { return [] }
        return [.heading(p.name), .blank] + Self.patternLines(p, ctx) + [.blank, .dim("Enter: set up a session")]
    }

    /// A pose: name, hold, repeats, the steps, cautions and source (also the Plan pane's yoga tasks).
    static func poseLines(_ pose: YogaPose, _ ctx: PaneContext) -> [DetailLine] {
        let g = ctx.theme.glyphs
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

    /// Timing, dose, cues, cautions and source of a pattern.
    static func patternLines(_ p: BreathingPattern, _ ctx: PaneContext) -> [DetailLine] {
        let g = ctx.theme.glyphs
        var lines: [DetailLine] = [
            .field("In", Format.seconds(p.inhale)), .field("Hold (full)", Format.seconds(p.holdIn)),
            .field("Out", Format.seconds(p.exhale)), .field("Hold (empty)", Format.seconds(p.holdOut)),
        ]
        if p.alternateNostril { lines.append(.field("Round", "in left, out right, in right, out left")) }
        if !p.isCustom {
            let unit = p.dose.unit == .minutes ? "minutes" : (p.alternateNostril ? "rounds" : "breaths")
            let range = p.dose.min == p.dose.max ? "\(p.dose.min)" : "\(p.dose.min)–\(p.dose.max)"
            var dose = range + " " + unit
            if let later = p.dose.maxAfterFirstMonth { dose += " (up to \(later) after the first month)" }
            lines.append(.field("Dose", dose))
        }
        if !p.cues.isEmpty { lines += [.blank, .heading("Cues")] + p.cues.map { .bullet($0, glyph: g.bullet) } }
        if !p.cautions.isEmpty {
            lines += [.blank, .heading("Cautions")] + p.cautions.map { DetailLine(.warning, "\(g.bullet) \($0)", indent: 2) }
        }
        if let note = p.timingNote { lines += [.blank, .dim(note)] }
        lines.append(.dim("Source: " + (p.isCustom ? "your own pattern" : Format.source(p.source, ctx.catalogue))))
        return lines
    }

    /// The list leaves its last row to the practice stats once there is a profile.
    func listArea(_ ctx: PaneContext) -> Rect {
        let statsRows = ctx.profile == nil ? 0 : 2
        return Rect(x: ctx.area.x + 1, y: ctx.area.y, width: ctx.area.width - 2, height: ctx.area.height - statsRows)
    }

    // MARK: Keys

    public var capturesKeys: Bool { screen != nil || browser.capturesKeys }

    public mutating func handle(_ key: Key, context ctx: PaneContext) -> [PaneOutput]? {
        switch screen {
        case .setup(var setup): return handleSetup(key, &setup, ctx)
        case .session(var run): return handleSession(key, &run, ctx)
        case .done(let done): return handleDone(key, done, ctx)
        case .editor(var editor):
            switch editor.handle(key, profile: ctx.profile, existing: ctx.journal.customPatterns) {
            case .editing:
                screen = .editor(editor)
            case .cancel:
                screen = nil
            case .save(let pattern):
                screen = nil
                return [.record([.putCustomPattern(pattern)])]
            }
            return []
        case nil:
            return handleList(key, ctx)
        }
    }

    private mutating func handleList(_ key: Key, _ ctx: PaneContext) -> [PaneOutput]? {
        let items = self.items(ctx)
        let selected = browser.selected(in: items)
        let busy = browser.filtering
        if !busy, let item = selected, let p = pattern(forItem: item.id, ctx) {
            switch key {
            case .enter where !browser.isDetailOpen, .char("s"):
                screen = .setup(BreatheSetup(pattern: p, profile: ctx.profile, journal: ctx.journal, today: CalendarDay(ctx.now)))
                return []
            case .char("e") where p.isCustom:
                screen = .editor(PatternEditor(editing: p))
                return []
            case .char("x") where p.isCustom && !browser.isDetailOpen:
                return [.record([.removeCustomPattern(id: p.id)])]
            default:
                break
            }
        }
        if !busy, !browser.isDetailOpen, key == .char("n") {
            screen = .editor(PatternEditor())
            return []
        }
        var b = browser
        let used = b.handle(key, items: items, area: listArea(ctx), detail: { detail($0, ctx) })
        browser = b
        return used ? [] : nil
    }

    private mutating func handleSetup(_ key: Key, _ setup: inout BreatheSetup, _ ctx: PaneContext) -> [PaneOutput]? {
        switch key {
        case .escape, .char("q"):
            screen = nil
            return []
        case .left, .char("h"), .char("-"): setup.changeLength(by: -1)
        case .right, .char("l"), .char("+"): setup.changeLength(by: 1)
        case .char("m"): setup.switchUnit()
        case .up, .char("k"): setup.tensionBefore = TensionRating.step(setup.tensionBefore, by: 1)
        case .down, .char("j"): setup.tensionBefore = TensionRating.step(setup.tensionBefore, by: -1)
        case .char("b"): setup.bell.toggle()
        case .enter:
            screen = .session(BreatheRun(setup: setup, now: ctx.now))
            return []
        default:
            return nil
        }
        screen = .setup(setup)
        return []
    }

    private mutating func handleSession(_ key: Key, _ run: inout BreatheRun, _ ctx: PaneContext) -> [PaneOutput]? {
        let now = ctx.now.monotonic
        if run.confirmingEnd {
            switch key {
            case .char("y"), .char("Y"):
                finish(run, at: now)
                return []
            case .char("n"), .char("N"), .escape:
                run.confirmingEnd = false
                run.session.resume(at: now)
            default:
                return []
            }
            screen = .session(run)
            return []
        }
        switch key {
        case .ctrl("c"):
            return nil  // the shell quits
        case .char(" "):
            run.session.togglePause(at: now)
        case .escape, .char("q"):
            if run.breathingSeconds(at: now) < BreatheRun.keepAfterSeconds {
                // Under a minute: nothing worth keeping, back to the setup without asking.
                screen = .setup(run.setup)
                return []
            }
            run.session.pause(at: now)
            run.confirmingEnd = true
        default:
            // Every other key is taken, so a stray digit or Tab cannot leave the session.
            return []
        }
        screen = .session(run)
        return []
    }

    private mutating func finish(_ run: BreatheRun, at now: Double) {
        screen = .done(BreatheDone(setup: run.setup, summary: run.session.summary(at: now), started: run.started))
    }

    private mutating func handleDone(_ key: Key, _ done: BreatheDone, _ ctx: PaneContext) -> [PaneOutput]? {
        var done = done
        switch key {
        case .up, .char("k"): done.tensionAfter = TensionRating.step(done.tensionAfter, by: 1)
        case .down, .char("j"): done.tensionAfter = TensionRating.step(done.tensionAfter, by: -1)
        case .enter, .escape, .char("q"):
            // Leaving the summary keeps the session in the journal (and ticks the plan's task); without a
            // profile there is no journal to keep it in.
            screen = nil
            guard ctx.profile != nil else { return [] }
            // The session and its check-off are one batch: one save.
            var changes: [JournalChange] = [.add(done.entry)]
            if let check = done.planCheckOff(profile: ctx.profile, journal: ctx.journal, catalogue: ctx.catalogue) {
                changes.append(.add(check))
            }
            return [.record(changes)]
        default:
            return []
        }
        screen = .done(done)
        return []
    }

    // MARK: Time

    public func nextWakeup(context ctx: PaneContext) -> Double? {
        guard case .session(let run) = screen else { return nil }
        let now = ctx.now.monotonic
        let state = run.session.state(at: now)
        let moving = state.stage == .breathing && (state.phase == .inhale || state.phase == .exhale)
        return run.session.nextWakeup(
            at: now, framesPerSecond: moving ? Self.movingFramesPerSecond : Self.stillFramesPerSecond)
    }

    public mutating func tick(context ctx: PaneContext) -> [PaneOutput] {
        guard case .session(var run) = screen else { return [] }
        let now = ctx.now.monotonic
        let bells = run.bells(at: now)
        if run.session.isFinished(at: now) {
            finish(run, at: now)
        } else {
            screen = .session(run)
        }
        return bells
    }

    // MARK: Drawing

    public func render(into canvas: inout Canvas, context ctx: PaneContext) {
        switch screen {
        case .setup(let setup): BreatheScreens.setup(setup, into: &canvas, ctx)
        case .session(let run): BreatheScreens.session(run, into: &canvas, ctx)
        case .done(let done): BreatheScreens.done(done, into: &canvas, ctx)
        case .editor(let editor): editor.render(into: &canvas, area: ctx.area, theme: ctx.theme)
        case nil:
            browser.render(items(ctx), into: &canvas, area: listArea(ctx), theme: ctx.theme, detail: { detail($0, ctx) })
            if let profile = ctx.profile { BreatheScreens.stats(profile, into: &canvas, ctx) }
        }
    }

    public func hints(context ctx: PaneContext) -> [KeyHint] {
        switch screen {
        case .setup:
            return [KeyHint("Enter", "start"), KeyHint("←→", "length"), KeyHint("↑↓", "tension"),
                    KeyHint("b", "bell"), KeyHint("Esc", "back")]
        case .session(let run):
            if run.confirmingEnd { return [KeyHint("y", "end the session"), KeyHint("n", "keep going")] }
            return [KeyHint("Space", run.session.isPaused ? "resume" : "pause"), KeyHint("Esc", "end")]
        case .done:
            return [KeyHint("↑↓", "tension now"), KeyHint("Enter", "save and close")]
        case .editor:
            return PatternEditor.hints
        case nil:
            guard !browser.filtering, !browser.isDetailOpen,
                let item = browser.selected(in: items(ctx)), !item.id.hasPrefix(Self.posePrefix)
            else { return browser.hints }
            let own = item.id.hasPrefix(Self.customPrefix) ? [KeyHint("e", "edit"), KeyHint("x", "delete")] : []
            return [KeyHint("Enter", "set up a session"), KeyHint("↑↓", "move")] + own
                + [KeyHint("n", "new pattern"), KeyHint("/", "filter")]
        }
    }

    public func help(context: PaneContext) -> [HelpSection] {
        [
            HelpSection("Breathe", ListBrowser.listHelp + [
                KeyHint("Enter or s", "on a pattern: set up a session"),
                KeyHint("n", "new pattern of your own; e edits it, x deletes it"),
            ]),
            HelpSection("Session setup", [
                KeyHint("←→", "length (m: minutes or cycles)"), KeyHint("↑↓", "how tense you feel, 0–10 (optional)"),
                KeyHint("b", "bell at each phase: 1 ring in, 2 out"), KeyHint("Enter", "start"),
            ]),
            HelpSection("During a session", [
                KeyHint("Space", "pause / resume (paused time does not count)"),
                KeyHint("Esc or q", "end early (asks after the first minute)"),
            ]),
        ]
    }
}
