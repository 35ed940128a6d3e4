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
    /// The photo taken (photo and proxy photo paths): the app holds the JPEG under this id.
    public var photoID: String?

    public init(patient: Patient, path: IdentityPath, proxy: Proxy? = nil, photoID: String? = nil) {
        self.patient = patient
        self.path = path
        self.proxy = proxy
        self.photoID = photoID
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
            // The photo itself is attached by the app when it sends the visit: it never sits in the
            // journey's state, the journal or a log.
            let method: Verification.Method = path == .proxyCard ? .proxyCard : path == .proxyPhoto ? .proxyPhoto : .staff
            return Verification(authenType: method, verifierType: proxy?.role.thai, verifierPid: proxy?.citizenID.digits,
                                verifierName: proxy?.name.isEmpty == false ? proxy?.name : nil, relationship: proxy?.relationship.thai,
                                documentType: proxy?.document?.thai, reason: proxy?.noCardReason?.thai)
        }
    }
}

/// Someone authenticating for the patient (ยืนยันตัวตนแทน): who, as what, and how they are related.
public struct Proxy: Sendable, Hashable {
    public var citizenID: CitizenID
    public var name: String
    public var role: VerifierRole
    public var relationship: Relationship
    /// The government photo ID shown instead of a smart card, and why (proxy photo).
    public var document: PhotoDocument?
    public var noCardReason: NoCardReason?

    public init(citizenID: CitizenID, name: String, role: VerifierRole, relationship: Relationship,
                document: PhotoDocument? = nil, noCardReason: NoCardReason? = nil) {
        self.citizenID = citizenID
        self.name = name
        self.role = role
        self.relationship = relationship
        self.document = document
        self.noCardReason = noCardReason
    }
}
