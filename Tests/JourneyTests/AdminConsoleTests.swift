import Foundation
import Journey
import Testing

/// The admin menu as a pure state machine: the PIN, the lockout, the menu's items and lists.
@Suite("Admin menu behind the chord and PIN")
struct AdminConsoleTests {
    let console = AdminConsole(mode: .kiosk, attemptsBeforeLockout: 3, lockoutSeconds: 300, idleSeconds: 60)
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Sends `events` at `start + seconds`; returns every effect asked for.
    @discardableResult
    func send(_ state: inout AdminState, _ events: [AdminEvent], at seconds: TimeInterval = 0, console: AdminConsole? = nil) -> [AdminEffect] {
        events.flatMap { (console ?? self.console).reduce(&state, $0, now: start.addingTimeInterval(seconds)) }
    }

    func opened() -> AdminState {
        var state = AdminState()
        send(&state, [.chord, .digit(8), .digit(6), .digit(4), .digit(2), .enter, .pinChecked(true)])
        return state
    }

    @Test func thePINIsCheckedOffTheScreenThenTheMenuOpens() {
        var state = AdminState()
        #expect(send(&state, [.chord, .digit(8), .digit(6), .digit(4), .digit(2)]).isEmpty)
        #expect(state.screen == .pin(entry: "8642", checking: false))
        #expect(send(&state, [.enter]) == [.checkPIN("8642")])
        // Keys while the hash is compared do nothing.
        #expect(send(&state, [.digit(1), .back]).isEmpty)
        #expect(state.screen == .pin(entry: "8642", checking: true))
        #expect(send(&state, [.pinChecked(true)]) == [.log(.opened)])
        #expect(state.screen == .menu(focus: .reprintLast))
    }

    @Test func aPINIsTwelveDigitsAtMostAndEscCancels() {
        var state = AdminState()
        send(&state, [.chord] + Array(repeating: .digit(7), count: 20))
        #expect(state.screen == .pin(entry: String(repeating: "7", count: 12), checking: false))
        send(&state, [.backspace])
        #expect(state.screen == .pin(entry: String(repeating: "7", count: 11), checking: false))
        send(&state, [.back])
        #expect(state.screen == .closed)
    }

    @Test func wrongPINsInARowLockTheChordForAWhileAndAreLogged() {
        var state = AdminState()
        #expect(send(&state, [.chord, .digit(1), .digit(1), .digit(1), .digit(1), .enter, .pinChecked(false)]) == [.checkPIN("1111"), .log(.wrongPIN(count: 1))])
        #expect(state.screen == .pin(entry: "", checking: false))
        send(&state, [.digit(2), .digit(2), .digit(2), .digit(2), .enter, .pinChecked(false)])
        let effects = send(&state, [.digit(3), .digit(3), .digit(3), .digit(3), .enter, .pinChecked(false)])
        let until = start.addingTimeInterval(300)
        #expect(effects == [.checkPIN("3333"), .log(.wrongPIN(count: 3)), .log(.lockedOut(until: until, inARow: 1))])
        #expect(state.screen == .lockedOut(until: until))

        // The notice goes by itself; the chord stays locked, even with the right PIN.
        send(&state, [.tick], at: 6)
        #expect(state.screen == .closed)
        #expect(send(&state, [.chord], at: 100) == [.log(.chordWhileLockedOut)])
        #expect(state.screen == .lockedOut(until: until))
        send(&state, [.back, .digit(8), .enter], at: 101)
        #expect(state.screen == .closed)

        // After the lockout: the PIN again, and a right one clears the count.
        send(&state, [.chord, .digit(8), .digit(6), .digit(4), .digit(2), .enter], at: 301)
        #expect(state.screen == .pin(entry: "8642", checking: true))
        send(&state, [.pinChecked(true)], at: 302)
        #expect(state.screen == .menu(focus: .reprintLast))
        #expect(state.wrongPINs == 0 && state.lockedUntil == nil && state.lockouts == 0)
    }

