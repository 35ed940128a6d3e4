import Foundation
import Testing
import NHSO
@testable import Workbench

@Suite struct WorkbenchTests {
    let staffID = "3101200345671", stranger = "1101700203450"
    var workbench: Workbench { Workbench(staffIDs: [staffID], signOutAfter: 600) }
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func signedIn() -> WorkbenchState {
        var state = WorkbenchState()
        _ = workbench.reduce(&state, .cardInserted, now: start)
        _ = workbench.reduce(&state, .staffCardRead(citizenID: staffID, name: "นายสมชาย ใจดี"), now: start)
        return state
    }

    @Test func aStaffCardOnTheListSignsInAndIsJournaled() {
        var state = WorkbenchState()
        #expect(workbench.reduce(&state, .cardInserted, now: start) == [.readStaffCard])
        #expect(state.screen == .readingStaffCard)
        let effects = workbench.reduce(&state, .staffCardRead(citizenID: staffID, name: "นายสมชาย ใจดี"), now: start)
        #expect(state.staff?.citizenID == staffID)
        #expect(state.screen == .menu(focus: .verifyAndConfirm))
        #expect(effects == [.record(.signedIn(state.staff!))])
    }

    @Test func aCardNotOnTheListOrUnreadableOrPulledDoesNotSignIn() {
        var state = WorkbenchState()
        _ = workbench.reduce(&state, .cardInserted, now: start)
        _ = workbench.reduce(&state, .staffCardRead(citizenID: stranger, name: "x"), now: start)
        #expect(state.staff == nil)
        #expect(state.screen == .signIn(notice: .notOnStaffList))
        _ = workbench.reduce(&state, .cardInserted, now: start)
        _ = workbench.reduce(&state, .staffCardFailed(removed: false), now: start)
        #expect(state.screen == .signIn(notice: .unreadable))
        _ = workbench.reduce(&state, .cardInserted, now: start)
        #expect(workbench.reduce(&state, .cardRemoved, now: start) == [.cancelStaffCardRead])
        #expect(state.screen == .signIn(notice: .removed))
        // Keys do nothing while signed out.
        #expect(workbench.reduce(&state, .digit(6), now: start).isEmpty)
        #expect(state.staff == nil)
    }

    @Test func theSevenEntriesOpenByFunctionKeyDigitArrowsAndTap() {
        var state = signedIn()
        // The day is the reducer's clock's, in Thai time: 1_800_000_000 is 2027-01-15 15:00 Thai time.
        #expect(workbench.reduce(&state, .functionKey(6), now: start).first == .loadReport(date: "2027-01-15"))
        #expect(workbench.reduce(&state, .back, now: start).isEmpty)
        #expect(workbench.reduce(&state, .functionKey(6), now: start.addingTimeInterval(9 * 3600)).first == .loadReport(date: "2027-01-16"), "midnight in Thailand")
        #expect(state.screen == .report(nil, page: 0))
        #expect(state.screen == .report(nil, page: 0))
        _ = workbench.reduce(&state, .back, now: start)
        #expect(state.screen == .menu(focus: .report))
        _ = workbench.reduce(&state, .nextChoice, now: start)
        #expect(state.screen == .menu(focus: .token))
        #expect(workbench.reduce(&state, .enter, now: start) == [.checkToken])
        _ = workbench.reduce(&state, .tokenChecked([TokenLine(subject: "zone", ok: true, detail: "test")]), now: start)
        #expect(state.screen == .token([TokenLine(subject: "zone", ok: true, detail: "test")]))
        _ = workbench.reduce(&state, .back, now: start)
        _ = workbench.reduce(&state, .nextChoice, now: start)
        #expect(state.screen == .menu(focus: .verifyAndConfirm), "the focus wraps round")
        _ = workbench.reduce(&state, .previousChoice, now: start)
        #expect(state.screen == .menu(focus: .token))
        _ = workbench.reduce(&state, .digit(2), now: start)
        #expect(state.screen == .notYet(.drafts))
        _ = workbench.reduce(&state, .back, now: start)
        #expect(workbench.reduce(&state, .select(1), now: start) == [.startVisit])
        #expect(state.showsVisit)
    }

    @Test func aPatientsCardAtTheMenuStartsTheirVisitAndEscAtTheJourneysStartComesBack() {
        var state = signedIn()
        #expect(workbench.reduce(&state, .cardInserted, now: start) == [.startVisit])
        #expect(state.showsVisit)
        // During the visit the journey has the keys.
        #expect(workbench.reduce(&state, .digit(6), now: start).isEmpty)
        workbench.visitEnded(&state)
        #expect(state.screen == .menu(focus: .verifyAndConfirm))
    }

