import Journey
import NHSO

/// A change to one visit's row.
public enum JournalChange: Sendable, Hashable {
    case identified(citizenID: String, path: IdentityPath)
    case rights(mainInscl: String?)
    /// Before confirm-save is sent: everything recovery needs.
    case submitting(VisitRequest, serviceDate: String)
    case coded(ClaimCode, claimDateTime: String, origin: VisitSubmitter.Submitted.Origin)
    case printed
    case printFailed(reason: String)
    /// Sent, outcome unknown: recovery settles it.
    case pending
    /// What check-authen-status said of the code: listed for this unit, day and service (`true`) or
    /// not (`false`, `detail` says what it listed).
    case confirmedByNHSO(Bool, detail: String)
    case ended(VisitEndReason, detail: String)
}

extension JournalChange {
    /// What a submit that ended in `error` leaves in the journal: `pending` where NHSO may still hold
    /// the visit (recovery asks again), else why it failed. The screens and `authen-kiosk confirm`
    /// both settle a visit by it.
    public static func settling(_ error: NHSOError) -> JournalChange {
        switch error {
        // Unanswered (NHSO may still be committing the last attempt): recovery asks again later.
        case .visitOutcomeUnknown: .pending
        case _ where error.isTransient: .pending
        case .visitRejected: .ended(.rejectedByNHSO, detail: error.staffMessage)
        default: .ended(.submitFailed, detail: error.staffMessage)
        }
    }

    /// The journey's record of a visit, as a change to its row.
    public init(_ record: JourneyRecord) {
        switch record {
        case .identified(let citizenID, let path): self = .identified(citizenID: citizenID, path: path)
        case .rights(let mainInscl): self = .rights(mainInscl: mainInscl)
        case .printed: self = .printed
        case .printFailed(let reason): self = .printFailed(reason: reason)
        case .pending: self = .pending
        case .ended(let reason, let detail): self = .ended(reason, detail: detail)
        }
    }
}