    @Test func eachLockoutWithoutARightPINBetweenLastsTwiceTheLastUpToADay() {
        var state = AdminState()
        func lockOut(at second: TimeInterval) -> [AdminEffect] {
            var effects: [AdminEffect] = []
            for attempt in 0..<3 {
                effects = send(&state, (attempt == 0 ? [.chord] : []) + [.digit(1), .digit(1), .digit(1), .digit(1), .enter, .pinChecked(false)], at: second)
            }
            send(&state, [.back], at: second)
            return effects
        }
        #expect(lockOut(at: 0).last == .log(.lockedOut(until: start.addingTimeInterval(300), inARow: 1)))
        #expect(lockOut(at: 300).last == .log(.lockedOut(until: start.addingTimeInterval(300 + 600), inARow: 2)))
        #expect(lockOut(at: 900).last == .log(.lockedOut(until: start.addingTimeInterval(900 + 1200), inARow: 3)))
        #expect(console.lockoutDuration(inARow: 9) == 76_800 && console.lockoutDuration(inARow: 10) == 86_400 && console.lockoutDuration(inARow: 1_000) == 86_400)
        // A right PIN after the lockout: the next lockout is a short one again.
        send(&state, [.chord, .digit(8), .digit(6), .digit(4), .digit(2), .enter, .pinChecked(true), .back], at: 2_100)
        #expect(state.lockouts == 0)
        #expect(lockOut(at: 2_200).last == .log(.lockedOut(until: start.addingTimeInterval(2_200 + 300), inARow: 1)))
    }

    @Test func aRightPINBetweenWrongOnesStartsTheCountAgain() {
        var state = AdminState()
        send(&state, [.chord, .digit(1), .digit(1), .digit(1), .digit(1), .enter, .pinChecked(false)])
        send(&state, [.digit(1), .digit(1), .digit(1), .digit(1), .enter, .pinChecked(false)])
        send(&state, [.digit(8), .digit(6), .digit(4), .digit(2), .enter, .pinChecked(true)])
        #expect(state.wrongPINs == 0)
        send(&state, [.back, .chord, .digit(1), .digit(1), .digit(1), .digit(1), .enter, .pinChecked(false)])
        #expect(state.screen == .pin(entry: "", checking: false))
    }

    static func line(_ name: String, code: String? = "PP1172534798") -> AdminVisitLine {
        AdminVisitLine(visitID: "visit-\(name)", reference: name, time: "09:00", maskedCitizenID: "1-1017-xxxxx-x5-0", claimCode: code, state: "printed", slip: nil)
    }

    @Test func theLastSlipIsShownBeforeItsCopyPrints() {
        var state = opened()
        #expect(send(&state, [.digit(1)]) == [.loadRecentVisits])
        #expect(state.screen == .confirmLast(nil))
        #expect(send(&state, [.enter]).isEmpty, "nothing to print before it is shown")
        send(&state, [.recentLoaded([Self.line("A"), Self.line("B")])])
        #expect(state.screen == .confirmLast(Self.line("A")))
        #expect(send(&state, [.enter]) == [.reprint(visitID: "visit-A")])
        #expect(state.screen == .busy(.reprintLast))
        #expect(send(&state, [.digit(3), .back]).isEmpty, "keys wait while it works")
        send(&state, [.finished(.reprinted(claimCode: "PP1172534798"))])
        #expect(state.screen == .menu(focus: .reprintLast))
        #expect(state.notice == .reprinted(claimCode: "PP1172534798"))

        #expect(send(&state, [.digit(3)]) == [.printTest])
        #expect(state.notice == nil, "a key clears the last outcome")
        send(&state, [.finished(.printFailed("the printer is out of paper"))])
        #expect(state.notice == .printFailed("the printer is out of paper"))

        #expect(send(&state, [.digit(4)]) == [.loadStatus])
        #expect(state.screen == .status(nil))
        send(&state, [.statusLoaded([AdminStatusLine(subject: "printer", ok: false, detail: "out of paper")])])
        #expect(state.screen == .status([AdminStatusLine(subject: "printer", ok: false, detail: "out of paper")]))
        send(&state, [.back])
        #expect(state.screen == .menu(focus: .status))

        #expect(send(&state, [.digit(5)]) == [.loadPending])
        send(&state, [.enter])
        #expect(state.screen == .menu(focus: .pending))
        #expect(send(&state, [.digit(6)]) == [.toggleDefaultLanguage])
        send(&state, [.finished(.languageSet(.english))])
        #expect(state.screen == .menu(focus: .defaultLanguage))
    }

    @Test func arrowsMoveTheFocusRoundAndEnterTakesIt() {
        var state = opened()
        send(&state, [.previousChoice])
        #expect(state.screen == .menu(focus: .leave))
        send(&state, [.nextChoice, .nextChoice, .nextChoice])
        #expect(state.screen == .menu(focus: .testPrint))
        #expect(send(&state, [.enter]) == [.printTest])
    }

