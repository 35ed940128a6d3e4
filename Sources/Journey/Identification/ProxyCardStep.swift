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

/// The choices on the relation screen: 21 items numbered in screen order — the two verifier types
/// (1 guardian, 2 caretaker), then NHSO's 19 relationships (3–21) — and Continue.
public struct ProxyChoice: Sendable, Hashable {
    public var patient: CitizenID
    /// The guardian, from their card.
    public var guardian: Patient
    public var role: VerifierRole?
    public var relationship: Relationship?
    /// The item the arrows are on (`items` indices; `continueIndex` is Continue).
    public var focus: Int = 0
    /// Digits typed to pick an item by its number (Enter picks it).
    public var typed: String = ""

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

    public var isComplete: Bool { role != nil && relationship != nil }

    /// Marks the item at `index` (0-based) chosen.
    mutating func pick(_ index: Int) {
        if index < Self.roles.count {
            role = Self.roles[index]
        } else if index < Self.itemCount {
            relationship = Self.relationships[index - Self.roles.count]
        }
        focus = isComplete ? Self.continueIndex : (role == nil ? 0 : max(focus, Self.roles.count))
    }
}
