import MagRelaxCore
import TerminalUI

/// What is open over the Food pane's view.
public enum FoodPrompt: Sendable, Hashable {
    /// How much of a food, to add or to change an entry.
    case amount(AmountPrompt)
    /// A supplement dose, to add or to change an entry.
    case dose(DosePrompt)
    /// A food of the person's own, new or changed.
    case customFood(CustomFoodForm)
    /// "Remove …? y / n".
    case confirm(FoodRemoval)
}

public enum FoodRemoval: Sendable, Hashable {
    case entry(id: String, what: String)
    case food(id: String, name: String)
}

/// The amount of a food being added or changed: servings (halves) or grams, prefilled with one serving.
public struct AmountPrompt: Sendable, Hashable {
    public var foodID: String
    /// The entry being changed; nil when adding.
    public var entry: JournalEntry?
    public var field: TextField
    public var unit: FoodUnit

    static func field(_ text: String) -> TextField { TextField(text, maxLength: 7, filter: .decimal) }

    public init(adding food: Food) {
        foodID = food.id
        field = Self.field("1")
        unit = .servings
    }

    public init(changing entry: JournalEntry, serving: FoodServing) {
        foodID = serving.foodID
        self.entry = entry
        field = Self.field(NumberText.plain((serving.amount.value * 10).rounded() / 10))
        unit = serving.unit
    }

    var kept: FoodServing? {
        if case .food(let f)? = entry?.kind { return f }
        return nil
    }

    /// The food as it is now; nil when it was removed (the entry's kept figures stand in for it).
    func food(_ ctx: PaneContext) -> Food? {
        Library(catalogue: ctx.catalogue, journal: ctx.journal).food(id: foodID)
    }

    func takesGrams(_ food: Food?) -> Bool { food?.takesGrams ?? (kept?.grams != nil) }

    /// Grams in one serving: the food's, or what the entry kept.
    func gramsPerServing(_ food: Food?) -> Double? {
        if let food { return food.servingGrams }
        guard let kept, let grams = kept.grams, kept.servings > 0 else { return nil }
        return grams / kept.servings
    }

    /// What Enter logs, or why it cannot.
    func result(_ ctx: PaneContext) -> Result<FoodServing, FoodLogError> {
        let food = food(ctx)
        let name = food?.name ?? LoggedMagnesium.removedFoodName
        return FoodLog.amount(field.text, unit: unit, takesGrams: takesGrams(food), name: name).flatMap { amount in
            if let kept { return .success(kept.changed(to: amount, food: food)) }
            guard let food else { return .failure(.notANumber(unit)) }
            return .success(FoodLog.serving(of: food, amount))
        }
    }

    /// Servings to grams and back, keeping the amount. False when grams cannot be given.
    mutating func switchUnit(_ food: Food?) -> Bool {
        guard takesGrams(food) else { return false }
        let value = Double(field.text)
        let per = gramsPerServing(food)
        unit = unit == .servings ? .grams : .servings
        if let value, let per, per > 0 {
            // Whole grams from servings, as labels give them.
            field.set(NumberText.plain(onSteps(unit == .grams ? (value * per).rounded() : value / per)))
        }
        return true
    }

    /// ↑ ↓: half a serving, or ten grams, more or less.
    mutating func step(up: Bool) {
        let value = Double(field.text) ?? (unit == .servings ? 1 : 100)
        field.set(NumberText.plain(onSteps(value + (up ? 1 : -1) * (unit == .servings ? 0.5 : 10))))
    }

    /// An amount worked out for the field: in halves of a serving or tenths of a gram, within the
    /// unit's bounds, so it always fits the field (a typed 0.000001 stepped up read 0.500001).
    private func onSteps(_ value: Double) -> Double {
        let range = unit == .servings ? FoodLog.servingsRange : FoodLog.gramsRange
        let per = unit == .servings ? 2.0 : 10.0
        return min(max((value * per).rounded() / per, range.lowerBound), range.upperBound)
    }
}

/// A supplement dose being logged or changed: elemental mg (what most labels print) or compound mg.
public struct DosePrompt: Sendable, Hashable {
    public var formID: String
    public var entry: JournalEntry?
    public var field: TextField
    public var compound: Bool

