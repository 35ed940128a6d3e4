import NHSO
import ThaiIDCard

/// The patient journey as a pure function: `reduce(state, event) -> effects`, with the state updated in
/// place. No I/O, no clock: the app performs the effects and feeds their results back as events, and
/// sends `.tick` once a second. Every branch is testable without a terminal, a reader or a network.
public struct Journey: Sendable {
    public let configuration: JourneyConfiguration

    public init(configuration: JourneyConfiguration = JourneyConfiguration()) {
        self.configuration = configuration
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
        case .cardInserted:
            state.readerAvailable = true
            state.cardPresent = true
            return cardInserted(&state)
        case .cardRemoved:
            state.cardPresent = false
            return cardRemoved(&state)
        case .tick:
            return tick(&state)
        default:
            break
        }
        if event.isPatientInput { restartIdle(&state) }

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

        case .readingCard:
            switch event {
            case .cardReadProgress(let done, let total):
                state.readProgress = .init(done: done, total: total)
                return []
            case .cardRead(let card):
                let person = Patient(card: card)
                go(&state, .checkingRights(person))
                return [.checkRights(pid: person.citizenID.digits)]
            case .cardReadFailed(let error):
                go(&state, .problem(error.isCardRemoved ? .cardRemovedBeforeConfirm : .cardUnreadable(error)))
                return [.record(.abandoned(step: "reading card", reason: error.description))]
            case .agentRead(let rights):
                guard let person = Patient(agentRead: rights) else {
                    go(&state, .problem(.agentAnswerInvalid))
                    return [.record(.abandoned(step: "reading card", reason: "the agent's answer has no valid citizen id"))]
                }
                return rightsChecked(&state, person, rights)
            case .agentReadFailed(let error):
                go(&state, .problem(.nhso(error, retry: error.isTransient ? .readCard : nil)))
                return [.record(.abandoned(step: "reading card", reason: error.staffMessage))]
            default:
                return []
            }

        case .checkingRights(let person):
            switch event {
            case .rightsChecked(let rights):
                return rightsChecked(&state, person, rights)
            case .rightsCheckFailed(let error):
                go(&state, .problem(.nhso(error, retry: error.isTransient ? .checkRights(person) : nil)))
                return [.record(.abandoned(step: "rights", reason: error.staffMessage))]
            default:
                break
            }
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
                go(&state, .attract)
                return [.record(.abandoned(step: "review", reason: "cancelled by the patient"))]
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

        case .submitting(let review):
            switch event {
            case .visitSubmitted(let submitted):
                let issued = JourneyStep.Issued(person: review.person, service: review.service, submitted: submitted, slip: .printing)
                go(&state, .claimCode(issued))
                return [
                    .printSlip(slip(for: issued, language: state.language)),
                    .record(.claimCodeIssued(
                        maskedCitizenID: review.person.citizenID.masked, claimCode: submitted.claimCode,
                        service: review.service.claimType, origin: submitted.origin
                    )),
                ]
            case .visitFailed(let error):
                // The submitter has already asked NHSO whether the visit was recorded; a retry sends the
                // same correlationId again.
                let visit = visitRequest(for: review)
                go(&state, .problem(.nhso(error, retry: error.isTransient ? .submit(review, visit) : nil)))
                return [.record(.abandoned(step: "submit", reason: error.staffMessage))]
            default:
                return []
            }

        case .claimCode(var issued):
            switch event {
            case .slipPrinted:
                issued.slip = .printed
            case .slipFailed(let reason):
                issued.slip = .failed(reason)
            case .enter where !state.cardPresent:
                go(&state, .attract)
                return []
            default:
                return []
            }
            go(&state, .claimCode(issued))
            return []

        case .problem(let problem):
            switch event {
            case .retry:
                switch problem {
                case .nhso(_, retry: .checkRights(let person)?):
                    go(&state, .checkingRights(person))
                    return [.checkRights(pid: person.citizenID.digits)]
                case .nhso(_, retry: .submit(let review, let visit)?):
                    go(&state, .submitting(review))
                    return [.submitVisit(visit)]
                case .nhso(_, retry: .readCard?) where state.cardPresent:
                    go(&state, .readingCard)
                    return [.readCard]
                default:
                    go(&state, .attract)
                }
            case .enter, .back:
                go(&state, .attract)
            default:
                break
            }
            return []
        }
    }

    // MARK: Card and rights

    /// The person's rights are known: on to the review, unless there is nothing to claim.
    private func rightsChecked(_ state: inout JourneyState, _ person: Patient, _ rights: RightsCheck) -> [JourneyEffect] {
        guard !rights.claimTypes.isEmpty, rights.correlationId != nil else {
            go(&state, .problem(.noRights(rights)))
            return [.record(.abandoned(step: "rights", reason: "no service to claim"))]
        }
        let preferred = rights.claimTypes.firstIndex { $0.claimType == configuration.defaultService } ?? 0
        go(&state, .review(.init(person: person, rights: rights, selectedService: preferred, mobile: "")))
        return []
    }

    private func cardInserted(_ state: inout JourneyState) -> [JourneyEffect] {
        switch state.step {
        case .attract, .chooseIdentity, .otherPath, .problem:
            go(&state, .readingCard)
            return [.readCard]
        default:
            return []
        }
    }

    private func cardRemoved(_ state: inout JourneyState) -> [JourneyEffect] {
        switch state.step {
        case .readingCard, .checkingRights, .review, .mobileNumber:
            // Nothing was sent to NHSO yet: the visit is cancelled, and the patient is told so.
            go(&state, .problem(.cardRemovedBeforeConfirm))
            return [.record(.abandoned(step: "before confirm", reason: "card removed"))]
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
        guard let left = state.idleSecondsLeft else { return [] }
        if left > 1 {
            state.idleSecondsLeft = left - 1
            return []
        }
        let abandoned: JourneyEffect? = switch state.step {
        case .review, .mobileNumber: .record(.abandoned(step: "before confirm", reason: "idle timeout"))
        default: nil
        }
        go(&state, .attract)
        return abandoned.map { [$0] } ?? []
    }

    /// Moves to `step` and sets its idle limit.
    private func go(_ state: inout JourneyState, _ step: JourneyStep) {
        state.step = step
        state.readProgress = nil
        restartIdle(&state)
    }

    /// Steps a patient may walk away from time out; steps where the machine works, or where the
    /// claim code is shown while the card is still in, do not.
    private func restartIdle(_ state: inout JourneyState) {
        switch state.step {
        case .attract, .readingCard, .checkingRights, .submitting:
            state.idleSecondsLeft = nil
        case .claimCode(let issued):
            state.idleSecondsLeft = state.cardPresent || issued.slip == .printing ? nil : configuration.claimCodeSeconds
        case .chooseIdentity, .otherPath, .review, .mobileNumber, .problem:
            state.idleSecondsLeft = configuration.mode == .kiosk ? configuration.idleSeconds : nil
        }
    }

    // MARK: Visit

    private func submit(_ state: inout JourneyState, _ review: JourneyStep.Review) -> [JourneyEffect] {
        go(&state, .submitting(review))
        return [.submitVisit(visitRequest(for: review))]
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
