import Foundation
import Journey
import Workbench

/// The journey's state and the effects it asks for, without a terminal: events in, effects carried out,
/// results back through the `EventQueue`. The terminal runtime draws it; tests and benchmarks drive it
/// directly. Touched by one thread at a time (the runtime's loop, or a test), hence `@unchecked`.
public final class KioskCore: @unchecked Sendable {
    public let journey: Journey
    public let queue: EventQueue
    public let effects: EffectRunner
    public private(set) var state: JourneyState

    /// - Parameter effects: built with the queue's `post` (as `KioskServices.core(journey:)` does).
    public init(journey: Journey, queue: EventQueue, effects: EffectRunner) {
        self.journey = journey
        self.queue = queue
        self.effects = effects
        state = JourneyState(language: journey.configuration.defaultLanguage)
    }

    public func dispatch(_ event: JourneyEvent) {
        for effect in journey.reduce(&state, event) { effects.perform(effect) }
    }

    /// Dispatches everything queued (the admin menu's answers to `admin`, the workbench's to
    /// `workbench`); returns whether a quit was asked for. `intercept` sees each journey event first and
    /// keeps it from the journey by returning `true` (a staff card while a station is signed out).
    @discardableResult
    public func drainQueue(admin: (AdminEvent) -> Void = { _ in }, workbench: (WorkbenchEvent) -> Void = { _ in },
                           intercept: (JourneyEvent) -> Bool = { _ in false }) -> Bool {
        var quit = false
        for item in queue.drain() {
            switch item {
            case .journey(let event):
                if intercept(event) { continue }
                dispatch(event)
                // A patient at the reader: an admin menu left open must not be theirs to find.
                if event == .cardInserted { admin(.patientArrived) }
            case .admin(let event): admin(event)
            case .workbench(let event): workbench(event)
            case .quit: quit = true
            }
        }
        return quit
    }

    /// Runs the queue until `condition` holds for the state, or `timeout` passes; whether it held.
    /// (For tests and benchmarks: the runtime has its own loop around the terminal.) It suspends between
    /// looks instead of blocking, so the effects it waits for can run on the same threads.
    public func run(until condition: (JourneyState) -> Bool, timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            drainQueue()
            if condition(state) { return true }
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }
}

extension Duration {
    /// The duration in (fractional) milliseconds, for poll timeouts and printed figures.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
