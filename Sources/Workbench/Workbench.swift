import Foundation
import NHSO

/// The counter's workbench as a pure reducer: (state, event, now) → (state, effects), as the journey.
/// Keyboard-first: F1…F7 and the digits open the menu's entries, arrows and Enter too, Esc goes back,
/// F10 signs out; taps send the same events.
public struct Workbench: Sendable {
    /// The citizen ids allowed to sign in (`staff.listFile`).
    public let staffIDs: Set<String>
    /// Sign-out after this long without a key (a pulled card does not sign out).
    public let signOutAfter: TimeInterval

    public static let signOutKey = 10

    public init(staffIDs: Set<String>, signOutAfter: TimeInterval = 600) {
        self.staffIDs = staffIDs
        self.signOutAfter = signOutAfter
    }

    public func reduce(_ state: inout WorkbenchState, _ event: WorkbenchEvent, now: Date) -> [WorkbenchEffect] {
        if case .tick(let visitUnderWay) = event { return tick(&state, visitUnderWay: visitUnderWay, now: now) }
        guard let staff = state.staff else { return signedOut(&state, event) }
        if isKey(event) {
            state.lastInput = now
            state.notice = nil
            if event == .functionKey(Self.signOutKey), state.screen != .visit { return signOut(&state, staff, idle: false) }
        }
        // Answers first: each goes to the screen that asked, whatever shows now.
        switch event {
        case .activity:
            return []
        case .journeyBusy, .cardInserted:
            // A patient's card on any screen of the menu starts their visit; the journey shows.
            guard state.screen != .visit else { return [] }
            state.screen = .visit
            return event == .cardInserted ? [.startVisit] : []
        case .reportLoaded(let view):
            if case .report(nil, _) = state.screen { state.screen = .report(view, page: 0) }
            return []
        case .tokenChecked(let lines):
            if case .token(nil) = state.screen { state.screen = .token(lines) }
            return []
        case .exported(let notice):
            state.notice = notice
            return []
        default:
            break
        }
        switch state.screen {
        case .visit:
            return []
        case .menu(let focus):
            return menu(&state, focus: focus, event, now: now)
        case .report(let view, let page):
            return report(&state, view: view, page: page, event, staff: staff, now: now)
        default:
            switch event {
            case .back:
                state.screen = .menu(focus: focusedItem(state.screen))
            case .functionKey(let n):
                if let item = WorkbenchItem(rawValue: n) { return open(&state, item, now: now) }
            default:
                break
            }
            return []
        }
    }

    /// Esc on the journey's start screen (no visit under way): back to the menu. A finished visit
    /// stays on that screen, ready for the next patient's card; the menu is one key away.
    public func visitEnded(_ state: inout WorkbenchState) {
        if state.screen == .visit { state.screen = .menu(focus: .verifyAndConfirm) }
    }

    // MARK: Signed out

    private func signedOut(_ state: inout WorkbenchState, _ event: WorkbenchEvent) -> [WorkbenchEffect] {
        switch (state.screen, event) {
        case (.signIn, .cardInserted):
            state.screen = .readingStaffCard
            return [.readStaffCard]
        case (.readingStaffCard, .cardRemoved):
            state.screen = .signIn(notice: .removed)
            return [.cancelStaffCardRead]
        case (.readingStaffCard, .staffCardFailed(let removed)):
            state.screen = .signIn(notice: removed ? .removed : .unreadable)
            return []
        case (.readingStaffCard, .staffCardRead(let id, let name)):
            guard staffIDs.contains(id) else {
                state.screen = .signIn(notice: .notOnStaffList)
                return []
            }
            let staff = StaffMember(citizenID: id, name: name, signedInBy: .card)
            state.staff = staff
            state.screen = .menu(focus: .verifyAndConfirm)
            state.lastInput = nil
            return [.record(.signedIn(staff))]
        default:
            return []
        }
    }

    // MARK: Menu

    private func menu(_ state: inout WorkbenchState, focus: WorkbenchItem, _ event: WorkbenchEvent, now: Date) -> [WorkbenchEffect] {
        let items = WorkbenchItem.allCases
        switch event {
        case .digit(let n), .functionKey(let n), .select(let n):
            guard let item = WorkbenchItem(rawValue: n) else { return [] }
            return open(&state, item, now: now)
        case .nextChoice:
            state.screen = .menu(focus: items[(items.firstIndex(of: focus)! + 1) % items.count])
        case .previousChoice:
            state.screen = .menu(focus: items[(items.firstIndex(of: focus)! + items.count - 1) % items.count])
        case .enter:
            return open(&state, focus, now: now)
        default:
            break
        }
        return []
    }

    private func open(_ state: inout WorkbenchState, _ item: WorkbenchItem, now: Date) -> [WorkbenchEffect] {
        switch item {
        case .verifyAndConfirm:
            state.screen = .visit
            return [.startVisit]
        case .report:
            state.screen = .report(nil, page: 0)
            return [.loadReport(date: ThaiTime.today(now))]
        case .token:
            state.screen = .token(nil)
            return [.checkToken]
        case .drafts, .confirmedVisits, .personHistory, .closePrivilege:
            state.screen = .notYet(item)
            return []
        }
    }

    // MARK: Report

    private func report(_ state: inout WorkbenchState, view: ReportView?, page: Int, _ event: WorkbenchEvent, staff: StaffMember, now: Date) -> [WorkbenchEffect] {
        switch event {
        case .nextChoice:
            if let view { state.screen = .report(view, page: min(page + 1, view.pageCount - 1)) }
        case .previousChoice:
            if let view { state.screen = .report(view, page: max(page - 1, 0)) }
        case .digit(1):
            if let view { return [.exportReport(date: view.date, format: .csv, by: staff)] }
        case .digit(2):
            if let view { return [.exportReport(date: view.date, format: .xlsx, by: staff)] }
        case .back:
            state.screen = .menu(focus: .report)
        case .functionKey(let n):
            if let item = WorkbenchItem(rawValue: n) { return open(&state, item, now: now) }
        default:
            break
        }
        return []
    }

    // MARK: Time

    /// Idle time counts from the last key, through a visit too; a visit under way is never cut short:
    /// a station's journey drops a visit left half-way after the same time (`stationIdleSeconds`), and
    /// the sign-out follows at the next tick.
    private func tick(_ state: inout WorkbenchState, visitUnderWay: Bool, now: Date) -> [WorkbenchEffect] {
        guard let staff = state.staff else { return [] }
        guard let last = state.lastInput else {
            state.lastInput = now
            return []
        }
        guard !visitUnderWay else { return [] }
        guard now.timeIntervalSince(last) >= signOutAfter else { return [] }
        return signOut(&state, staff, idle: true)
    }

    private func signOut(_ state: inout WorkbenchState, _ staff: StaffMember, idle: Bool) -> [WorkbenchEffect] {
        state = WorkbenchState()
        state.screen = .signIn(notice: idle ? .signedOutIdle : .signedOut)
        return [.record(.signedOut(staff, idle: idle))]
    }

    private func isKey(_ event: WorkbenchEvent) -> Bool {
        switch event {
        case .digit, .enter, .back, .nextChoice, .previousChoice, .functionKey, .select, .activity: true
        default: false
        }
    }

    private func focusedItem(_ screen: WorkbenchScreen) -> WorkbenchItem {
        switch screen {
        case .notYet(let item): item
        case .report: .report
        case .token: .token
        default: .verifyAndConfirm
        }
    }
}