    static func field(_ text: String) -> TextField { TextField(text, maxLength: 6, filter: .decimal) }

    /// The profile's dose when this is its form, else empty.
    public init(adding form: SupplementForm, profile: Profile?) {
        formID = form.id
        let dose = profile?.supplementFormID == form.id && (profile?.doseMg ?? 0) > 0 ? profile?.doseMg : nil
        field = Self.field(dose.map(NumberText.plain) ?? "")
        compound = false
    }

    public init(changing entry: JournalEntry, dose: SupplementDose) {
        formID = dose.formID
        self.entry = entry
        compound = dose.compoundMg != nil
        field = Self.field(NumberText.plain(((dose.compoundMg ?? dose.elementalMg) * 10).rounded() / 10))
    }

    func form(_ ctx: PaneContext) -> SupplementForm? { ctx.catalogue.form(id: formID) }

    func result(_ form: SupplementForm) -> Result<SupplementDose, SupplementLogError> {
        SupplementLog.amount(field.text, compound: compound).flatMap { SupplementLog.dose(form, $0) }
    }

    /// Elemental to compound and back, keeping the dose.
    mutating func switchUnit(_ form: SupplementForm) {
        let value = Double(field.text)
        compound.toggle()
        guard let value else { return }
        let converted = compound ? form.compoundMg(elementalMg: value) : form.elementalMg(compoundMg: value)
        // Within the dose bounds, as it fits the field.
        let range = SupplementLog.mgRange
        if let converted { field.set(NumberText.plain(min(max(converted.rounded(), range.lowerBound), range.upperBound))) }
    }

    /// The day's supplements with this dose in place of the entry being changed.
    func check(_ dose: SupplementDose?, _ ctx: PaneContext) -> SupplementCheck {
        let day = DayMagnesium(day: entry?.day ?? ctx.day, journal: ctx.journal, catalogue: ctx.catalogue, profile: ctx.profile)
        let others = day.items.filter { $0.isSupplement && $0.entry.id != entry?.id }.compactMap(\.mg).reduce(0, +)
        return SupplementCheck(supplementMg: others + (dose?.elementalMg ?? 0), profile: ctx.profile, reference: ctx.catalogue.reference)
    }
}

/// What a key did to an open prompt.
enum FoodPromptOutcome {
    case stay(FoodPrompt)
    case bell(FoodPrompt)
    case cancel
    /// Close it and record; `showDay` shows the day next.
    case record([JournalChange], showDay: Bool)
}

/// Keys, lines and drawing of the prompts.
enum FoodPrompts {
    /// The prompt that changes an entry; nil for an entry it cannot change (a form no longer known).
    static func change(_ entry: JournalEntry, _ ctx: PaneContext) -> FoodPrompt? {
        switch entry.kind {
        case .food(let f): return .amount(AmountPrompt(changing: entry, serving: f))
        case .supplement(let s):
            guard let form = ctx.catalogue.form(id: s.formID), !form.topical else { return nil }
            return .dose(DosePrompt(changing: entry, dose: s))
        default: return nil
        }
    }

    /// The entry changed to `kind`, or a new one on the day shown (today's with the time).
    private static func save(_ kind: EntryKind, changing entry: JournalEntry?, showDay: Bool, _ ctx: PaneContext) -> FoodPromptOutcome {
        if var entry {
            entry.kind = kind
            return .record([.update(entry)], showDay: showDay)
        }
        return .record([.add(JournalEntry(id: JournalEntry.newID, day: ctx.day, time: ctx.entryTime, kind: kind))], showDay: showDay)
    }

