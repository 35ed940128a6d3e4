import NHSO
import ThaiIDCard

/// The patient journey as a pure function: `reduce(state, event) -> effects`, with the state updated in
/// place. No I/O, no clock: the app performs the effects and feeds their results back as events, and
/// sends `.tick` once a second. Every branch is testable without a terminal, a reader or a network.
///
/// It has two parts. *Identification* (`Identification/`): one reducer per leaf of the journey tree,
/// each ending in an `Identification` — who the patient is, how they were identified, who acted for
/// them. The *visit* (`Visit/`), shared by every path: rights, service, mobile, confirm, code.
///
/// Each visit has an id (`VisitID`, from `visitIDs`); effects carry it and results echo it, and a result
/// for any visit but the one on screen is dropped, so a late answer never reaches the next patient.
public struct Journey: Sendable {
    public let configuration: JourneyConfiguration
    let visitIDs: VisitIDSource

    public init(configuration: JourneyConfiguration = JourneyConfiguration(), visitIDs: VisitIDSource = .random) {
        self.configuration = configuration
        self.visitIDs = visitIDs
    }

    public func reduce(_ state: inout JourneyState, _ event: JourneyEvent) -> [JourneyEffect] {
        switch event {
        case .toggleLanguage:
            state.language = state.language.other
            restartIdle(&state)
            return []
        case .defaultLanguageChanged(let language):
            state.defaultLanguage = language
            // Nobody is mid-visit on the start screen: it turns at once.
            if state.step == .attract { state.language = language }
            return []
        case .readerAvailable(let available):
            state.readerAvailable = available
            return []
        case .journalAvailable(let available):
            state.journalAvailable = available
            return []
        case .cardInserted:
            state.readerAvailable = true
            state.cardPresent = true
            let effects = cardInserted(&state)
            state.cardInsertedDuring = state.visit
            return effects
        case .cardRemoved:
            state.cardPresent = false
            state.cardInsertedDuring = nil
            return cardRemoved(&state)
        case .tick:
            return tick(&state)
        case .result(let visit, let result):
            guard let current = state.visit, visit == current else { return lateResult(visit, result) }
            if case .identifying(let step) = state.step { return identifying(&state, step, event, visit: current) }
            return self.result(&state, current, result)
        default:
            break
        }
        if event.isPatientInput { restartIdle(&state) }
        return input(&state, event)
    }

    // MARK: Input from the patient

    private func input(_ state: inout JourneyState, _ event: JourneyEvent) -> [JourneyEffect] {
        switch state.step {
        case .attract:
            if event == .enter || event == .chooseOtherWay { go(&state, .chooseIdentity(focus: .card)) }
            return []
        case .chooseIdentity(let focus):
            return choose(&state, focus: focus, event)
        case .identifying(.atCounter(let path)):
            // Nothing was started: no visit, nothing recorded.
            if event == .back { go(&state, .chooseIdentity(focus: path)) }
            return []
        case .identifying(let step):
            guard let visit = state.visit else { endVisit(&state); return [] }
            return identifying(&state, step, event, visit: visit)
        default:
            return visitInput(&state, event)
        }
    }

    // MARK: Identification

    /// Hands the event to the path's own reducer and carries out what it decided.
    func identifying(_ state: inout JourneyState, _ step: IdentificationStep, _ event: JourneyEvent, visit: VisitID) -> [JourneyEffect] {
        let transition: IdentificationTransition
        switch step {
        case .card:
            if case .result(_, .cardReadProgress(let done, let total)) = event {
                state.readProgress = .init(done: done, total: total)
                return []
            }
            transition = CardIdentification().reduce(event, visit: visit)
        case .qr(let qrStep):
            transition = QRIdentification(configuration: configuration).reduce(qrStep, event, visit: visit)
        case .proxyCard(let proxyStep):
            transition = ProxyCardIdentification().reduce(proxyStep, event, visit: visit)
        case .staff(let staffStep):
            transition = StaffIdentification(configuration: configuration).reduce(staffStep, event, visit: visit)
        case .photo(let photoStep):
            transition = PhotoIdentification().reduce(photoStep, event, visit: visit)
        case .proxyPhoto(let proxyPhotoStep):
            transition = ProxyPhotoIdentification().reduce(proxyPhotoStep, event, visit: visit)
        case .atCounter:
            transition = .ignored
        }
        if case .result(_, .previewFrame) = event, case .step(let step, let effects) = transition {
            // Ten frames a second are not the patient doing something: the idle clock runs on.
            state.step = .identifying(step)
            return effects
        }
        return apply(&state, transition, visit: visit)
    }

    func apply(_ state: inout JourneyState, _ transition: IdentificationTransition, visit: VisitID) -> [JourneyEffect] {
        switch transition {
        case .ignored:
            return []
        case .step(let step, let effects):
            // Only coming forward from the patient's id: going back to the card step must not re-read it.
            let arriving = state.step.identifyingStep?.isPatientIDEntry ?? false
            if state.step != .identifying(step) { go(&state, .identifying(step)) }
            if arriving && step.waitsForCard && state.cardPresent && state.cardInsertedDuring == visit {
                // The verifier's card went in before it was asked for: it is read as the step opens.
                return effects + identifying(&state, step, .cardInserted, visit: visit)
            }
            return effects
        case .identified(let identification):
            go(&state, .checkingRights(identification))
            return [
                .record(visit, .identified(citizenID: identification.patient.citizenID.digits, path: identification.path)),
                .checkRights(visit, pid: identification.patient.citizenID.digits),
            ]
        case .identifiedWithRights(let identification, let rights):
            return [.record(visit, .identified(citizenID: identification.patient.citizenID.digits, path: identification.path))]
                + rightsChecked(&state, visit, identification, rights)
        case .coded(let authentication):
            let issued = JourneyStep.Issued(
                person: authentication.patient, service: authentication.service, submitted: authentication.submitted, slip: .printing, path: .qr
            )
            go(&state, .claimCode(issued))
            return [.printSlip(visit, slip(for: issued, language: state.language))]
        case .failed(let problem, let reason, let detail):
            go(&state, .problem(problem))
            return [.cancel(visit), .record(visit, .ended(reason, detail: detail))]
        case .abandon(let reason, let detail):
            return abandon(&state, reason, detail: detail)
        case .finished:
            endVisit(&state)
            return []
        case .leave:
            state.visit = nil
            go(&state, .chooseIdentity(focus: state.step.identificationPath ?? .card))
            return [.cancel(visit)]
        }
    }

