import NHSO
import ThaiIDCard

/// The photo path (PHOTO): a patient whose card's chip does not work and who has no phone types their
/// id, and the kiosk's camera takes a photo of their face holding the card.
public enum PhotoStep: Sendable, Hashable {
    case patientID(NumberEntry)
    case camera(patient: CitizenID, PhotoCapture)
}

/// The proxy-photo path (PROXY-PHOTO): a guardian without a working smart card shows another government
/// photo ID; the kiosk takes the patient's and the guardian's ids, the kind of ID and why no smart card,
/// a photo of the guardian's face with that ID, and as what and how related they act.
public enum ProxyPhotoStep: Sendable, Hashable {
    case patientID(NumberEntry)
    case guardianID(patient: CitizenID, NumberEntry)
    /// The kind of ID (1–5) and the reason (6–10), on one screen.
    case document(ProxyPhotoForm)
    case camera(ProxyPhotoForm, PhotoCapture)
    case relation(ProxyPhotoForm, ProxyChoice)
}

/// What the proxy-photo path has gathered so far.
public struct ProxyPhotoForm: Sendable, Hashable {
    public var patient: CitizenID
    public var guardian: CitizenID
    public var board = ChoiceBoard(groups: [documents.count, reasons.count])
    public var photo: CapturedPhoto?

    public static let documents = PhotoDocument.allCases
    public static let reasons = NoCardReason.allCases

    public init(patient: CitizenID, guardian: CitizenID) {
        self.patient = patient
        self.guardian = guardian
    }

    public var document: PhotoDocument? { board.chosen[0].map { Self.documents[$0] } }
    public var reason: NoCardReason? { board.chosen[1].map { Self.reasons[$0] } }
}
