import MagRelaxCore
import TerminalUI

extension ProfileScreen {
    static let welcomeText = [
        "magrelax helps with muscle tension: magnesium from food first and supplements second, gentle yoga, "
            + "paced breathing, and a private journal kept in files on this computer.",
        "It is education, not medical advice. See a clinician before taking magnesium supplements if you have "
            + "kidney disease, take medicines (bisphosphonates, tetracycline or quinolone antibiotics, diuretics, "
            + "proton-pump inhibitors), or are pregnant or breastfeeding.",
        "Red-flag symptoms (such as a sudden worst-ever headache, or numbness that spreads) need medical care, "
            + "not a plan: magrelax will say so when you record one.",
        "Press Enter to accept this and set up your profile, or q to quit.",
    ]

    func render(into canvas: inout Canvas, area: Rect, theme: Theme, catalogue: Catalogue) {
        canvas.fill(area)
        let inner = Rect(x: area.x + 2, y: area.y, width: max(0, min(area.width - 4, 78)), height: area.height)
        switch stage {
        case .welcome: renderWelcome(into: &canvas, inner, theme)
        case .form: renderForm(into: &canvas, inner, theme, catalogue)
        }
    }

    private func renderWelcome(into canvas: inout Canvas, _ inner: Rect, _ theme: Theme) {
        canvas.put("Welcome to magrelax", x: inner.x, y: inner.y, style: theme.heading, clip: inner)
        var y = inner.y + 2
        for (i, paragraph) in ProfileScreen.welcomeText.enumerated() {
            let style = i == 1 ? theme.warning : (i == ProfileScreen.welcomeText.count - 1 ? theme.keyName : theme.text)
            for line in TextWrap.wrap(paragraph, width: inner.width) where y < inner.maxY {
                canvas.put(line, x: inner.x, y: y, style: style, clip: inner)
                y += 1
            }
            y += 1
        }
    }

    private func value(_ row: Row, _ catalogue: Catalogue) -> String {
        func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }
        switch row {
        case .age: return age.text
        case .sex: return sex.rawValue
        case .lifeStage: return lifeStage.word
        case .kidney: return yesNo(kidney)
        case .heartLung: return yesNo(heartLung)
        case .medicine(let m): return yesNo(medicines.contains(m))
        case .goal: return goal.label
        case .form: return formID.map { id in catalogue.form(id: id)?.name ?? id } ?? "none (food only)"
        case .dose: return dose.text
        case .clinician: return yesNo(clinician)
        case .weekStart: return weekStart.rawValue.capitalized
        case .bell: return yesNo(bell)
        case .planStart: return start.text
        }
    }

    private func renderForm(into canvas: inout Canvas, _ inner: Rect, _ theme: Theme, _ catalogue: Catalogue) {
        let title = firstStart ? "Your profile (first start)" : "Your profile"
        canvas.put(title, x: inner.x, y: inner.y, style: theme.heading, clip: inner)
        canvas.put(
            "Checked as you type; Enter on the last field saves.", x: inner.x, y: inner.y + 1, style: theme.dim,
            clip: inner)
        let issues = issues(catalogue)
        let labelWidth = min((ProfileScreen.rows.map { TextWidth.width($0.label) }.max() ?? 0) + 2, inner.width / 2)
        // Each field's line, then its message lines; the window scrolls to keep the current field in view.
        var lines: [(text: String, value: String, style: Style, selected: Bool, field: TextField?)] = []
        var currentLine = 0
        for (i, row) in ProfileScreen.rows.enumerated() {
            let selected = i == self.row
            if selected { currentLine = lines.count }
            var shown = value(row, catalogue)
            let field = selected ? ProfileScreen.textField(row).map { self[keyPath: $0] } : nil
            if selected && field == nil {
                shown = theme.glyphs == .ascii ? "< \(shown) >" : "‹ \(shown) ›"
            }
            lines.append((TextWidth.padded(row.label, to: labelWidth), shown, theme.text, selected, field))
            let isLastOfGroup = !(ProfileScreen.rows.indices.contains(i + 1) && ProfileScreen.rows[i + 1].field == row.field)
            if isLastOfGroup, let issue = issues[row.field] {
                let style = issue.severity == .error ? theme.danger : theme.warning
                for line in TextWrap.wrap(issue.message, width: max(10, inner.width - 4)) {
                    lines.append(("    " + line, "", style, false, nil))
                }
            }
        }
        let listTop = inner.y + 3
        let listHeight = max(0, inner.height - 5)
        let first = min(max(0, currentLine - listHeight + 2), max(0, lines.count - listHeight))
        for (k, line) in lines.dropFirst(first).prefix(listHeight).enumerated() {
            let y = listTop + k
            if let field = line.field {
                canvas.put(line.text, x: inner.x, y: y, style: theme.keyName, clip: inner)
                let box = Rect(x: inner.x + labelWidth, y: y, width: max(0, inner.maxX - inner.x - labelWidth), height: 1)
                field.render(into: &canvas, area: box, style: theme.selected)
            } else if line.value.isEmpty {
                canvas.put(line.text, x: inner.x, y: y, style: line.style, clip: inner)
            } else {
                canvas.put(line.text, x: inner.x, y: y, style: line.selected ? theme.keyName : theme.text, clip: inner)
                canvas.put(line.value, x: inner.x + labelWidth, y: y, style: line.selected ? theme.selected : theme.text, clip: inner)
            }
        }
        let footer = footerText(issues, catalogue)
        canvas.put(
            TextWidth.truncated(footer.text, to: inner.width), x: inner.x, y: inner.maxY - 1,
            style: footer.error ? theme.danger : theme.dim, clip: inner)
    }

    /// A line about the current field, or why nothing was saved.
    private func footerText(_ issues: [ProfileField: ProfileIssue], _ catalogue: Catalogue) -> (text: String, error: Bool) {
        if triedToSave && issues.values.contains(where: { $0.severity == .error }) {
            return ("Fix the fields marked in red; nothing was saved.", true)
        }
        switch ProfileScreen.rows[row] {
        case .dose:
            let years = Int(age.text) ?? 0
            if let limit = catalogue.reference.supplementUpperLimitMg(ageYears: years) {
                return ("Elemental magnesium a day. Upper limit for supplements at \(years): \(limit) mg (iom-1997, ods-mg).", false)
            }
            return ("Elemental magnesium a day, as printed on the label.", false)
        case .form:
            if let id = formID, let form = catalogue.form(id: id) {
                return ("\(form.name): \(ProfileScreen.number(form.elementalPercent))% magnesium by weight. \(form.typicalUse)", false)
            }
            return ("Food only: no supplement.", false)
        case .planStart:
            return ("The plan's first day (←→ move a day). Enter saves the profile.", false)
        case .lifeStage:
            return ("Pregnancy and breastfeeding change the daily need; breathing holds are left out.", false)
        case .bell:
            return ("A terminal bell at each breathing phase change.", false)
        default:
            return ("", false)
        }
    }
}