    /// A path was chosen: its first step, for a new visit.
    func start(_ state: inout JourneyState, _ path: IdentityPath) -> [JourneyEffect] {
        let first: IdentificationStep
        switch path {
        case .card:
            // The card path starts when a card goes in.
            go(&state, .attract)
            return []
        case .qr where configuration.qrAuthenticationURL != nil:
            first = .qr(.scan)
        case .proxyCard where configuration.verifiedVisits:
            first = .proxyCard(.patientID(NumberEntry(.citizenID)))
        case .staff where configuration.mode == .kiosk:
            // To the desk, with a slip: the visit is recorded as sent there, so staff can find it.
            guard state.journalAvailable else { go(&state, .problem(.outOfService)); return [] }
            let visit = visitIDs.next()
            state.visit = visit
            go(&state, .identifying(.staff(.toDesk(reference: visit.reference, slip: .printing))))
            return [
                .record(visit, .ended(.sentToStaff, detail: "sent to the registration desk with a queue slip")),
                .printQueueSlip(visit, QueueSlip(reference: visit.reference, language: state.language)),
            ]
        case .staff where configuration.verifiedVisits && !configuration.staffIDs.isEmpty:
            first = .staff(.patientID(NumberEntry(.citizenID)))
        case .photo where configuration.verifiedVisits && configuration.cameraAvailable:
            first = .photo(.patientID(NumberEntry(.citizenID)))
        case .proxyPhoto where configuration.verifiedVisits && configuration.cameraAvailable:
            first = .proxyPhoto(.patientID(NumberEntry(.citizenID)))
        default:
            go(&state, .identifying(.atCounter(path)))
            return []
        }
        guard state.journalAvailable else {
            go(&state, .problem(.outOfService))
            return []
        }
        state.visit = visitIDs.next()
        go(&state, .identifying(first))
        return []
    }

    private func cardInserted(_ state: inout JourneyState) -> [JourneyEffect] {
        if case .identifying(let step) = state.step, step.waitsForCard, let visit = state.visit {
            // Someone else's card, asked for by the path on screen (the guardian's).
            return identifying(&state, step, .cardInserted, visit: visit)
        }
        switch state.step {
        case .attract, .chooseIdentity, .identifying(.atCounter), .identifying(.qr(.scan)), .identifying(.qr(.typeID)),
             .identifying(.photo(.patientID)), .identifying(.proxyPhoto(.patientID)), .problem, .pending:
            // (A card during the guardian's and staff paths' first step is theirs: read when asked for.)
            // The patient's own card: the card path, whatever was on screen before.
            guard state.journalAvailable else {
                go(&state, .problem(.outOfService))
                return []
            }
            // A path left half-way for the card (the QR shown, the id being typed): its visit ends here.
            var abandoned: [JourneyEffect] = []
            if case .identifying = state.step, let earlier = state.visit { abandoned = [.cancel(earlier)] }
            let visit = visitIDs.next()
            state.visit = visit
            go(&state, .identifying(.card))
            return abandoned + [.readCard(visit)]
        default:
            return []
        }
    }

    private func cardRemoved(_ state: inout JourneyState) -> [JourneyEffect] {
        if case .identifying(let step) = state.step, step.path != .card, let visit = state.visit {
            return identifying(&state, step, .cardRemoved, visit: visit)
        }
        switch state.step {
        case .identifying(.card), .checkingRights, .review, .mobileNumber:
            // On the card path the card is the proof the patient is here, and nothing was sent to NHSO
            // yet: the visit is cancelled, and the patient is told so.
            guard let visit = state.visit, state.step.identificationPath == .card else { return [] }
            go(&state, .problem(.cardRemovedBeforeConfirm))
            return [.cancel(visit), .record(visit, .ended(.cardRemoved, detail: "card removed before confirm"))]
        case .claimCode:
            // The code is kept on screen; it now counts down to the start.
            restartIdle(&state)
            return []
        default:
            // After confirm the visit goes on without the card: the code is not lost.
            return []
        }
    }

    /// A result the screen has no use for (another visit's, or one that came after its step ended).
    /// Only a slip's outcome is still worth keeping: the slip is real paper whatever the screen shows.
    func lateResult(_ visit: VisitID, _ result: EffectResult) -> [JourneyEffect] {
        switch result {
        case .slipPrinted: [.record(visit, .printed)]
        case .slipFailed(let reason): [.record(visit, .printFailed(reason: reason))]
        default: []
        }
    }
}

extension JourneyEvent {
    /// Input from the person at the kiosk (as opposed to the machine and the clock).
    var isPatientInput: Bool {
        switch self {
        case .digit, .notADigit, .backspace, .enter, .back, .nextChoice, .previousChoice, .select, .enterMobile,
             .toggleLanguage, .chooseOtherWay, .choosePath, .retry:
            true
        default:
            false
        }
    }
}
