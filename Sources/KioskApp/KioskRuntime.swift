import Foundation
import Journey
import Logging
import NHSO
import TerminalUI
import Workbench

/// The kiosk's main loop: draws the journey's state, turns keys and taps into events, carries out the
/// effects the journey asks for, and feeds their results back. Single-threaded around the terminal;
/// effects run as tasks and come back through the `EventQueue`. Its state is touched by its own thread
/// only; it is handed to that thread once, hence `@unchecked Sendable`.
public final class KioskRuntime: @unchecked Sendable {
    /// How the loop ended: the program leaves, starts again, or shuts the machine down.
    public enum Outcome: Sendable, Hashable {
        case leave
        case restart
        case shutDown
    }

    let core: KioskCore
    let renderer: ScreenRenderer
    let cards: any CardSource
    let console: AdminConsole
    let adminRenderer: AdminRenderer
    /// `nil` in tests that drive the runtime without services.
    let adminActions: AdminActions?
    /// The demo's card keys; `nil` with a real reader.
    let demoSlot: DemoCardSlot?
    /// The demo's stand-in for a patient's phone (F7): authenticates the id typed on the QR path at
    /// the test zone, as NHSO's phone app would. `nil` outside the demo.
    let demoPhone: (@Sendable (String) -> Void)?
    /// Shown in the header when set (the hospital's name).
    let headerNote: String?
    /// Speaks each patient screen's prompt; `nil`: silent (and always at a station).
    let voice: VoiceGuide?
    private var lastPrompt: (key: String, language: Language)?

    var state: JourneyState { core.state }
    private var queue: EventQueue { core.queue }
    private let driver = TerminalDriver()
    private var grid = CellGrid(width: 80, height: 24)
    private var admin = AdminState()
    private var outcome: Outcome?
    /// The admin menu's clock: wall time at start, then monotonic, so a clock set back or forward
    /// neither keeps the menu open nor ends a lockout early.
    private let clockBase = (date: Date(), instant: ContinuousClock.now)
    /// systemd's readiness and watchdog (silent outside a `Type=notify` unit).
    private let notifier = SystemdNotifier()
    /// The kiosk's own watchdog, where the unit asks for one (`AUTHEN_KIOSK_WATCHDOG_SECONDS`).
    private let watchdog = LoopWatchdog.fromEnvironment(logger: Logger(label: "authen-kiosk.watchdog"))
    #if DEBUG
    /// A test switch of debug builds only (`AUTHEN_KIOSK_TEST_FREEZE_SECONDS`): the loop stops turning
    /// after this long, as a hung screen would, so the watchdogs can be seen to notice.
    private let freezeAfter: Duration? = ProcessInfo.processInfo.environment["AUTHEN_KIOSK_TEST_FREEZE_SECONDS"]
        .flatMap(Int.init).map { .seconds($0) }
    #else
    private let freezeAfter: Duration? = nil
    #endif
    private var now: Date { clockBase.date.addingTimeInterval((ContinuousClock.now - clockBase.instant).milliseconds / 1000) }
    private var signalSources: [any DispatchSourceSignal] = []
    /// A station's workbench above the journey (`nil` at a kiosk), its state, and who does its effects.
    private var workbench: Workbench?
    private var workbenchActions: WorkbenchActions?
    private var bench = WorkbenchState()
    private var benchRenderer: WorkbenchRenderer?
    private let logger = Logger(label: "authen-kiosk")

    public init(core: KioskCore, renderer: ScreenRenderer, cards: any CardSource, console: AdminConsole, adminActions: AdminActions?,
                demoSlot: DemoCardSlot? = nil, demoPhone: (@Sendable (String) -> Void)? = nil, headerNote: String? = nil,
                voice: VoiceGuide? = nil) {
        self.voice = voice
        self.demoPhone = demoPhone
        self.core = core
        self.renderer = renderer
        self.cards = cards
        self.console = console
        self.adminActions = adminActions
        if let saved = adminActions?.savedLockout(console: console) {
            admin.wrongPINs = saved.wrongPINs
            admin.lockedUntil = saved.lockedUntil
            admin.lockouts = saved.lockouts
        }
        adminRenderer = AdminRenderer(catalog: renderer.catalog, attemptsBeforeLockout: console.attemptsBeforeLockout)
        self.demoSlot = demoSlot
        self.headerNote = headerNote
    }

