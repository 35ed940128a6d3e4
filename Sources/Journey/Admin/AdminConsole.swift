import Foundation

/// A key or an answer for the admin menu.
public enum AdminEvent: Sendable, Hashable {
    /// The admin chord (F12): asks for the PIN.
    case chord
    /// A station's reprint key (F9): the list of the latest slips, without the PIN (staff are there).
    case reprintKey
    /// A patient put a card in: a kiosk's menu closes, so nobody finds it open.
    case patientArrived
    case digit(Int)
    case backspace
    case enter
    /// Esc.
    case back
    case nextChoice
    case previousChoice
    case tick
    /// Whether the PIN typed matches the stored hash.
    case pinChecked(Bool)
    case statusLoaded([AdminStatusLine])
    case pendingLoaded([AdminVisitLine])
    case recentLoaded([AdminVisitLine])
    /// What came of a print or a setting.
    case finished(AdminNotice)
}

/// Work for the app, asked by the admin menu.
public enum AdminEffect: Sendable, Hashable {
    /// Compare the PIN with the stored hash, off the screen's thread (→ `pinChecked`).
    case checkPIN(String)
    case log(AdminLogEntry)
    case loadStatus
    case loadPending
    case loadRecentVisits
    /// Print again the claim slip of this visit (→ `finished`).
    case reprint(visitID: String)
    case printTest
    /// Switch the language each new patient starts in (→ `finished(.languageSet)`).
    case toggleDefaultLanguage
    case restart
    case shutDown
    case leave
}

/// What the admin menu tells the log: who tried the chord is not known, but when and how often is.
public enum AdminLogEntry: Sendable, Hashable {
    case opened
    case wrongPIN(count: Int)
    /// `inARow`: lockouts with no right PIN between them (each one twice as long as the last).
    case lockedOut(until: Date, inARow: Int)
    case chordWhileLockedOut
}

/// The menu behind the admin chord and PIN, as a pure state machine like the journey: keys and answers
/// in, effects out. Wrong PINs in a row lock the chord for a while.
public struct AdminConsole: Sendable {
    public var mode: JourneyConfiguration.Mode
    /// Wrong PINs in a row before the chord locks.
    public var attemptsBeforeLockout: Int
    public var lockoutSeconds: Int
    /// An open menu left alone this long closes (a patient must not find it).
    public var idleSeconds: Int

    public init(mode: JourneyConfiguration.Mode = .kiosk, attemptsBeforeLockout: Int = 5, lockoutSeconds: Int = 300, idleSeconds: Int = 30) {
        self.mode = mode
        self.attemptsBeforeLockout = attemptsBeforeLockout
        self.lockoutSeconds = lockoutSeconds
        self.idleSeconds = idleSeconds
    }

    /// The longest PIN typed; more digits are not taken.
    public static let longestPIN = 12
    /// How long the "locked" notice stays.
    static let lockedNoticeSeconds: TimeInterval = 5

    public func reduce(_ state: inout AdminState, _ event: AdminEvent, now: Date) -> [AdminEffect] {
        switch event {
        case .tick: return tick(&state, now: now)
        case .pinChecked(let matches): return pinChecked(&state, matches, now: now)
        case .statusLoaded(let lines):
            if case .status = state.screen { state.screen = .status(lines) }
            return []
        case .pendingLoaded(let lines):
            if case .pending = state.screen { state.screen = .pending(lines) }
            return []
        case .recentLoaded(let lines):
            // Only into a list still loading: a late answer never renumbers a list staff are reading.
            switch state.screen {
            case .reprints(nil): state.screen = .reprints(lines)
            case .confirmLast(nil):
                if let last = lines.first {
                    state.screen = .confirmLast(last)
                } else {
                    state.screen = .menu(focus: .reprintLast)
                    state.notice = .nothingToReprint
                }
            default: break
            }
            return []
        case .patientArrived:
            if mode == .kiosk, state.isOpen, state.screen != .busy(.restart), state.screen != .busy(.shutDown), state.screen != .busy(.leave) {
                close(&state)
            }
            return []
        case .finished(let notice):
            guard case .busy(let item) = state.screen else { return [] }
            state.notice = notice
            state.screen = state.reprintsOnly ? .reprints(nil) : .menu(focus: item)
            return state.reprintsOnly ? [.loadRecentVisits] : []
        case .chord, .reprintKey, .digit, .backspace, .enter, .back, .nextChoice, .previousChoice:
            return key(&state, event, now: now)
        }
    }

