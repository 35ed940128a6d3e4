import NHSO
import ThaiIDCard

/// The patient journey as a pure function: `reduce(state, event) -> effects`, with the state updated in
/// place. No I/O, no clock: the app performs the effects and feeds their results back as events, and
/// sends `.tick` once a second. Every branch is testable without a terminal, a reader or a network.
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
        case .readerAvailable(let available):
            state.readerAvailable = available
            return []
        case .journalAvailable(let available):
            state.journalAvailable = available
            return []
        case .cardInserted:
            state.readerAvailable = true
            state.cardPresent = true
            return cardInserted(&state)
        case .cardRemoved:
            state.cardPresent = false
            return cardRemoved(&state)
        case .tick:
            return tick(&state)
        case .result(let visit, let result):
            guard let current = state.visit, visit == current else { return lateResult(visit, result) }
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
            if event == .enter || event == .chooseOtherWay { go(&state, .chooseIdentity) }
            return []

        case .chooseIdentity:
            switch event {
            case .choosePath(.card), .back: go(&state, .attract)
            case .choosePath(let path): go(&state, .otherPath(path))
            default: break
            }
            return []

        case .otherPath:
            if event == .back { go(&state, .chooseIdentity) }
            return []

        case .readingCard, .checkingRights, .submitting:
            return []

        case .review(var review):
            switch event {
            case .nextService, .previousService, .selectService:
                review.selectedService = select(event, in: review)
                go(&state, .review(review))
            case .enter:
                if configuration.mobileRequired && review.mobile.isEmpty {
                    go(&state, .mobileNumber(review, digits: ""))
                } else {
                    return submit(&state, review)
                }
            case .enterMobile:
                go(&state, .mobileNumber(review, digits: review.mobile))
            case .digit(let digit):
                go(&state, .mobileNumber(review, digits: String(digit)))
            case .back:
                return abandon(&state, .cancelledByPatient, detail: "cancelled on the review")
            default:
                break
            }
            return []

        case .mobileNumber(var review, var digits):
            switch event {
            case .digit(let digit) where digits.count < 10:
                digits.append(String(digit))
                go(&state, .mobileNumber(review, digits: digits))
            case .backspace where !digits.isEmpty:
                digits.removeLast()
                go(&state, .mobileNumber(review, digits: digits))
            case .back, .backspace:
                go(&state, .review(review))
            case .enter where digits.count == 10 || (digits.isEmpty && !configuration.mobileRequired):
                review.mobile = digits
                return submit(&state, review)
            default:
                break
            }
            return []

        case .claimCode:
            if event == .enter && !state.cardPresent { endVisit(&state) }
            return []

        case .pending:
            // Staff have taken the reference (station), or the patient goes to them (kiosk).
            if event == .enter || event == .back { endVisit(&state) }
            return []

        case .problem(let problem):
            switch event {
            case .retry:
                return retry(&state, problem)
            case .enter, .back:
                endVisit(&state)
            default:
                break
            }
            return []
        }
    }

    private func retry(_ state: inout JourneyState, _ problem: JourneyProblem) -> [JourneyEffect] {
        guard let visit = state.visit else { endVisit(&state); return [] }
        switch problem {
        case .nhso(_, retry: .checkRights(let person)?) where state.cardPresent:
            // Only while the card is in: a patient who left must not be served to the next one.
            go(&state, .checkingRights(person))
            return [.checkRights(visit, pid: person.citizenID.digits)]
        case .nhso(_, retry: .submit(let review, let submission)?):
            guard state.journalAvailable else {
                go(&state, .problem(.outOfService))
                return [.record(visit, .ended(.journalUnavailable, detail: "the journal cannot be written"))]
            }
            go(&state, .submitting(review, seconds: 0))
            return [.submitVisit(visit, submission)]
        case .nhso(_, retry: .readCard?) where state.cardPresent:
            go(&state, .readingCard)
            return [.readCard(visit)]
        default:
            endVisit(&state)
            return []
        }
    }

    // MARK: Results of effects

    private func result(_ state: inout JourneyState, _ visit: VisitID, _ result: EffectResult) -> [JourneyEffect] {
        switch (state.step, result) {
        case (.readingCard, .cardReadProgress(let done, let total)):
            state.readProgress = .init(done: done, total: total)
            return []

        case (.readingCard, .cardRead(let card)):
            let person = Patient(card: card)
            go(&state, .checkingRights(person))
            return [
                .record(visit, .identified(citizenID: person.citizenID.digits, path: .card)),
                .checkRights(visit, pid: person.citizenID.digits),
            ]

        case (.readingCard, .cardReadFailed(let error)):
            go(&state, .problem(error.isCardRemoved ? .cardRemovedBeforeConfirm : .cardUnreadable(error)))
            return [.record(visit, .ended(error.isCardRemoved ? .cardRemoved : .cardUnreadable, detail: error.description))]

        case (.readingCard, .agentRead(let rights)):
            guard let person = Patient(agentRead: rights) else {
                go(&state, .problem(.agentAnswerInvalid))
                return [.record(visit, .ended(.cardUnreadable, detail: "the agent's answer has no valid citizen id"))]
            }
            return [.record(visit, .identified(citizenID: person.citizenID.digits, path: .card))]
                + rightsChecked(&state, visit, person, rights)

        case (.readingCard, .agentReadFailed(let error)):
            go(&state, .problem(.nhso(error, retry: error.isTransient ? .readCard : nil)))
            return [.record(visit, .ended(.cardUnreadable, detail: error.staffMessage))]

        case (.checkingRights(let person), .rightsChecked(let rights)):
            return rightsChecked(&state, visit, person, rights)

        case (.checkingRights(let person), .rightsCheckFailed(let error)):
            go(&state, .problem(.nhso(error, retry: error.isTransient ? .checkRights(person) : nil)))
            return [.record(visit, .ended(.rightsUnavailable, detail: error.staffMessage))]

        case (.submitting(let review, _), .visitSubmitted(let submitted)),
             // A code that arrives while the pending notice is still up is shown after all.
             (.pending(let review, _), .visitSubmitted(let submitted)):
            return issue(&state, visit, review, submitted)

        case (.submitting(let review, _), .visitFailed(let error)):
            return submitFailed(&state, visit, review, error)

        case (.submitting, .visitNotSubmitted(let reason)):
            state.journalAvailable = false
            go(&state, .problem(.outOfService))
            return [.record(visit, .ended(.journalUnavailable, detail: reason))]

        case (.claimCode(var issued), .slipPrinted):
            issued.slip = .printed
            go(&state, .claimCode(issued))
            return [.record(visit, .printed)]

        case (.claimCode(var issued), .slipFailed(let reason)):
            issued.slip = .failed(reason)
            go(&state, .claimCode(issued))
            return [.record(visit, .printFailed(reason: reason))]

        default:
            return lateResult(visit, result)
        }
    }

    /// A result the screen has no use for (another visit's, or one that came after its step ended).
    /// Only a slip's outcome is still worth keeping: the slip is real paper whatever the screen shows.
    private func lateResult(_ visit: VisitID, _ result: EffectResult) -> [JourneyEffect] {
        switch result {
        case .slipPrinted: [.record(visit, .printed)]
        case .slipFailed(let reason): [.record(visit, .printFailed(reason: reason))]
        default: []
        }
    }

    // MARK: Card and rights

    /// The person's rights are known: on to the review, unless they are someone else's or there is
    /// nothing to claim.
    private func rightsChecked(_ state: inout JourneyState, _ visit: VisitID, _ person: Patient, _ rights: RightsCheck) -> [JourneyEffect] {
        // NHSO's answer must be about the person on screen; its correlationId is then theirs.
        guard rights.pid == person.citizenID.digits else {
            go(&state, .problem(.answerForAnotherPerson))
            return [.record(visit, .ended(.rightsUnavailable, detail: "NHSO answered about another person"))]
        }
        guard !rights.claimTypes.isEmpty, rights.correlationId != nil else {
            go(&state, .problem(.noRights(rights)))
            return [.record(visit, .ended(.noRights, detail: "no service to claim"))]
        }
        let preferred = rights.claimTypes.firstIndex { $0.claimType == configuration.defaultService } ?? 0
        go(&state, .review(.init(person: person, rights: rights, selectedService: preferred, mobile: "")))
        return [.record(visit, .rights(mainInscl: rights.mainInscl?.agentText))]
    }

    private func cardInserted(_ state: inout JourneyState) -> [JourneyEffect] {
        switch state.step {
        case .attract, .chooseIdentity, .otherPath, .problem, .pending:
            guard state.journalAvailable else {
                go(&state, .problem(.outOfService))
                return []
            }
            let visit = visitIDs.next()
            state.visit = visit
            go(&state, .readingCard)
            return [.readCard(visit)]
        default:
            return []
        }
    }

    private func cardRemoved(_ state: inout JourneyState) -> [JourneyEffect] {
        switch state.step {
        case .readingCard, .checkingRights, .review, .mobileNumber:
            // Nothing was sent to NHSO yet: the visit is cancelled, and the patient is told so.
            guard let visit = state.visit else { return [] }
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

    // MARK: Time

    private func tick(_ state: inout JourneyState) -> [JourneyEffect] {
        if case .submitting(let review, let seconds) = state.step {
            guard seconds + 1 >= configuration.submitLimitSeconds, let visit = state.visit else {
                state.step = .submitting(review, seconds: seconds + 1)
                return []
            }
            // The submit goes on in the background (it is never abandoned); the patient need not wait.
            go(&state, .pending(review, reference: visit.reference))
            return [.record(visit, .pending)]
        }
        guard let left = state.idleSecondsLeft else { return [] }
        if left > 1 {
            state.idleSecondsLeft = left - 1
            return []
        }
        let abandoned: [JourneyEffect] = switch (state.step, state.visit) {
        case (.review, let visit?), (.mobileNumber, let visit?):
            [.cancel(visit), .record(visit, .ended(.idleTimeout, detail: "no input before confirm"))]
        default: []
        }
        endVisit(&state)
        return abandoned
    }

    /// Moves to `step` and sets its idle limit.
    private func go(_ state: inout JourneyState, _ step: JourneyStep) {
        state.step = step
        state.readProgress = nil
        restartIdle(&state)
    }

    /// Back to the start: the visit is over, and nothing more of it is shown.
    private func endVisit(_ state: inout JourneyState) {
        go(&state, .attract)
        state.visit = nil
    }

    private func abandon(_ state: inout JourneyState, _ reason: VisitEndReason, detail: String) -> [JourneyEffect] {
        let visit = state.visit
        endVisit(&state)
        return visit.map { [.cancel($0), .record($0, .ended(reason, detail: detail))] } ?? []
    }

    /// Steps a patient may walk away from time out; steps where the machine works, or where the
    /// claim code is shown while the card is still in, do not.
    private func restartIdle(_ state: inout JourneyState) {
        switch state.step {
        case .attract, .readingCard, .checkingRights, .submitting:
            state.idleSecondsLeft = nil
        case .claimCode(let issued):
            state.idleSecondsLeft = state.cardPresent || issued.slip == .printing ? nil : configuration.claimCodeSeconds
        case .chooseIdentity, .otherPath, .review, .mobileNumber, .problem, .pending:
            state.idleSecondsLeft = configuration.mode == .kiosk ? configuration.idleSeconds : nil
        }
    }

    // MARK: Visit

    private func submit(_ state: inout JourneyState, _ review: JourneyStep.Review) -> [JourneyEffect] {
        guard let visit = state.visit else { return [] }
        guard state.journalAvailable else {
            go(&state, .problem(.outOfService))
            return [.record(visit, .ended(.journalUnavailable, detail: "the journal cannot be written"))]
        }
        go(&state, .submitting(review, seconds: 0))
        return [.submitVisit(visit, VisitSubmission(request: visitRequest(for: review)))]
    }

    private func issue(_ state: inout JourneyState, _ visit: VisitID, _ review: JourneyStep.Review, _ submitted: VisitSubmitter.Submitted) -> [JourneyEffect] {
        let issued = JourneyStep.Issued(person: review.person, service: review.service, submitted: submitted, slip: .printing)
        go(&state, .claimCode(issued))
        return [.printSlip(visit, slip(for: issued, language: state.language))]
    }

    /// The submit's outcome is already in the journal (its performer writes it, whatever the screen does);
    /// here the patient is told.
    private func submitFailed(_ state: inout JourneyState, _ visit: VisitID, _ review: JourneyStep.Review, _ error: NHSOError) -> [JourneyEffect] {
        switch error {
        case .visitOutcomeUnknown:
            // NHSO may hold a code: nothing is sent again here; recovery settles it with a lookup.
            go(&state, .pending(review, reference: visit.reference))
        case .visitRejected:
            go(&state, .problem(.nhso(error, retry: nil)))
        default:
            // NHSO answered that it holds no code for the visit; a retry asks again before sending the
            // same correlationId.
            let retry = VisitSubmission(request: visitRequest(for: review), mayHaveBeenRecorded: true)
            go(&state, .problem(.nhso(error, retry: error.isTransient ? .submit(review, retry) : nil)))
        }
        return []
    }

    func visitRequest(for review: JourneyStep.Review) -> VisitRequest {
        VisitRequest(
            pid: review.person.citizenID.digits, claimType: review.service.claimType, mobile: review.mobile,
            correlationId: review.rights.correlationId ?? "", hcode: configuration.hcode
        )
    }

    private func select(_ event: JourneyEvent, in review: JourneyStep.Review) -> Int {
        let count = review.rights.claimTypes.count
        switch event {
        case .nextService: return (review.selectedService + 1) % count
        case .previousService: return (review.selectedService + count - 1) % count
        case .selectService(let index) where review.rights.claimTypes.indices.contains(index): return index
        default: return review.selectedService
        }
    }

    private func slip(for issued: JourneyStep.Issued, language: Language) -> Slip {
        Slip(
            claimCode: issued.submitted.claimCode, claimDateTime: issued.submitted.claimDateTime, service: issued.service,
            patientName: issued.person.name(in: language),
            maskedCitizenID: issued.person.citizenID.masked, language: language
        )
    }
}

extension JourneyEvent {
    /// Input from the person at the kiosk (as opposed to the machine and the clock).
    var isPatientInput: Bool {
        switch self {
        case .digit, .backspace, .enter, .back, .nextService, .previousService, .selectService, .enterMobile,
             .toggleLanguage, .chooseOtherWay, .choosePath, .retry:
            true
        default:
            false
        }
    }
}
