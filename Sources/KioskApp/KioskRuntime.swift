import Foundation
import Journey
import NHSO
import TerminalUI

/// The kiosk's main loop: draws the journey's state, turns keys and taps into events, carries out the
/// effects the journey asks for, and feeds their results back. Single-threaded around the terminal;
/// effects run as tasks and come back through the `EventQueue`. Its state is touched by its own thread
/// only; it is handed to that thread once, hence `@unchecked Sendable`.
public final class KioskRuntime: @unchecked Sendable {
    let core: KioskCore
    let renderer: ScreenRenderer
    let cards: any CardSource
    let adminPIN: String
    /// The demo's card keys; `nil` with a real reader.
    let demoSlot: DemoCardSlot?
    /// The demo's stand-in for a patient's phone (F7): authenticates the id typed on the QR path at
    /// the test zone, as NHSO's phone app would. `nil` outside the demo.
    let demoPhone: (@Sendable (String) -> Void)?
    /// Shown in the header when set (the hospital's name).
    let headerNote: String?

    var state: JourneyState { core.state }
    private var queue: EventQueue { core.queue }
    private let driver = TerminalDriver()
    private var grid = CellGrid(width: 80, height: 24)
    private var pinEntry: String?
    private var quit = false
    private var signalSources: [any DispatchSourceSignal] = []

    public init(core: KioskCore, renderer: ScreenRenderer, cards: any CardSource, adminPIN: String,
                demoSlot: DemoCardSlot? = nil, demoPhone: (@Sendable (String) -> Void)? = nil, headerNote: String? = nil) {
        self.demoPhone = demoPhone
        self.core = core
        self.renderer = renderer
        self.cards = cards
        self.adminPIN = adminPIN
        self.demoSlot = demoSlot
        self.headerNote = headerNote
    }

    /// Runs until SIGTERM (or SIGINT, SIGHUP) or the admin chord and PIN; the terminal is restored.
    public func run() {
        handleTerminationSignals()
        let queue = self.queue
        let watching = cards.watch { queue.post($0) }
        defer { watching?.cancel() }
        driver.start()
        defer { driver.stop() }
        redraw()
        var nextTick = ContinuousClock.now + .seconds(1)
        while !quit {
            let timeout: Int32
            if state.needsTicks {
                nextTick = max(nextTick, ContinuousClock.now)
                timeout = Int32(max(0, (nextTick - ContinuousClock.now).milliseconds.rounded(.up)))
            } else {
                timeout = -1  // nothing to count: sleep until a key, a tap or an answer
                nextTick = ContinuousClock.now + .seconds(1)
            }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: queue.readFD, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, timeout)
            // Always ask ncurses, not only when the terminal is readable: a resize (SIGWINCH) wakes
            // poll without input, and ncurses reports it as a key.
            driver.pendingInput().forEach(handle)
            if core.drainQueue() { quit = true }
            if state.needsTicks, ContinuousClock.now >= nextTick {
                dispatch(.tick)
                nextTick += .seconds(1)
            }
            redraw()
        }
    }

    /// `run()` on a thread of its own: the terminal loop blocks its thread, and must not hold one of
    /// the concurrency pool's (NHSO calls and card reads run there).
    public func runOnOwnThread() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                self.run()
                done.resume()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
    }

    // MARK: Input

    private func handle(_ input: KioskInput) {
        if pinEntry != nil { return handlePIN(input) }
        switch input {
        case .journey(let event): dispatch(event)
        case .tap(let row, let column): if let action = grid.action(atRow: row, column: column) { dispatch(action) }
        case .functionKey(12): pinEntry = ""
        case .functionKey(5) where demoSlot != nil:
            if demoSlot?.isCardInserted == true { demoSlot?.remove(); dispatch(.cardRemoved) }
            demoSlot?.insertNext()
            dispatch(.cardInserted)
        case .functionKey(6) where demoSlot != nil:
            guard demoSlot?.isCardInserted == true else { return }
            demoSlot?.remove()
            dispatch(.cardRemoved)
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

    /// F12, then the PIN and Enter, leaves the kiosk; Esc cancels.
    private func handlePIN(_ input: KioskInput) {
        switch input {
        case .journey(.digit(let digit)): pinEntry?.append(String(digit))
        case .journey(.backspace): if pinEntry?.isEmpty == false { pinEntry?.removeLast() }
        case .journey(.enter):
            if pinEntry == adminPIN { quit = true }
            pinEntry = nil
        case .journey(.back): pinEntry = nil
        default: break
        }
    }

    // MARK: Journey

    private func dispatch(_ event: JourneyEvent) { core.dispatch(event) }

    // MARK: Drawing

    private func redraw() {
        let size = driver.size
        grid = renderer.render(state, width: size.width, height: size.height)
        if let headerNote {
            grid.put(headerNote, row: 2, column: 2, style: .title)
        }
        if demoSlot != nil {
            let phone = demoPhone != nil && state.step.identificationPath == .qr ? "   F7 = โทรศัพท์ยืนยันตัวตน / the phone authenticates" : ""
            grid.put("DEMO  F5 = เสียบบัตรตัวอย่าง / insert a demo card   F6 = ดึงบัตรออก / pull it out\(phone)", row: 2, column: 2, style: .title)
        }
        if let pin = pinEntry {
            grid.putCentered(" PIN: \(String(repeating: "*", count: pin.count))_ ", row: size.height / 2, style: .warning)
        }
        driver.draw(grid)
    }

    private func handleTerminationSignals() {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            let queue = self.queue
            source.setEventHandler { queue.post(.quit) }
            source.resume()
            signalSources.append(source)
        }
    }
}