    static func handle(_ key: Key, _ prompt: FoodPrompt, _ ctx: PaneContext) -> FoodPromptOutcome {
        switch prompt {
        case .amount(var p):
            let food = p.food(ctx)
            switch key {
            case .escape: return .cancel
            case .enter:
                guard case .success(let serving) = p.result(ctx) else { return .bell(prompt) }
                return save(.food(serving), changing: p.entry, showDay: false, ctx)
            case .tab, .backTab, .char("g"):
                return p.switchUnit(food) ? .stay(.amount(p)) : .bell(prompt)
            case .up, .down:
                p.step(up: key == .up)
            default:
                _ = p.field.handle(key)
            }
            return .stay(.amount(p))
        case .dose(var p):
            guard let form = p.form(ctx) else { return .cancel }
            switch key {
            case .escape: return .cancel
            case .enter:
                guard case .success(let dose) = p.result(form) else { return .bell(prompt) }
                return save(.supplement(dose), changing: p.entry, showDay: true, ctx)
            case .tab, .backTab, .char("c"):
                p.switchUnit(form)
            default:
                _ = p.field.handle(key)
            }
            return .stay(.dose(p))
        case .customFood(var form):
            switch form.handle(key, existing: ctx.journal.customFoods) {
            case .editing: return .stay(.customFood(form))
            case .cancel: return .cancel
            case .save(let food): return .record([.putCustomFood(food)], showDay: false)
            }
        case .confirm(let removal):
            switch key {
            case .char("y"), .char("Y"):
                switch removal {
                case .entry(let id, _): return .record([.remove(id: id)], showDay: false)
                case .food(let id, _): return .record([.removeCustomFood(id: id)], showDay: false)
                }
            case .char("n"), .char("N"), .escape: return .cancel
            default: return .stay(prompt)
            }
        }
    }

    // MARK: Drawing

    /// The box's title and its lines below the amount line (the amount line is drawn with the field).
    static func content(_ prompt: FoodPrompt, _ ctx: PaneContext) -> (title: String, lead: String?, lines: [DetailLine]) {
        let day = FoodDayView.dayLabel(ctx.day, today: ctx.today)
        let g = ctx.theme.glyphs
        switch prompt {
        case .amount(let p):
            let food = p.food(ctx)
            let title = (p.entry == nil ? "Add to " + day : "Change " + (food?.name ?? LoggedMagnesium.removedFoodName))
            var about = food.map { f in
                f.name + " · 1 serving = " + f.serving + (f.servingGrams.map { " (" + NumberText.plain($0) + " g)" } ?? "")
                    + (f.mgPerServing.map { " · " + NumberText.mg($0) } ?? " · magnesium not known")
            } ?? "A food you removed: its logged figures are kept and scaled."
            if food?.takesGrams == false { about += " · servings only" }
            var lines: [DetailLine] = []
            switch p.result(ctx) {
            case .success:
                lines.append(.dim(p.unit == .servings ? "Servings go in halves." : "Grams eaten."))
            case .failure(let error): lines.append(.warning(error.description))
            }
            return (title, about, lines)
        case .dose(let p):
            guard let form = p.form(ctx) else { return ("", nil, []) }
            let title = (p.entry == nil ? "Log a dose on " + day : "Change this dose")
            let about = form.name + " · " + FormTable.percent(form.elementalPercent) + "% elemental magnesium"
            var lines: [DetailLine] = []
            let result = p.result(form)
            if case .failure(let error) = result, !p.field.text.isEmpty { lines.append(.warning(error.description)) }
            let check = p.check(try? result.get(), ctx)
            if let warning = check.warning {
                lines.append(check.warns ? .warning(warning) : .text(warning))
            } else if let limit = check.limit {
                lines.append(.dim("Supplements that day with this dose: \(NumberText.mg(check.supplementMg)) of your "
                    + "\(limit.mg) mg/day limit. Food never counts toward it."))
            }
            let cautions = SupplementCautions.list(profile: ctx.profile, journal: ctx.journal, today: ctx.today, catalogue: ctx.catalogue)
            lines += cautions.map { DetailLine($0.holdsSuggestions ? .danger : .warning, "\(g.bullet) \($0.text)", indent: 2) }
            return (title, about, lines)
        case .confirm(.entry(_, let what)):
            return ("Remove from " + day, nil, [.text("Remove \(what) from the log? y removes it, n keeps it.")])
        case .confirm(.food(_, let name)):
            return ("Remove your food", nil, [.text("Remove \(name) from your foods? Entries already logged keep their figures. y removes it, n keeps it.")])
        case .customFood:
            return ("", nil, [])
        }
    }

