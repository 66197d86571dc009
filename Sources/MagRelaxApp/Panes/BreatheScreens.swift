import MagRelaxCore
import TerminalUI

/// Drawing of the Breathe pane's setup, session, summary and stats.
enum BreatheScreens {
    static let dizzyLine = "Stop if you feel dizzy or light-headed, and breathe normally."

    /// "m:ss".
    static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.up)))
        return "\(s / 60):" + (s % 60 < 10 ? "0" : "") + "\(s % 60)"
    }

    static func lengthText(_ length: SessionLength, unitName: String) -> String {
        switch length {
        case .minutes(let m): "\(Format.number(m)) min"
        case .cycles(let c): "\(c) \(unitName)"
        }
    }

    static func unitName(_ p: BreathingPattern, _ n: Int) -> String {
        (p.alternateNostril ? "round" : "breath") + (n == 1 ? "" : p.alternateNostril ? "s" : "s")
    }

    static func centered(_ text: String, in area: Rect, y: Int, style: Style, into canvas: inout Canvas) {
        let t = TextWidth.truncated(text, to: area.width)
        canvas.put(t, x: area.x + max(0, (area.width - TextWidth.width(t)) / 2), y: y, style: style, clip: area)
    }

    /// A page's title at the top left; returns the left column and the first row below it.
    static func header(_ title: String, style: Style, into canvas: inout Canvas, _ ctx: PaneContext) -> (x: Int, y: Int) {
        canvas.put(title, x: ctx.area.x + 2, y: ctx.area.y, style: style, clip: ctx.area)
        return (ctx.area.x + 2, ctx.area.y + 2)
    }

    // MARK: Setup

    static func setup(_ setup: BreatheSetup, into canvas: inout Canvas, _ ctx: PaneContext) {
        let theme = ctx.theme
        let area = ctx.area
        let p = setup.pattern
        let pacer = setup.pacer
        let top = header(p.name, style: theme.heading, into: &canvas, ctx)
        let x = top.x
        var y = top.y
        let unit = unitName(p, pacer.cycles)
        let rows: [(String, String, String)] = [
            ("Length", "‹ " + lengthText(setup.length, unitName: unit) + " ›",
             "\(pacer.cycles) \(unit), \(clock(pacer.practiceSeconds))"
                + (setup.cycleLimit.map { "  (at most \($0) for now)" } ?? "")),
            ("Tension now", "‹ " + TensionRating.text(setup.tensionBefore) + " ›", "optional, 0 none – 10 worst"),
            ("Bell cues", setup.bell ? "on" : "off", "1 ring in, 2 out"),
        ]
        for row in rows {
            canvas.put(row.0, x: x, y: y, style: theme.text)
            canvas.put(row.1, x: x + 14, y: y, style: theme.keyName)
            canvas.put(row.2, x: x + 32, y: y, style: theme.dim, clip: area)
            y += 1
        }
        if setup.holdsLeftOut {
            canvas.put("Holds left out: your profile records pregnancy or heart or lung disease.", x: x, y: y,
                       style: theme.warning, clip: area)
        }
        y += 1
        let detail = Rect(x: x, y: y, width: area.width - 4, height: area.maxY - 1 - y)
        ListBrowser.renderDetail(BreathePane.patternLines(p, ctx), scroll: 0, into: &canvas, area: detail, theme: theme)
        centered(dizzyLine, in: area, y: area.maxY - 1, style: theme.warning, into: &canvas)
    }

    // MARK: Session

    static func session(_ run: BreatheRun, into canvas: inout Canvas, _ ctx: PaneContext) {
        let theme = ctx.theme
        let area = ctx.area
        let now = ctx.now.monotonic
        let state = run.session.state(at: now)
        let pacer = run.session.pacer
        let p = pacer.pattern
        let paused = run.session.isPaused

        // Top line: pattern and cycle on the left, time left on the right.
        let cycle = min(state.cycleIndex + 1, pacer.cycles)
        let unit = p.alternateNostril ? "round" : "breath"
        canvas.put("\(p.name) · \(unit) \(cycle) of \(pacer.cycles)", x: area.x + 2, y: area.y, style: theme.heading)
        let left = clock(state.timeLeft) + " left"
        canvas.put(left, x: area.maxX - 2 - TextWidth.width(left), y: area.y, style: theme.text)

        let mid = area.y + max(3, area.height / 2 - 1)
        let label: String
        let count: String
        switch (paused, state.stage) {
        case (true, _):
            label = "Paused"
            count = run.confirmingEnd ? "" : "Space resumes"
        case (false, .getReady):
            label = "Get ready"
            count = "\(Int(state.secondsLeftInPhase.rounded(.up)))"
        case (false, .breathing):
            label = state.phase.label
            count = "\(Int(state.secondsLeftInPhase.rounded(.up)))"
        case (false, .finished):
            label = "Done"
            count = ""
        }
        let big = label.uppercased().map(String.init).joined(separator: " ")
        centered(big, in: area, y: mid - 3, style: paused ? theme.dim : theme.title, into: &canvas)
        centered(count, in: area, y: mid - 1, style: theme.text, into: &canvas)

        // The breath: a bar that widens from the middle as the lungs fill, over a dim track. At most 24
        // cells a side: each cell is a redraw, and fewer keep a session under 400 bytes a second.
        let half = max(4, min(24, area.width / 2 - 6))
        let filled = Int((state.breathSize * Double(half)).rounded())
        let centre = area.x + area.width / 2
        let dot = theme.glyphs == .ascii ? "." : "·"
        let block = theme.glyphs == .ascii ? "#" : "█"
        let track = String(repeating: dot, count: half - filled)
        let bar = String(repeating: block, count: filled)
        canvas.put(track, x: centre - half, y: mid + 1, style: theme.border)
        canvas.put(bar + bar, x: centre - filled, y: mid + 1, style: paused ? theme.dim : theme.accent)
        canvas.put(track, x: centre + filled, y: mid + 1, style: theme.border)

        // Nadi Shodhana: the nostril, on its own side of the screen.
        if !paused, let nostril = state.stage == .getReady ? pacer.steps.first?.nostril : state.nostril {
            let ascii = theme.glyphs == .ascii
            switch nostril {
            case .left:
                canvas.put((ascii ? "<< " : "◀ ") + "LEFT nostril", x: area.x + 2, y: mid - 3, style: theme.warning)
            case .right:
                let text = "RIGHT nostril" + (ascii ? " >>" : " ▶")
                canvas.put(text, x: area.maxX - 2 - TextWidth.width(text), y: mid - 3, style: theme.warning)
            }
        }

        if run.confirmingEnd {
            let spent = clock(run.breathingSeconds(at: now))
            centered("End the session now, after \(spent)?  y end · n keep going",
                     in: area, y: mid + 3, style: theme.warning, into: &canvas)
        } else if let cue = sessionCue(p, state) {
            centered(cue, in: area, y: mid + 3, style: theme.text, into: &canvas)
        }
        centered(dizzyLine, in: area, y: area.maxY - 1, style: theme.warning, into: &canvas)
    }

    /// Bhramari and Ujjayi carry a sound cue through the session (the cue that names the hum or the
    /// ocean sound); other patterns show none.
    static func sessionCue(_ p: BreathingPattern, _ state: PacerState) -> String? {
        guard state.stage != .finished else { return nil }
        return p.cues.first { cue in
            let words = cue.lowercased().split { !$0.isLetter }
            return words.contains { $0.hasPrefix("hum") && !$0.hasPrefix("humid") || $0 == "ocean" }
        }
    }

    // MARK: Summary

    static func done(_ done: BreatheDone, into canvas: inout Canvas, _ ctx: PaneContext) {
        let theme = ctx.theme
        let area = ctx.area
        let s = done.summary
        let top = header(s.completed ? "Session complete" : "Session ended early",
                         style: s.completed ? theme.good : theme.heading, into: &canvas, ctx)
        let x = top.x
        var y = top.y
        let unit = unitName(done.setup.pattern, s.plannedCycles)
        let rows: [(String, String)] = [
            ("Pattern", done.setup.pattern.name),
            ("Breathed", "\(clock(s.breathingSeconds)) of \(clock(s.plannedSeconds))"),
            ("Completed", "\(s.cyclesCompleted) of \(s.plannedCycles) \(unit)"),
            ("Tension before", TensionRating.text(done.setup.tensionBefore)),
        ]
        for row in rows {
            canvas.put(row.0, x: x, y: y, style: theme.text)
            canvas.put(row.1, x: x + 18, y: y, style: theme.text, clip: area)
            y += 1
        }
        canvas.put("Tension now", x: x, y: y, style: theme.text)
        canvas.put("‹ " + TensionRating.text(done.tensionAfter) + " ›", x: x + 18, y: y, style: theme.keyName)
        canvas.put("↑↓ to rate (optional)", x: x + 36, y: y, style: theme.dim, clip: area)
        y += 2
        let saved = ctx.profile == nil
            ? "Enter closes. Set up your profile (p) to keep sessions in your journal."
            : "Enter saves the session to your journal."
        canvas.drawParagraph(saved, in: Rect(x: x, y: y, width: area.width - 4, height: 2), style: theme.dim)
    }

    // MARK: Stats

    static func stats(_ profile: Profile, into canvas: inout Canvas, _ ctx: PaneContext) {
        let area = ctx.area
        let today = CalendarDay(ctx.now)
        let (week, month) = BreathingStats.weekAndFourWeeks(ctx.journal, today: today, weekStart: profile.weekStart)
        func part(_ s: BreathingStats) -> String {
            "\(s.sessions) session\(s.sessions == 1 ? "" : "s"), \(Int(s.minutes.rounded())) min"
        }
        var line = "This week: \(part(week))  ·  28 days: \(part(month))"
        if let change = month.averageChange {
            let sign = change > 0 ? "+" : ""
            line += "  ·  tension after − before: \(sign)\(Format.number(change))"
        }
        let y = area.maxY - 1
        canvas.put(String(repeating: ctx.theme.glyphs.horizontal, count: area.width - 2), x: area.x + 1, y: y - 1,
                   style: ctx.theme.border)
        canvas.put(TextWidth.truncated(line, to: area.width - 4), x: area.x + 2, y: y, style: ctx.theme.dim)
    }
}
