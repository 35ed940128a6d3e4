import NHSO
import ThaiIDCard

/// The card path: the patient's own card in the reader, read by the kiosk (then NHSO is asked about
/// rights) or by NHSO's agent (which answers with the rights at once).
struct CardIdentification {
    func reduce(_ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        guard case .result(_, let result) = event else { return .ignored }
        switch result {
        case .cardReadProgress:
            return .step(.card, [])  // the journey keeps the progress for the screen
        case .cardRead(let card):
            return .identified(.card(Patient(card: card)))
        case .cardReadFailed(let error):
            return error.isCardRemoved
                ? .failed(.cardRemovedBeforeConfirm, .cardRemoved, detail: error.description)
                : .failed(.cardUnreadable(error), .cardUnreadable, detail: error.description)
        case .agentRead(let rights):
            guard let person = Patient(agentRead: rights) else {
                return .failed(.agentAnswerInvalid, .cardUnreadable, detail: "the agent's answer has no valid citizen id")
            }
            return .identifiedWithRights(.card(person), rights)
        case .agentReadFailed(let error):
            return .failed(.nhso(error, retry: error.isTransient ? .readCard : nil), .cardUnreadable, detail: error.staffMessage)
        default:
            return .ignored
        }
    }
}