    private func key(_ state: inout AdminState, _ event: AdminEvent, now: Date) -> [AdminEffect] {
        if state.isOpen { state.lastInput = now }
        if case .busy = state.screen { return [] }
        if event != .chord, event != .reprintKey { state.notice = nil }
        switch (state.screen, event) {
        case (.closed, .chord):
            state.lastInput = now
            state.reprintsOnly = false
            if let until = state.lockedUntil, now < until {
                state.screen = .lockedOut(until: until)
                return [.log(.chordWhileLockedOut)]
            }
            state.screen = .pin(entry: "", checking: false)
            return []
        case (.closed, .reprintKey) where mode == .station:
            state.lastInput = now
            state.reprintsOnly = true
            state.screen = .reprints(nil)
            return [.loadRecentVisits]
        case (.closed, _), (.lockedOut, _):
            if case .lockedOut = state.screen, event == .back { close(&state) }
            return []

        case (.pin(_, true), _):
            return []  // the hash is being compared
        case (.pin(let entry, false), .digit(let digit)):
            if entry.count < Self.longestPIN { state.screen = .pin(entry: entry + String(digit), checking: false) }
            return []
        case (.pin(let entry, false), .backspace):
            state.screen = .pin(entry: String(entry.dropLast()), checking: false)
            return []
        case (.pin(let entry, false), .enter):
            if entry.isEmpty { close(&state); return [] }
            state.screen = .pin(entry: entry, checking: true)
            return [.checkPIN(entry)]
        case (.pin, .back):
            close(&state)
            return []

        case (.menu(let focus), .nextChoice):
            state.screen = .menu(focus: AdminItem(rawValue: focus.rawValue % AdminItem.allCases.count + 1)!)
            return []
        case (.menu(let focus), .previousChoice):
            let count = AdminItem.allCases.count
            state.screen = .menu(focus: AdminItem(rawValue: (focus.rawValue + count - 2) % count + 1)!)
            return []
        case (.menu(let focus), .enter):
            return choose(&state, focus)
        case (.menu, .digit(let digit)):
            guard let item = AdminItem(rawValue: digit) else { return [] }
            return choose(&state, item)
        case (.menu, .back):
            close(&state)
            return []

        case (.confirm(let item), .enter):
            state.screen = .busy(item)
            switch item {
            case .restart: return [.restart]
            case .shutDown: return [.shutDown]
            default: return [.leave]
            }
        case (.confirm(let item), .back):
            state.screen = .menu(focus: item)
            return []

        case (.reprints(let lines?), .digit(let digit)) where digit >= 1 && digit <= lines.count:
            state.screen = .busy(.reprintEarlier)
            return [.reprint(visitID: lines[digit - 1].visitID)]
        case (.confirmLast(let line?), .enter):
            state.screen = .busy(.reprintLast)
            return [.reprint(visitID: line.visitID)]
        case (.confirmLast, .back):
            state.screen = .menu(focus: .reprintLast)
            return []
        case (.status, .back), (.status, .enter), (.pending, .back), (.pending, .enter), (.reprints, .back), (.reprints, .enter):
            if state.reprintsOnly {
                close(&state)
            } else {
                state.screen = .menu(focus: focusAfter(state.screen))
            }
            return []
        default:
            return []
        }
    }

    private func choose(_ state: inout AdminState, _ item: AdminItem) -> [AdminEffect] {
        if item.needsConfirmation {
            state.screen = .confirm(item)
            return []
        }
        switch item {
        case .reprintLast:
            state.screen = .confirmLast(nil)
            return [.loadRecentVisits]
        case .reprintEarlier:
            state.screen = .reprints(nil)
            return [.loadRecentVisits]
        case .testPrint:
            state.screen = .busy(item)
            return [.printTest]
        case .status:
            state.screen = .status(nil)
            return [.loadStatus]
        case .pending:
            state.screen = .pending(nil)
            return [.loadPending]
        case .defaultLanguage:
            state.screen = .busy(item)
            return [.toggleDefaultLanguage]
        case .restart, .shutDown, .leave:
            return []
        }
    }

    private func focusAfter(_ screen: AdminScreen) -> AdminItem {
        switch screen {
        case .status: .status
        case .pending: .pending
        default: .reprintEarlier
        }
    }

    private func pinChecked(_ state: inout AdminState, _ matches: Bool, now: Date) -> [AdminEffect] {
        guard case .pin(_, true) = state.screen else { return [] }
        state.lastInput = now
        if matches {
            state.wrongPINs = 0
            state.lockedUntil = nil
            state.lockouts = 0
            state.screen = .menu(focus: .reprintLast)
            return [.log(.opened)]
        }
        state.wrongPINs += 1
        guard state.wrongPINs >= attemptsBeforeLockout else {
            state.screen = .pin(entry: "", checking: false)
            return [.log(.wrongPIN(count: state.wrongPINs))]
        }
        state.lockouts += 1
        let until = now.addingTimeInterval(lockoutDuration(inARow: state.lockouts))
        state.wrongPINs = 0
        state.lockedUntil = until
        state.screen = .lockedOut(until: until)
        return [.log(.wrongPIN(count: attemptsBeforeLockout)), .log(.lockedOut(until: until, inARow: state.lockouts))]
    }

    /// The first lockout lasts `lockoutSeconds`, each one after it (no right PIN between) twice the last,
    /// up to a day: guessing a PIN at an unattended kiosk overnight gets nowhere.
    public func lockoutDuration(inARow lockouts: Int) -> TimeInterval {
        let doublings = min(max(lockouts - 1, 0), 20)
        return min(TimeInterval(lockoutSeconds) * pow(2, Double(doublings)), 86_400)
    }

    private func tick(_ state: inout AdminState, now: Date) -> [AdminEffect] {
        guard let last = state.lastInput else { return [] }
        switch state.screen {
        case .closed, .busy, .pin(_, true):
            return []
        case .lockedOut:
            if now.timeIntervalSince(last) >= Self.lockedNoticeSeconds { close(&state) }
        default:
            if now.timeIntervalSince(last) >= TimeInterval(idleSeconds) { close(&state) }
        }
        return []
    }

    private func close(_ state: inout AdminState) {
        state.screen = .closed
        state.notice = nil
        state.reprintsOnly = false
    }
}
