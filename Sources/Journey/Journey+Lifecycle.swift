/// Moving between steps, idle time-outs, the clock, and the end of a visit.
extension Journey {
    func tick(_ state: inout JourneyState) -> [JourneyEffect] {
        if case .submitting(let review, let seconds) = state.step {
            guard seconds + 1 >= configuration.submitLimitSeconds, let visit = state.visit else {
                state.step = .submitting(review, seconds: seconds + 1)
                return []
            }
            // The submit goes on in the background (it is never abandoned); the patient need not wait.
            go(&state, .pending(review, reference: visit.reference))
            return [.record(visit, .pending), pendingSlip(visit, review, state.language)]
        }
        if case .identifying(let step) = state.step, step.countsDown, let visit = state.visit {
            return identifying(&state, step, .tick, visit: visit)
        }
        guard let left = state.idleSecondsLeft else { return [] }
        if left > 1 {
            state.idleSecondsLeft = left - 1
            return []
        }
        let abandoned: [JourneyEffect] = switch (state.step, state.visit) {
        case (.identifying(.staff(.toDesk)), _):
            []  // already recorded as sent to the desk
        case (.review, let visit?), (.mobileNumber, let visit?), (.identifying, let visit?):
            [.cancel(visit), .record(visit, .ended(.idleTimeout, detail: "no input before confirm"))]
        default: []
        }
        endVisit(&state)
        return abandoned
    }

    /// Moves to `step` and sets its idle limit.
    func go(_ state: inout JourneyState, _ step: JourneyStep) {
        state.step = step
        state.readProgress = nil
        restartIdle(&state)
    }

    /// Back to the start: the visit is over, and nothing more of it is shown.
    func endVisit(_ state: inout JourneyState) {
        go(&state, .attract)
        state.visit = nil
        // The next patient at a kiosk starts in the kiosk's language, not the last patient's; at a
        // station the staff's choice stays.
        if configuration.mode == .kiosk { state.language = state.defaultLanguage }
    }

    func abandon(_ state: inout JourneyState, _ reason: VisitEndReason, detail: String) -> [JourneyEffect] {
        let visit = state.visit
        endVisit(&state)
        return visit.map { [.cancel($0), .record($0, .ended(reason, detail: detail))] } ?? []
    }

    /// Steps a patient may walk away from time out; steps where the machine works, or where the
    /// claim code is shown while the card is still in, do not.
    func restartIdle(_ state: inout JourneyState) {
        switch state.step {
        case .attract, .checkingRights, .submitting:
            state.idleSecondsLeft = nil
        case .identifying(let step) where step.isMachineWorking:
            state.idleSecondsLeft = nil
        case .claimCode(let issued):
            let heldByCard = state.cardPresent && issued.path == .card
            if case .failed = issued.slip {
                // No slip: the code stays up long enough for the patient to fetch staff, or print again.
                state.idleSecondsLeft = heldByCard || configuration.mode == .station ? nil : max(configuration.idleSeconds, configuration.claimCodeSeconds)
            } else {
                state.idleSecondsLeft = heldByCard || issued.slip == .printing ? nil : configuration.claimCodeSeconds
            }
        case .chooseIdentity, .identifying, .review, .mobileNumber, .problem, .pending:
            state.idleSecondsLeft = configuration.mode == .kiosk ? configuration.idleSeconds : configuration.stationIdleSeconds
        }
    }
}

extension IdentificationStep {
    /// Steps where the kiosk (a reader, NHSO) works and the patient waits: they do not time out.
    var isMachineWorking: Bool {
        switch self {
        case .card, .qr(.waiting), .proxyCard(.guardianCard(_, reading: true, _)), .staff(.staffCard(_, reading: true, _)): true
        case .photo(.camera(_, let capture)), .proxyPhoto(.camera(_, let capture)): capture.isBusy
        default: false
        }
    }

    /// The patient's id being typed, on a path that reads someone else's card next.
    var isPatientIDEntry: Bool {
        switch self {
        case .proxyCard(.patientID), .staff(.patientID): true
        default: false
        }
    }

    /// Steps waiting for a card that is not the patient's own (it is read for the path, not as the
    /// start of the card path).
    var waitsForCard: Bool {
        switch self {
        case .proxyCard(.guardianCard(_, reading: false, _)), .staff(.staffCard(_, reading: false, _)): return true
        default: return false
        }
    }

    /// Steps with a countdown of their own, sent `.tick`.
    var countsDown: Bool {
        switch self {
        case .qr(.waiting): true
        case .photo(.camera(_, let capture)), .proxyPhoto(.camera(_, let capture)): capture.countsDown
        default: false
        }
    }
}

extension JourneyStep {
    /// The identification step on screen, if any.
    var identifyingStep: IdentificationStep? {
        if case .identifying(let step) = self { return step }
        return nil
    }
}