    @Test func restartShutDownAndLeaveNeedEnterTwice() {
        for (digit, item, effect) in [(7, AdminItem.restart, AdminEffect.restart), (8, .shutDown, .shutDown), (9, .leave, .leave)] {
            var state = opened()
            #expect(send(&state, [.digit(digit)]).isEmpty)
            #expect(state.screen == .confirm(item))
            send(&state, [.back])
            #expect(state.screen == .menu(focus: item))
            send(&state, [.digit(digit)])
            #expect(send(&state, [.enter]) == [effect])
        }
    }

    @Test func withNoSlipYetNothingPrintsAndNoKeyCrashes() {
        var state = opened()
        send(&state, [.digit(1), .recentLoaded([])])
        #expect(state.screen == .menu(focus: .reprintLast))
        #expect(state.notice == .nothingToReprint)
        send(&state, [.digit(2), .recentLoaded([])])
        #expect(state.screen == .reprints([]))
        for digit in 0...9 { #expect(send(&state, [.digit(digit)]).isEmpty) }
        send(&state, [.enter])
        #expect(state.screen == .menu(focus: .reprintEarlier))
    }

    @Test func aLateListNeverRenumbersTheOneOnScreen() {
        var state = opened()
        send(&state, [.digit(2), .recentLoaded([Self.line("A")])])
        send(&state, [.recentLoaded([Self.line("B"), Self.line("A")])])
        #expect(state.screen == .reprints([Self.line("A")]))
        #expect(send(&state, [.digit(1)]) == [.reprint(visitID: "visit-A")])
    }

    @Test func aCardPutInClosesAKiosksMenuNotAStations() {
        var state = opened()
        send(&state, [.patientArrived])
        #expect(state.screen == .closed)
        let station = AdminConsole(mode: .station)
        var counter = AdminState()
        send(&counter, [.reprintKey, .patientArrived], console: station)
        #expect(counter.screen == .reprints(nil), "staff put the patient's card in while they work")
    }

    @Test func anEarlierSlipIsPickedByItsNumber() {
        var state = opened()
        #expect(send(&state, [.digit(2)]) == [.loadRecentVisits])
        #expect(send(&state, [.digit(1)]).isEmpty, "nothing to pick before the list is in")
        let lines = ["A", "B"].map { AdminVisitLine(visitID: "visit-\($0)", reference: $0, time: "09:00", maskedCitizenID: "", claimCode: nil, state: "printed", slip: nil) }
        send(&state, [.recentLoaded(lines)])
        #expect(send(&state, [.digit(3)]).isEmpty, "no third visit")
        #expect(send(&state, [.digit(2)]) == [.reprint(visitID: "visit-B")])
    }

    @Test func aStationPrintsAgainWithoutThePINAndAKioskDoesNot() {
        var kiosk = AdminState()
        #expect(send(&kiosk, [.reprintKey]).isEmpty)
        #expect(kiosk.screen == .closed)

        let station = AdminConsole(mode: .station)
        var state = AdminState()
        #expect(send(&state, [.reprintKey], console: station) == [.loadRecentVisits])
        #expect(state.screen == .reprints(nil))
        let line = AdminVisitLine(visitID: "visit-A", reference: "A", time: "09:00", maskedCitizenID: "", claimCode: "PP1172534798", state: "printed", slip: nil)
        send(&state, [.recentLoaded([line])], console: station)
        #expect(send(&state, [.digit(1)], console: station) == [.reprint(visitID: "visit-A")])
        // Back to the list, reloaded, with the outcome; Esc leaves (the menu is not open to it).
        #expect(send(&state, [.finished(.reprinted(claimCode: "PP1172534798"))], console: station) == [.loadRecentVisits])
        #expect(state.screen == .reprints(nil) && state.notice == .reprinted(claimCode: "PP1172534798"))
        send(&state, [.back], console: station)
        #expect(state.screen == .closed)
    }

    @Test func aMenuLeftOpenClosesItself() {
        var state = opened()
        send(&state, [.tick], at: 59)
        #expect(state.isOpen)
        send(&state, [.tick], at: 60)
        #expect(state.screen == .closed)

        // Not while it works (a print under way ends with its outcome).
        var busy = opened()
        send(&busy, [.digit(3)])
        send(&busy, [.tick], at: 600)
        #expect(busy.screen == .busy(.testPrint))
    }
}