    /// A station: the counter's workbench takes the screen and the keys but during a visit.
    func attachWorkbench(_ workbench: Workbench, actions: WorkbenchActions) {
        self.workbench = workbench
        workbenchActions = actions
        benchRenderer = WorkbenchRenderer(catalog: renderer.catalog)
    }

    /// Runs until SIGTERM (or SIGINT, SIGHUP) or the admin menu ends it; the terminal is restored.
    @discardableResult
    public func run() -> Outcome {
        handleTerminationSignals()
        let queue = self.queue
        let watching = cards.watch { queue.post($0) }
        defer { watching?.cancel() }
        driver.start()
        defer { driver.stop() }
        redraw()
        notifier.ready(status: "taking patients")
        // A notice (below the kiosk's usual level): the container check times the start by it.
        Logger(label: "authen-kiosk").notice("the first screen is up: taking patients")
        defer { notifier.stopping() }
        // What follows the loop (a visit being recorded, slips printing) has its own time limits.
        defer { watchdog?.stop() }
        let started = ContinuousClock.now
        var nextPing = ContinuousClock.now
        var nextTick = ContinuousClock.now + .seconds(1)
        while outcome == nil {
            var timeout: Int32
            if state.needsTicks || admin.needsTicks || bench.needsTicks {
                nextTick = max(nextTick, ContinuousClock.now)
                timeout = Int32(max(0, (nextTick - ContinuousClock.now).milliseconds.rounded(.up)))
            } else {
                timeout = -1  // nothing to count: sleep until a key, a tap or an answer
                nextTick = ContinuousClock.now + .seconds(1)
            }
            if let freezeAfter, ContinuousClock.now - started >= freezeAfter { while true { sleep(3600) } }
            // The watchdogs hear from the loop itself: a loop that stops turning stops the beats.
            watchdog?.beat()
            if let interval = [notifier.pingInterval, watchdog?.beatInterval].compactMap({ $0 }).min() {
                if ContinuousClock.now >= nextPing {
                    notifier.ping()
                    nextPing = ContinuousClock.now + interval
                }
                let untilPing = Int32(max(0, (nextPing - ContinuousClock.now).milliseconds.rounded(.up)))
                timeout = timeout < 0 ? untilPing : min(timeout, untilPing)
            }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: queue.readFD, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, timeout)
            // A terminal that hung up (its window closed, tmux killed) ends the loop as SIGTERM does:
            // the visit under way is still recorded and its slip printed; nothing more is drawn.
            driver.noteInputEvents(fds[0].revents)
            if driver.isLost {
                if outcome == nil { logger.warning("the terminal hung up (its input closed); leaving once the visit under way is recorded") }
                outcome = outcome ?? .leave
                break
            }
            // Always ask ncurses, not only when the terminal is readable: a resize (SIGWINCH) wakes
            // poll without input, and ncurses reports it as a key.
            driver.pendingInput().forEach(handle)
            if core.drainQueue(admin: adminEvent, workbench: workbenchEvent, intercept: cardForWorkbench) { outcome = outcome ?? .leave }
            // Whatever started it, a visit under way shows: nothing of a patient's is done unseen.
            if workbench != nil, bench.isSignedIn, !bench.showsVisit, journeyIsBusy { workbenchEvent(.journeyBusy) }
            if state.needsTicks || admin.needsTicks || bench.needsTicks, ContinuousClock.now >= nextTick {
                if state.needsTicks { dispatch(.tick) }
                if admin.needsTicks { adminEvent(.tick) }
                if bench.needsTicks { workbenchEvent(.tick(visitUnderWay: journeyIsBusy)) }
                nextTick += .seconds(1)
            }
            redraw()
        }
        return outcome ?? .leave
    }

    /// `run()` on a thread of its own: the terminal loop blocks its thread, and must not hold one of
    /// the concurrency pool's (NHSO calls and card reads run there).
    public func runOnOwnThread() async -> Outcome {
        await withCheckedContinuation { (done: CheckedContinuation<Outcome, Never>) in
            let thread = Thread {
                done.resume(returning: self.run())
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
    }

    // MARK: Input

    private func handle(_ input: KioskInput) {
        if admin.isOpen { return handleAdmin(input) }
        if workbench != nil {
            if case .functionKey(11) = input { return dispatch(.toggleLanguage) }
            // The demo's card keys (F5, F6) stay the demo's: its menu's 5 and 6 are by digit.
            let demoKey = demoSlot != nil && (input == .functionKey(5) || input == .functionKey(6))
            if !bench.showsVisit, input != .functionKey(12), !demoKey { return handleWorkbench(input) }
            // At the journey's start, with no visit, Esc goes back to the counter's menu and F10 signs out.
            if input == .journey(.back) || input == .functionKey(Workbench.signOutKey), state.visit == nil, case .attract = state.step {
                workbench?.visitEnded(&bench)
                if input == .functionKey(Workbench.signOutKey) { workbenchEvent(.functionKey(Workbench.signOutKey)) }
                return
            }
            workbenchEvent(.activity)
        }
        switch input {
        case .journey(let event): dispatch(event)
        case .tap(let row, let column): if let action = grid.action(atRow: row, column: column) { dispatch(action) }
        case .functionKey(12): adminEvent(.chord)
        case .functionKey(9): adminEvent(.reprintKey)
        // Through the queue, as a reader's events come: a station's workbench sees them first.
        case .functionKey(5) where demoSlot != nil:
            if demoSlot?.isCardInserted == true { demoSlot?.remove(); queue.post(.cardRemoved) }
            demoSlot?.insertNext()
            queue.post(.cardInserted)
        case .functionKey(6) where demoSlot != nil:
            guard demoSlot?.isCardInserted == true else { return }
            demoSlot?.remove()
            queue.post(.cardRemoved)
        case .functionKey(7) where demoPhone != nil:
            switch state.step {
            case .identifying(.qr(.waiting(let id, _))): demoPhone?(id.digits)
            case .identifying(.qr(.typeID(let entry))): if let id = entry.citizenID { demoPhone?(id.digits) }
            default: break
            }
        case .resize: driver.invalidate()
        default: break
        }
    }

    /// The workbench's keys: digits, Enter, Esc, arrows, F1…F10 (F2 is the menu's second entry here,
    /// not the language: F11 is), and taps on its entries.
    private func handleWorkbench(_ input: KioskInput) {
        switch input {
        case .journey(.digit(let digit)): workbenchEvent(.digit(digit))
        case .journey(.enter): workbenchEvent(.enter)
        case .journey(.back): workbenchEvent(.back)
        case .journey(.nextChoice): workbenchEvent(.nextChoice)
        case .journey(.previousChoice): workbenchEvent(.previousChoice)
        case .journey(.toggleLanguage): workbenchEvent(.functionKey(2))
        case .functionKey(let number): workbenchEvent(.functionKey(number))
        case .tap(let row, let column):
            if case .select(let number) = grid.action(atRow: row, column: column) { workbenchEvent(.select(number)) }
        case .resize: driver.invalidate()
        default: break
        }
    }

    /// Whether the journey is anywhere but its start screen with no visit: its visit (to the very last
    /// screen of it) is never cut short by a sign-out.
    private var journeyIsBusy: Bool {
        if state.visit != nil { return true }
        if case .attract = state.step { return false }
        return true
    }

    private func workbenchEvent(_ event: WorkbenchEvent) {
        guard let workbench else { return }
        for effect in workbench.reduce(&bench, event, now: now) { workbenchActions?.perform(effect) }
    }

    /// Cards at a station: signed out, a card is the staff member's (the journey never sees it); at the
    /// menu, a card starts a patient's visit and goes on to the journey too.
    private func cardForWorkbench(_ event: JourneyEvent) -> Bool {
        guard workbench != nil else { return false }
        switch event {
        case .cardInserted, .cardRemoved:
            if !bench.isSignedIn {
                workbenchEvent(event == .cardInserted ? .cardInserted : .cardRemoved)
                return true
            }
            if event == .cardInserted, !bench.showsVisit { workbenchEvent(.cardInserted) }
            return false
        default:
            return false
        }
    }

    /// While the admin menu is open it takes every key; the patient's screen waits beneath it.
    private func handleAdmin(_ input: KioskInput) {
        switch input {
        case .journey(.digit(let digit)): adminEvent(.digit(digit))
        case .journey(.backspace): adminEvent(.backspace)
        case .journey(.enter): adminEvent(.enter)
        case .journey(.back): adminEvent(.back)
        case .journey(.nextChoice): adminEvent(.nextChoice)
        case .journey(.previousChoice): adminEvent(.previousChoice)
        case .resize: driver.invalidate()
        default: break
        }
    }

    private func adminEvent(_ event: AdminEvent) {
        for effect in console.reduce(&admin, event, now: now) {
            if adminActions?.perform(effect) == true { continue }
            switch effect {
            case .toggleDefaultLanguage:
                let language = state.defaultLanguage.other
                dispatch(.defaultLanguageChanged(language))
                adminActions?.setDefaultLanguage(language)
                adminEvent(.finished(.languageSet(language)))
            case .restart: outcome = .restart
            case .shutDown: outcome = .shutDown
            case .leave: outcome = .leave
            default: break
            }
        }
    }

    // MARK: Journey

    private func dispatch(_ event: JourneyEvent) { core.dispatch(event) }

    // MARK: Drawing

    private func redraw() {
        let size = driver.size
        grid = renderer.render(state, width: size.width, height: size.height)
        if let benchRenderer {
            // The workbench's own screens are drawn on a blank grid: no journey button lies under them.
            if !bench.showsVisit { grid = CellGrid(width: size.width, height: size.height) }
            benchRenderer.draw(bench, language: state.language, into: &grid)
        }
        if let headerNote {
            grid.put(headerNote, row: 2, column: 2, style: .title)
        }
        if demoSlot != nil {
            let phone = demoPhone != nil && state.step.identificationPath == .qr ? "   F7 = โทรศัพท์ยืนยันตัวตน / the phone authenticates" : ""
            grid.put("DEMO  F5 = เสียบบัตรตัวอย่าง / insert a demo card   F6 = ดึงบัตรออก / pull it out\(phone)", row: 2, column: 2, style: .title)
        }
        adminRenderer.draw(admin, defaultLanguage: state.defaultLanguage, language: state.language, visitInProgress: state.visit != nil, into: &grid)
        speak()
        driver.draw(grid)
    }

    /// A screen's prompt, once each time the screen (or its language) changes; never while staff use the
    /// admin menu. The speech runs on its own, so it never holds the loop.
    private func speak() {
        guard let voice, !admin.isOpen, let key = VoicePrompt.key(for: state.step) else { return }
        if let lastPrompt, lastPrompt.key == key, lastPrompt.language == state.language { return }
        lastPrompt = (key, state.language)
        voice.say(key, language: state.language)
    }

    private func handleTerminationSignals() {
        // A write to a closed pipe must be an error to handle, not the end of the program.
        signal(SIGPIPE, SIG_IGN)
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            let queue = self.queue
            let logger = self.logger
            source.setEventHandler {
                if signalNumber == SIGHUP { logger.warning("SIGHUP: the terminal hung up; leaving once the visit under way is recorded") }
                queue.post(.quit)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
