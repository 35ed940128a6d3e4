import NHSO
import ThaiIDCard

/// The guardian's-card path (PROXY-CARD): a patient without a working card of their own, identified by
/// the id typed and by a guardian or caretaker whose own card is read.
public enum ProxyCardStep: Sendable, Hashable {
    /// The patient's 13-digit id.
    case patientID(NumberEntry)
    /// "Guardian: please insert your ID card"; `reading` while it is read; `notice` after a card that
    /// could not serve.
    case guardianCard(patient: CitizenID, reading: Bool, notice: VerifierCardNotice?)
    /// As what the guardian acts, and how they are related to the patient: one screen.
    case relation(ProxyChoice)
}

/// The relation screen's choices: the two verifier types (1 guardian, 2 caretaker), then NHSO's 19
/// relationships (3–21), then Continue.
public struct ProxyChoice: Sendable, Hashable {
    public var patient: CitizenID
    /// The guardian: from their card, or (proxy photo) only their typed id.
    public var guardian: Patient
    public var board = ChoiceBoard(groups: [roles.count, relationships.count])

    public static let roles: [VerifierRole] = [.guardian, .caretaker]
    /// A guardian or caretaker chooses among all 19 ("caretaking officer" included: a staff member may
    /// bring a patient and use their own card).
    public static let relationships = Relationship.allCases
    public static var itemCount: Int { roles.count + relationships.count }
    public static var continueIndex: Int { itemCount }

    public init(patient: CitizenID, guardian: Patient) {
        self.patient = patient
        self.guardian = guardian
    }

    public var role: VerifierRole? { board.chosen[0].map { Self.roles[$0] } }
    public var relationship: Relationship? { board.chosen[1].map { Self.relationships[$0] } }
    public var focus: Int { board.focus }
    public var typed: String { board.typed }
    public var isComplete: Bool { board.isComplete }
}
