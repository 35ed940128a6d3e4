import NHSO
import ThaiIDCard

/// Why a card in a verifier's step (a guardian's, a staff member's) did not serve.
public enum VerifierCardNotice: Sendable, Hashable {
    /// The card is the patient's own.
    case isThePatientsCard
    /// The card could not be read.
    case unreadable
    /// The card left the reader during the read.
    case removed
    /// A staff member's card whose id is not on the configured staff list.
    case notOnStaffList
}

/// Reading the card of someone acting for the patient: shared by the guardian's and the staff paths.
struct VerifierCardRead {
    enum Outcome: Sendable, Hashable {
        /// The card went in: read it (for this visit, not as a patient's card).
        case read
        /// The read ended without a verifier: say why, wait for another card.
        case notice(VerifierCardNotice, cancelRead: Bool)
        /// The verifier, from their card.
        case verifier(Patient)
        case ignored
    }

    let patient: CitizenID
    let reading: Bool

    func handle(_ event: JourneyEvent) -> Outcome {
        switch event {
        case .cardInserted where !reading:
            return .read
        case .cardRemoved where reading:
            return .notice(.removed, cancelRead: true)
        case .result(_, .cardRead(let card)) where reading:
            return card.citizenID == patient ? .notice(.isThePatientsCard, cancelRead: false) : .verifier(Patient(card: card))
        case .result(_, .agentRead(let rights)) where reading:
            // NHSO's agent reads the card and checks the rights of whoever it belongs to: the verifier.
            guard let verifier = Patient(agentRead: rights) else { return .notice(.unreadable, cancelRead: false) }
            return verifier.citizenID == patient ? .notice(.isThePatientsCard, cancelRead: false) : .verifier(verifier)
        case .result(_, .cardReadFailed(let error)) where reading:
            return .notice(error.isCardRemoved ? .removed : .unreadable, cancelRead: false)
        case .result(_, .agentReadFailed) where reading:
            return .notice(.unreadable, cancelRead: false)
        default:
            return .ignored
        }
    }
}
