import NHSO
import ThaiIDCard

/// The QR path: the QR → the patient's id → NHSO is polled (check-authen-status) until it lists today's
/// authentication at this unit → the code. Nothing is submitted by the kiosk: the phone did that.
struct QRIdentification {
    let configuration: JourneyConfiguration

    func reduce(_ step: QRStep, _ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        switch (step, event) {
        case (.scan, .enter):
            return .step(.qr(.typeID(NumberEntry(.citizenID))), [])
        case (.scan, .back):
            return .leave

        case (.typeID(let entry), _) where event.isEntryInput:
            return .typing(entry, event, editing: { .qr(.typeID($0)) }, cancelled: .step(.qr(.scan), [])) {
                wait(for: $0.citizenID!, visit: visit, first: true)
            }

        case (.waiting, .back):
            return .abandon(.cancelledByPatient, detail: "left while waiting for the phone")
        case (.waiting(let id, _), .result(_, .phoneAuthenticated(let authentication))):
            // NHSO's answer must be about the id typed.
            guard authentication.patient.citizenID == id else {
                return .failed(.answerForAnotherPerson, .rightsUnavailable, detail: "NHSO answered about another person")
            }
            return .coded(authentication)
        case (.waiting(let id, _), .result(_, .phoneAuthenticationFailed(let error))):
            return .failed(.nhso(error, retry: error.isTransient ? .awaitPhone(id) : nil), .rightsUnavailable, detail: error.staffMessage)
        case (.waiting(let id, let left), .tick):
            guard left > 1 else {
                return .failed(.phoneAuthenticationNotFound(retry: id), .phoneNotAuthenticated, detail: "no authentication within \(configuration.phoneWaitSeconds) s")
            }
            return .step(.qr(.waiting(id, secondsLeft: left - 1)), [])
        default:
            return .ignored
        }
    }

    /// Starts (or, `first` false, restarts) asking NHSO about the id; the patient is recorded once.
    func wait(for id: CitizenID, visit: VisitID, first: Bool) -> IdentificationTransition {
        let record: [JourneyEffect] = first ? [.record(visit, .identified(citizenID: id.digits, path: .qr))] : []
        return .step(.qr(.waiting(id, secondsLeft: configuration.phoneWaitSeconds)),
                     record + [.awaitPhoneAuthentication(visit, pid: id.digits, hcode: configuration.hcode)])
    }
}

extension JourneyEvent {
    /// Keys a number entry reacts to.
    var isEntryInput: Bool {
        switch self {
        case .digit, .notADigit, .backspace, .enter, .back: true
        default: false
        }
    }
}
