import NHSO
import ThaiIDCard

/// The person a visit is for, as the journey needs them, whoever identified them: the kiosk's own
/// card read, or NHSO's agent (which reads the card itself and answers with its rights check).
public struct Patient: Sendable, Hashable {
    public var citizenID: CitizenID
    public var nameTH: String
    /// Empty where only the Thai name is known (the agent reads no English name).
    public var nameEN: String

    public init(citizenID: CitizenID, nameTH: String, nameEN: String = "") {
        self.citizenID = citizenID
        self.nameTH = nameTH
        self.nameEN = nameEN
    }

    public init(card: ThaiIDCardPerson) {
        self.init(citizenID: card.citizenID, nameTH: card.nameTH.fullName, nameEN: card.nameEN?.fullName ?? "")
    }

    /// The person in an agent's `read` answer; `nil` when its `pid` is not a valid citizen id.
    public init?(agentRead rights: RightsCheck) {
        guard let id = CitizenID(rights.pid) else { return nil }
        // The agent sends the title as a code of NHSO's own table, not as words: it is left out.
        let name = [rights.fname, rights.lname].compactMap { $0 }
            .flatMap { $0.split(whereSeparator: \.isWhitespace) }.joined(separator: " ")
        self.init(citizenID: id, nameTH: name)
    }

    /// The name as the patient reads it: their language, else the one known.
    public func name(in language: Language) -> String {
        language == .english && !nameEN.isEmpty ? nameEN : nameTH
    }
}
