import MagRelaxCore
import Testing
import TerminalUI

@testable import MagRelaxApp

/// 2026-11-23 10:00 UTC.
let profileTestNow = TimeReading(monotonic: 100, wallClock: 1_795_428_000, utcOffsetSeconds: 0)

func firstStartState() throws -> AppState {
    var state = try makeState(width: 90, height: 30)
    state.now = profileTestNow
    state.openWelcomeIfNeeded()
    return state
}

/// Moves the form's cursor to a field (Up to the top first).
func go(to label: String, _ state: inout AppState) {
    press(Array(repeating: .up, count: 20), &state)
    let index = ProfileScreen.rows.firstIndex { $0.label == label }!
    press(Array(repeating: .down, count: index), &state)
}

@Suite("First start and the profile form")
struct ProfileScreenTests {
    @Test func firstStartShowsTheDisclaimerUntilAccepted() throws {
        var state = try firstStartState()
        let screen = view(state).text
        #expect(screen.contains("Welcome to magrelax"))
        #expect(screen.contains("education, not medical advice"))
        #expect(screen.contains("kidney disease"))
        // Pane keys do nothing while the welcome is up; q quits.
        press([.char("3")], &state)
        #expect(state.profileScreen?.stage == .welcome)
        #expect(press([.char("q")], &state) == [.quit])
    }

    @Test func fillingTheFormSavesAValidProfileEndingOnTheStartDate() throws {
        var state = try firstStartState()
        press([.enter], &state)
        #expect(view(state).text.contains("Your profile"))
        press(typed("42"), &state)
        go(to: "Sex", &state)
        press([.right], &state)  // female → male
        go(to: "On proton-pump inhibitors", &state)
        press([.char(" ")], &state)
        go(to: "Goal", &state)
        press([.right, .right], &state)  // soreness → nerve-tension → back-stiffness
        go(to: "Supplement form", &state)
        let glycinate = ProfileScreen.formChoices(state.catalogue).firstIndex(of: "glycinate")!
        press(Array(repeating: .right, count: glycinate), &state)
        go(to: "Dose (elemental mg/day)", &state)
        press([.backspace] + typed("200"), &state)
        go(to: "Plan start date", &state)
        press([.right], &state)  // one day later
        let effects = press([.enter], &state)
        let expected = Profile(
            ageYears: 42, sex: .male, medicines: [.protonPumpInhibitor], goal: .backStiffness,
            planStart: CalendarDay(year: 2026, month: 11, day: 24)!, supplementFormID: "glycinate", doseMg: 200,
            disclaimerAccepted: CalendarDay(year: 2026, month: 11, day: 23)!)
        #expect(effects == [.saveProfile(expected)])
        #expect(state.profile == expected)
        #expect(state.profileScreen == nil)
    }

    @Test func textFieldsEditAtTheCursorAndTheDateStillStepsByDay() throws {
        var state = try firstStartState()
        press([.enter], &state)
        go(to: "Dose (elemental mg/day)", &state)
        press([.ctrl("u")] + typed("25") + [.left] + typed("1x"), &state)
        #expect(state.profileScreen?.dose.text == "215", "typed before the cursor; letters refused")
        go(to: "Plan start date", &state)
        press([.left], &state)
        #expect(state.profileScreen?.start.text == "2026-11-22")
        press([.home, .delete] + typed("3"), &state)
        #expect(state.profileScreen?.start.text == "3026-11-22")
    }

    @Test func badValuesShowTheirMessageInlineAndAreNotSaved() throws {
        var state = try firstStartState()
        press([.enter] + typed("150"), &state)
        #expect(view(state).text.contains("Age must be a whole number of years from 1 to 120."))
        press([.backspace, .backspace, .backspace] + typed("30"), &state)
        #expect(!view(state).text.contains("Age must be"))
        go(to: "Dose (elemental mg/day)", &state)
        press([.backspace] + typed("500"), &state)
        #expect(view(state).text.contains("above the 350 mg/day upper limit"))
        go(to: "Plan start date", &state)
        #expect(press([.enter], &state).isEmpty)
        #expect(view(state).text.contains("nothing was saved"))
        #expect(state.profile == nil)
        // A clinician-directed dose is allowed, with a warning.
        go(to: "A clinician directed my dose", &state)
        press([.char(" ")], &state)
        #expect(view(state).text.contains("follow your clinician"))
        go(to: "Plan start date", &state)
        #expect(press([.enter], &state).isEmpty)
        #expect(view(state).text.contains("Choose a supplement form for the dose."))
        go(to: "Supplement form", &state)
        press([.right], &state)
        go(to: "Plan start date", &state)
        #expect(press([.enter], &state).count == 1)
        #expect(state.profile?.doseMg == 500)
    }

    @Test func pOpensTheProfileFromAnyPaneAndEscCancels() throws {
        var state = try makeState(width: 90, height: 30)
        state.now = profileTestNow
        state.profile = Profile(ageYears: 50, sex: .female, goal: .chronicPain, planStart: CalendarDay(year: 2026, month: 11, day: 2)!,
                                disclaimerAccepted: CalendarDay(year: 2026, month: 11, day: 2)!)
        state.openWelcomeIfNeeded()
        #expect(state.profileScreen == nil)
        #expect(view(state).text.contains("p profile"))
        for pane in ["1", "2", "3", "4"] {
            press([.char(Character(pane)), .char("p")], &state)
            #expect(state.profileScreen?.stage == .form, "pane \(pane)")
            #expect(view(state).text.contains("Chronic muscle pain"))
            press(typed("9"), &state)  // age 509: not saved on Esc
            press([.escape], &state)
            #expect(state.profileScreen == nil)
            #expect(state.profile?.ageYears == 50)
        }
    }

    @Test func storageNoticesShowUntilDismissed() throws {
        var state = try makeState(width: 90, height: 30)
        state.storage = StorageStatus(readOnly: true)
        state.notify(StorageNotice(title: "Read-only", text: "held by another magrelax (pid 7)"))
        #expect(view(state).text.contains("magrelax (read-only)"))
        #expect(view(state).text.contains("held by another magrelax (pid 7)"))
        press([.char("3")], &state)
        #expect(state.pane == .symptoms)  // the notice takes the key
        press([.enter], &state)
        #expect(state.notices.isEmpty)
        press([.char("3")], &state)
        #expect(state.pane == .food)
    }
}
