import Foundation
import GRDB
import Journey

/// One visit as the journal keeps it: enough to settle it with NHSO after a crash (the full citizen id,
/// service, unit, correlationId and service date, until it is settled), and what became of it.
public struct JournalVisit: Sendable, Hashable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "visit"

    /// `VisitID`'s text.
    public var id: String
    /// Six characters staff and patient read out.
    public var reference: String
    public var state: VisitState
    /// Why it failed or was abandoned.
    public var reason: VisitEndReason?
    public var detail: String?
    /// Full while the visit may need recovery; masked once it is settled.
    public var citizenID: String?
    /// How the patient was identified (`card`, …).
    public var path: String?
    public var mainInscl: String?
    public var service: String?
    public var hcode: String?
    public var correlationId: String?
    public var mobile: String?
    /// The service date sent with the visit, `YYYY-MM-DD` (Thai time).
    public var serviceDate: String?
    public var claimCode: String?
    public var claimDateTime: String?
    /// How the code was obtained: `issued`, `recovered`, `alreadyIssuedToday`.
    public var origin: String?
    /// `printed`, or why the slip did not print.
    public var slip: String?
    /// Whether check-authen-status lists the code (for this unit, day and service); `nil` where it was
    /// not asked (no kiosk token) or could not answer.
    public var nhsoConfirmed: Bool?
    /// Who acted for a patient without their own card: as what (NHSO's words), their citizen id (masked
    /// once settled), the relationship, the kind of photo ID shown.
    public var verifierType: String?
    public var verifierCitizenID: String?
    public var relationship: String?
    public var documentType: String?
    public var startedAt: Date
    public var submittedAt: Date?
    public var updatedAt: Date

    public var visitID: VisitID? { VisitID(id) }

    // Times are stored as seconds since 1970: exact, free of calendars and locales (and of loading ICU's
    // date formatting into an idle kiosk).
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .timeIntervalSince1970 }
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .timeIntervalSince1970 }
}

/// Where a visit stands. `submitting` and `pending` visits are settled with NHSO before the kiosk takes
/// the next patient after a restart.
public enum VisitState: String, Sendable, Hashable, Codable, CaseIterable, DatabaseValueConvertible {
    /// The patient is known.
    case identified
    /// NHSO answered with their rights.
    case rights
    /// Written and synced before confirm-save is sent; the answer is not in yet.
    case submitting
    /// NHSO issued (or holds) the code.
    case coded
    /// The slip came out of the printer.
    case printed
    /// Sent, with no answer in time or no way to check: settled by recovery.
    case pending
    /// Confirmed, and no code came of it (`reason` says why).
    case failed
    /// Left before confirm (`reason` says why).
    case abandoned

    /// Whether NHSO may hold a code nobody has seen: recovery must ask.
    public var needsRecovery: Bool { self == .submitting || self == .pending }

    /// Whether nothing more will happen to it, so the citizen id can be masked.
    public var isSettled: Bool {
        switch self {
        case .coded, .printed, .failed, .abandoned: true
        case .identified, .rights, .submitting, .pending: false
        }
    }
}

extension VisitEndReason: DatabaseValueConvertible {}