    @Test func theReportPagesAndExports() {
        var state = signedIn()
        _ = workbench.reduce(&state, .functionKey(6), now: start)
        let view = ReportView(date: "2026-12-03", lines: (1...22).map { "line \($0)" }, totals: [])
        _ = workbench.reduce(&state, .reportLoaded(view), now: start)
        #expect(view.pageCount == 3)
        _ = workbench.reduce(&state, .nextChoice, now: start)
        _ = workbench.reduce(&state, .nextChoice, now: start)
        _ = workbench.reduce(&state, .nextChoice, now: start)
        #expect(state.screen == .report(view, page: 2), "paging stops at the last page")
        let staff = state.staff!
        #expect(workbench.reduce(&state, .digit(1), now: start) == [.exportReport(date: "2026-12-03", format: .csv, by: staff)])
        #expect(workbench.reduce(&state, .digit(2), now: start) == [.exportReport(date: "2026-12-03", format: .xlsx, by: staff)])
        // The answer may come after Esc: it is still shown (the file's journal entry is the export's own).
        _ = workbench.reduce(&state, .back, now: start)
        #expect(workbench.reduce(&state, .exported(.exported(path: "/tmp/r.csv")), now: start).isEmpty)
        #expect(state.notice == .exported(path: "/tmp/r.csv"))
        #expect(state.screen == .menu(focus: .report))
    }

    @Test func idleTimeSignsOutButNotDuringAVisitAndF10SignsOutAtOnce() {
        var state = signedIn()
        _ = workbench.reduce(&state, .tick(visitUnderWay: false), now: start)
        _ = workbench.reduce(&state, .tick(visitUnderWay: false), now: start.addingTimeInterval(599))
        #expect(state.isSignedIn)
        let staff = state.staff!
        #expect(workbench.reduce(&state, .tick(visitUnderWay: false), now: start.addingTimeInterval(600)) == [.record(.signedOut(staff, idle: true))])
        #expect(state.screen == .signIn(notice: .signedOutIdle))
        #expect(!state.isSignedIn)

        state = signedIn()
        _ = workbench.reduce(&state, .digit(1), now: start)
        _ = workbench.reduce(&state, .tick(visitUnderWay: true), now: start.addingTimeInterval(3600))
        #expect(state.isSignedIn, "a visit under way is never cut off")
        // The visit's own keys count as use; at the journey's start screen the idle time runs again.
        _ = workbench.reduce(&state, .activity, now: start.addingTimeInterval(3700))
        _ = workbench.reduce(&state, .tick(visitUnderWay: false), now: start.addingTimeInterval(3700 + 599))
        #expect(state.isSignedIn)
        _ = workbench.reduce(&state, .tick(visitUnderWay: false), now: start.addingTimeInterval(3700 + 600))
        #expect(state.screen == .signIn(notice: .signedOutIdle))

        state = signedIn()
        _ = workbench.reduce(&state, .digit(1), now: start)
        workbench.visitEnded(&state)
        #expect(workbench.reduce(&state, .functionKey(10), now: start.addingTimeInterval(3601)) == [.record(.signedOut(staff, idle: false))])
        #expect(state.screen == .signIn(notice: .signedOut))
    }
}

extension WorkbenchTests {
    /// A card on any screen of the menu (not only the menu itself) starts a visit that shows; the
    /// journey never works unseen beneath the report or the token page.
    @Test func aCardOnAnyScreenStartsAVisitThatShows() {
        for key in [6, 7, 3] {
            var state = signedIn()
            _ = workbench.reduce(&state, .digit(key), now: start)
            #expect(workbench.reduce(&state, .cardInserted, now: start) == [.startVisit], "screen \(key)")
            #expect(state.showsVisit)
        }
        var state = signedIn()
        _ = workbench.reduce(&state, .digit(7), now: start)
        _ = workbench.reduce(&state, .journeyBusy, now: start)
        #expect(state.showsVisit)
        // F10 during a visit signs nobody out.
        #expect(workbench.reduce(&state, .functionKey(10), now: start).isEmpty)
        #expect(state.isSignedIn)
    }

    /// A visit left half-way is dropped by the journey after the idle time; the idle time itself counts
    /// from the last key, visit or not, so the sign-out follows as soon as the journey is back at its start.
    @Test func idleTimeCountsThroughAVisitAndSignsOutOnceItIsOver() {
        var state = signedIn()
        _ = workbench.reduce(&state, .tick(visitUnderWay: false), now: start)
        _ = workbench.reduce(&state, .digit(1), now: start)
        _ = workbench.reduce(&state, .tick(visitUnderWay: true), now: start.addingTimeInterval(700))
        #expect(state.isSignedIn)
        #expect(!workbench.reduce(&state, .tick(visitUnderWay: false), now: start.addingTimeInterval(701)).isEmpty)
        #expect(state.screen == .signIn(notice: .signedOutIdle))
    }
}
