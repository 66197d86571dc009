import MagRelaxCore
import TerminalUI

/// The detail views of the Food pane: one food, or one supplement form with a tablet weight.
enum FoodDetail {
    static func lines(_ food: Food, _ ctx: PaneContext) -> [DetailLine] {
        let cat = ctx.catalogue
        var lines: [DetailLine] = [.heading(food.name), .blank]
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
        lines.append(.field("Adult RDA", rdaShare(food, cat.reference)))
        lines.append(.field("Category", food.category.label))
        lines.append(.field("USDA NDB", food.ndb ?? "none (label-dependent)"))
        if let note = food.note { lines += [.blank, .dim(note)] }
        lines += [.blank, .dim("Source: " + Format.source(food.source, cat))]
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

    /// "37% of the RDA for men 31+ (420 mg/day); 49% for women 31+ (320 mg/day)".
    static func rdaShare(_ food: Food, _ ref: ReferenceTables) -> String {
        guard let adult = adultRDA(ref) else { return "not known" }
        func share(_ rda: Int) -> String {
            food.percentOfNeed(rda).map { "\(Int($0.rounded()))%" } ?? "not known"
        }
        return "\(share(adult.male)) of the RDA for men \(adult.ages) (\(adult.male) mg/day); "
            + "\(share(adult.female)) for women \(adult.ages) (\(adult.female) mg/day)"
    }

    /// The age shown for adult figures until the person's profile gives their own.
    static let adultAgeMonths = 31 * 12

    /// The RDA row for 31-year-olds, stretched over the older rows with the same figures, so that
    /// it is named as it applies ("31+").
    static func adultRDA(_ ref: ReferenceTables) -> (ages: String, male: Int, female: Int)? {
        guard let row = ref.rdaRow(ageMonths: adultAgeMonths) else { return nil }
        var end = row.maxMonths
        while let e = end, let next = ref.rdaRow(ageMonths: e + 1), next.male == row.male, next.female == row.female {
            end = next.maxMonths
        }
        let from = row.minMonths / 12
        let ages = end.map { "\(from)-\(($0 + 1) / 12 - 1)" } ?? "\(from)+"
        return (ages, row.male, row.female)
    }

    /// The supplement upper limit that applies to adults, and from what age it applies.
    static func adultUpperLimit(_ ref: ReferenceTables) -> (mg: Int, fromAge: Int)? {
        guard let row = ref.upperLimitRow(ageMonths: adultAgeMonths), let mg = row.mg else { return nil }
        return (mg, row.minMonths / 12)
    }

    static func lines(_ form: SupplementForm, tabletMg: Int, typing: String?, _ ctx: PaneContext) -> [DetailLine] {
        let cat = ctx.catalogue
        let g = ctx.theme.glyphs
        var lines: [DetailLine] = [.heading(form.name)]
        if form.topical {
            let grober = cat.source("grober-2017")?.title ?? "grober-2017"
            lines.append(.danger("Not a dose: no good evidence it raises magnesium (\(grober))."))
            lines.append(.text("A warm bath is relaxation, not a dose."))
        } else {
            lines.append(.dim("Taken by mouth"))
        }
        lines += [.blank, .field("Elemental Mg", FormTable.percent(form.elementalPercent) + "% of the compound's weight")]
        let ul = adultUpperLimit(cat.reference)
        if !form.topical {
            if let typed = typing {
                lines.append(.field("Tablet", "type the compound weight in mg: \(typed)_  (Enter sets, Esc cancels)"))
            } else {
                let mg = form.elementalMg(compoundMg: Double(tabletMg))
                lines.append(.field("Tablet", "\(tabletMg) mg of compound holds \(Format.mg(mg)) of magnesium"))
                lines.append(DetailLine(.dim, TextWidth.padded("", to: 16) + "+ - change the weight, t types it", indent: 16))
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
                lines.append(.bullet("Upper limit for supplemental magnesium: \(ul.mg) mg/day for adults (everyone aged \(ul.fromAge) and over). "
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
