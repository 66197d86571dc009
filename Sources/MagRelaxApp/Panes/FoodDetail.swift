import MagRelaxCore
import TerminalUI

/// The detail views of the Food pane: one food, or one supplement form with a tablet weight.
enum FoodDetail {
    static func lines(_ food: Food, mark: FoodMark? = nil, _ ctx: PaneContext) -> [DetailLine] {
        let cat = ctx.catalogue
        var lines: [DetailLine] = [.heading(food.name)]
        switch mark {
        case .favourite?: lines.append(.good("A favourite of yours: listed first (f clears it)."))
        case .notForMe?: lines.append(.dim("Not for you: never suggested (n clears it)."))
        case nil: break
        }
        lines.append(.blank)
        // 28.35 g keeps both decimals, 14.5 g only the one it has.
        let grams = food.servingGrams.map { g in
            " (\(Format.number(g, decimals: (g * 10).rounded() == g * 10 ? 1 : 2)) g)"
        } ?? ""
        lines.append(.field("Per serving", Format.mg(food.mgPerServing) + " in " + food.serving + grams))
        lines.append(.field("Per 100 g", Format.mg(food.mgPer100g)))
        lines.append(.field("Per 100 kcal", Format.mg(food.mgPer100kcal)))
        lines.append(.field("Energy", energy(food)))
        // Shown because the guides speak of the calcium–magnesium balance.
        lines.append(.field("Calcium", mineral(food.calciumMgPerServing, per100g: food.calciumMgPer100g)))
        lines.append(.field("Potassium", mineral(food.potassiumMgPerServing, per100g: food.potassiumMgPer100g)))
        lines.append(rdaShare(food, cat.reference, profile: ctx.profile))
        lines.append(.field("Category", food.category.label))
        if food.isCustom {
            lines += [.blank, .dim("Your own food, from its label: e changes it, x removes it (entries already logged keep their figures).")]
        } else {
            lines.append(.field("USDA NDB", food.ndb ?? "none (label-dependent)"))
            if let note = food.note { lines += [.blank, .dim(note)] }
            lines += [.blank, .dim("Source: " + Format.source(food.source, cat))]
        }
        lines.append(.dim("a adds it to the day shown."))
        return lines
    }

    private static func energy(_ food: Food) -> String {
        guard let kcal = food.kcalPer100g else { return "not known" }
        var text = Format.number(kcal.rounded()) + " kcal per 100 g"
        if let g = food.servingGrams { text += ", " + Format.number((kcal * g / 100).rounded()) + " kcal per serving" }
        return text
    }

    /// "89 mg per serving (315 mg per 100 g)", or "not known".
    private static func mineral(_ perServing: Double?, per100g: Double?) -> String {
        guard let per100g else { return "not known" }
        let base = Format.mg(per100g) + " per 100 g"
        return perServing.map { Format.mg($0) + " per serving (" + base + ")" } ?? base
    }

    /// With a profile, the share of the person's own RDA: "Your RDA  49% of 320 mg/day, the RDA for women 31+".
    /// Without one, adults': "Adult RDA  37% of the RDA for men 31+ (420 mg/day); 49% for women 31+ (320 mg/day)".
    static func rdaShare(_ food: Food, _ ref: ReferenceTables, profile: Profile?) -> DetailLine {
        func share(_ rda: Int) -> String {
            food.percentOfNeed(rda).map { "\(Int($0.rounded()))%" } ?? "not known"
        }
        if let profile {
            guard let need = ref.need(for: profile) else { return .field("Your RDA", "not known") }
            return .field("Your RDA", "\(share(need.mg)) of \(need.mg) mg/day, the RDA for \(need.group)")
        }
        guard let adults = ref.adultNeeds else { return .field("Adult RDA", "not known") }
        return .field("Adult RDA", "\(share(adults.men.mg)) of the RDA for \(adults.men.group) (\(adults.men.mg) mg/day); "
            + "\(share(adults.women.mg)) for \(adults.women.group) (\(adults.women.mg) mg/day)")
    }

    static func lines(
        _ form: SupplementForm, tabletMg: Int, typing: String?, cautions: [SupplementCaution] = [], _ ctx: PaneContext
    ) -> [DetailLine] {
        let cat = ctx.catalogue
        let g = ctx.theme.glyphs
        var lines: [DetailLine] = [.heading(form.name)]
        if !form.topical && !cautions.isEmpty {
            // Where supplements are chosen, the person's cautions come first.
            lines += cautions.map { DetailLine($0.holdsSuggestions ? .danger : .warning, "\(g.bullet) \($0.text)", indent: 2) }
        }
        if form.topical {
            let grober = cat.source("grober-2017")?.title ?? "grober-2017"
            lines.append(.danger("Not a dose: no good evidence it raises magnesium (\(grober))."))
            lines.append(.text("A warm bath is relaxation, not a dose."))
        } else {
            lines.append(.dim("Taken by mouth"))
        }
        lines += [.blank, .field("Elemental Mg", FormTable.percent(form.elementalPercent) + "% of the compound's weight")]
        let ul = cat.reference.supplementLimit(for: ctx.profile)
        if !form.topical {
            if let typed = typing {
                lines.append(.field("Tablet", "type the compound weight in mg: \(typed)_  (Enter sets, Esc cancels)"))
            } else {
                let mg = form.elementalMg(compoundMg: Double(tabletMg))
                lines.append(.field("Tablet", "\(tabletMg) mg of compound holds \(Format.mg(mg)) of magnesium"))
                lines.append(DetailLine(.dim, TextWidth.padded("", to: 16) + "+ - change the weight, w types it; a logs a dose", indent: 16))
                if let ul, mg > Double(ul.mg) {
                    lines.append(DetailLine(.warning, "One such tablet holds more than the \(ul.mg) mg/day upper limit for supplements.", indent: 2))
                }
            }
        }
        lines.append(.field("Absorption", form.absorption))
        lines.append(.field("Gut effects", form.gutEffects))
        lines.append(.field("Typical use", form.typicalUse))
        lines.append(.field("Evidence", "\(form.evidenceStrength.label): \(form.evidence)"))
        if !form.topical {
            lines += [.blank, .heading("How much")]
            if let ul {
                let whose = ctx.profile.map { " at your age (\($0.ageYears)): \(ul.mg) mg/day (\(ul.agesText))" }
                    ?? ": \(ul.mg) mg/day for adults (\(ul.agesText))"
                lines.append(.bullet("Upper limit for supplemental magnesium" + whose + ". "
                    + "It guards against diarrhoea; magrelax never suggests more than this. "
                    + "EFSA sets \(cat.reference.efsaSupplementLimitMg) mg/day.", glyph: g.bullet))
            }
            lines.append(.bullet("Dose by the elemental magnesium printed on the label; convert from the compound's weight "
                + "(weight \(g == .ascii ? "x" : "×") % / 100, as above) only where the label gives the compound weight.",
                glyph: g.bullet))
        }
        var keys = [form.source] + form.noteSources
        if !form.topical { keys.append(cat.reference.source) }
        var seen = Set<String>()
        let titles = keys.filter { seen.insert($0).inserted }.map { Format.source($0, cat) }
        lines += [.blank, .dim("Sources: " + titles.joined(separator: "; "))]
        return lines
    }
}
