import NHSO
import ThaiIDCard

/// Where a patient is in proving who they are, per path of the journey tree. Each path has its own
/// steps and its own reducer; each ends in an `Identification` (or, for the QR path, a code NHSO
/// already issued).
public enum IdentificationStep: Sendable, Hashable {
    /// The patient's card is being read (by the kiosk, or by NHSO's agent with the rights check).
    case card
    /// The patient scans the hospital's QR with their phone (`QRStep`).
    case qr(QRStep)
    /// A guardian or caretaker identifies the patient with their own card (`ProxyCardStep`).
    case proxyCard(ProxyCardStep)
    /// The patient's id and a photo of them holding their card (`PhotoStep`).
    case photo(PhotoStep)
    /// A guardian's id, another photo ID and a photo of them with it (`ProxyPhotoStep`).
    case proxyPhoto(ProxyPhotoStep)
    /// The registration desk, or staff authenticating at a station (`StaffStep`).
    case staff(StaffStep)
    /// A path this kiosk does not offer yet: the patient is sent to the counter.
    case atCounter(IdentityPath)

    public var path: IdentityPath {
        switch self {
        case .card: .card
        case .qr: .qr
        case .proxyCard: .proxyCard
        case .staff: .staff
        case .photo: .photo
        case .proxyPhoto: .proxyPhoto
        case .atCounter(let path): path
        }
    }
}