    /// Rows the box takes: its border, the description, the amount line, the wrapped lines.
    static func height(_ prompt: FoodPrompt, _ ctx: PaneContext) -> Int {
        let (_, lead, lines) = content(prompt, ctx)
        let hasField = prompt.hasField
        let body = (lead == nil ? 0 : 1) + (hasField ? 1 : 0) + DetailLine.layout(lines, width: max(1, ctx.area.width - 4)).count
        return min(body + 2, max(3, ctx.area.height - 2))
    }

    static func render(_ prompt: FoodPrompt, into canvas: inout Canvas, _ ctx: PaneContext) {
        let theme = ctx.theme
        let height = height(prompt, ctx)
        let box = Rect(x: ctx.area.x, y: ctx.area.maxY - height, width: ctx.area.width, height: height)
        let (title, lead, lines) = content(prompt, ctx)
        canvas.fill(box)
        canvas.drawBox(box, title: title, style: theme.border, titleStyle: theme.heading, glyphs: theme.glyphs)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        var y = inner.y
        if let lead {
            canvas.put(TextWidth.truncated(theme.plain(lead), to: inner.width, ellipsis: theme.glyphs.ellipsis), x: inner.x, y: y, style: theme.dim, clip: inner)
            y += 1
        }
        if prompt.hasField {
            drawField(prompt, into: &canvas, x: inner.x, y: y, width: inner.width, ctx)
            y += 1
        }
        for line in DetailLine.layout(lines, width: inner.width) where y < inner.maxY {
            canvas.put(line.text, x: inner.x, y: y, style: theme.style(for: line.kind), clip: inner)
            y += 1
        }
    }

    /// "Amount  2_  servings  = 312 mg", "Dose  1000_  mg of compound  = 162 mg elemental".
    private static func drawField(_ prompt: FoodPrompt, into canvas: inout Canvas, x: Int, y: Int, width: Int, _ ctx: PaneContext) {
        let theme = ctx.theme
        let fieldWidth = 8
        var label = "", field = TextField(), unit = "", result = ""
        switch prompt {
        case .amount(let p):
            label = "Amount"
            field = p.field
            unit = p.unit == .servings ? (Double(p.field.text) == 1 ? "serving" : "servings") : "g"
            if case .success(let serving) = p.result(ctx) {
                result = "= " + (serving.mg.map(NumberText.mg) ?? "magnesium not known")
                if p.unit == .servings, let grams = serving.grams { result += " (" + NumberText.plain(grams.rounded()) + " g)" }
            }
        case .dose(let p):
            label = "Dose"
            field = p.field
            unit = p.compound ? "mg of compound" : "mg elemental"
            if let form = p.form(ctx), case .success(let dose) = p.result(form) {
                result = "= " + form.bothWays(elementalMg: dose.elementalMg, compoundMg: dose.compoundMg)
            }
        default:
            return
        }
        var col = x + canvas.put(TextWidth.padded(label, to: 8), x: x, y: y, style: theme.text)
        field.render(into: &canvas, area: Rect(x: col, y: y, width: fieldWidth, height: 1), style: theme.selected)
        col += fieldWidth + 1
        col += canvas.put(unit, x: col, y: y, style: theme.text)
        canvas.put("  " + result, x: col, y: y, style: theme.good, clip: Rect(x: x, y: y, width: width, height: 1))
    }

    static func hints(_ prompt: FoodPrompt, _ ctx: PaneContext) -> [KeyHint] {
        switch prompt {
        case .amount(let p):
            let grams = p.takesGrams(p.food(ctx)) ? [KeyHint("Tab", p.unit == .servings ? "grams" : "servings")] : []
            return [KeyHint("Enter", p.entry == nil ? "add" : "change")] + grams
                + [KeyHint("↑↓", "more or less"), KeyHint("Esc", "cancel")]
        case .dose(let p):
            return [KeyHint("Enter", p.entry == nil ? "log" : "change"), KeyHint("Tab", p.compound ? "elemental mg" : "compound mg"),
                    KeyHint("Esc", "cancel")]
        case .customFood: return CustomFoodForm.hints
        case .confirm: return [KeyHint("y", "remove"), KeyHint("n", "keep")]
        }
    }
}

extension FoodPrompt {
    var hasField: Bool {
        switch self {
        case .amount, .dose: true
        case .customFood, .confirm: false
        }
    }
}
