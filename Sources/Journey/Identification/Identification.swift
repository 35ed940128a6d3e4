import NHSO
import ThaiIDCard

/// How the patient was identified: what every identification path ends in, and what the visit part of
/// the journey (rights, service, confirm, code) starts from.
public struct Identification: Sendable, Hashable {
    /// The person the visit is for.
    public var patient: Patient
    /// The leaf of the journey tree that identified them.
    public var path: IdentityPath
    /// Who acted for the patient, for the proxy and staff paths; `nil` when the patient did.
    public var proxy: Proxy?

    public init(patient: Patient, path: IdentityPath, proxy: Proxy? = nil) {
        self.patient = patient
        self.path = path
        self.proxy = proxy
    }

    /// The patient identified by their own card.
    public static func card(_ patient: Patient) -> Identification { Identification(patient: patient, path: .card) }

    /// What NHSO is told of how the patient was identified; `nil` for their own card.
    public var verification: Verification? {
        switch path {
        case .card, .qr:
            return nil
        case .photo:
            return Verification(authenType: .photo)
        case .proxyCard, .proxyPhoto, .staff:
            let method: Verification.Method = path == .proxyCard ? .proxyCard : path == .proxyPhoto ? .proxyPhoto : .staff
            return Verification(authenType: method, verifierType: proxy?.role.thai, verifierPid: proxy?.citizenID.digits,
                                verifierName: proxy?.name, relationship: proxy?.relationship.thai)
        }
    }
}

/// Someone authenticating for the patient (ยืนยันตัวตนแทน): who, as what, and how they are related.
public struct Proxy: Sendable, Hashable {
    public var citizenID: CitizenID
    public var name: String
    public var role: VerifierRole
    public var relationship: Relationship

    public init(citizenID: CitizenID, name: String, role: VerifierRole, relationship: Relationship) {
        self.citizenID = citizenID
        self.name = name
        self.role = role
        self.relationship = relationship
    }
}
