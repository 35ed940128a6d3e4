import NHSO

/// Work for the app to do, for one visit; it reports the result back as `.result(visit, …)`.
public enum JourneyEffect: Sendable, Hashable {
    /// Read the card in the reader (→ `cardRead` / `cardReadFailed`, or through NHSO's agent
    /// `agentRead` / `agentReadFailed`).
    case readCard(VisitID)
    /// Read the card of someone acting for the patient (a guardian, a staff member): who they are, not
    /// their rights (NHSO's agent reads it with `read-card-only`, which works with NHSO unreachable).
    case readVerifierCard(VisitID)
    /// Ask NHSO about the person's rights (→ `rightsChecked` / `rightsCheckFailed`).
    case checkRights(VisitID, pid: String)
    /// Record the visit in the journal (synced), then with NHSO; never two codes, never abandoned once
    /// sent (→ `visitSubmitted` / `visitFailed` / `visitNotSubmitted`).
    case submitVisit(VisitID, VisitSubmission)
    /// Ask NHSO (check-authen-status, with back-off) until it lists today's authentication of `pid` at
    /// this unit, done on the patient's phone (→ `phoneAuthenticated` / `phoneAuthenticationFailed`);
    /// stopped by `cancel`. Errors that waiting may mend are retried, not reported.
    case awaitPhoneAuthentication(VisitID, pid: String, hcode: String?)
    /// Start the camera's live preview (→ `previewFrame`… / `cameraFailed`); stopped by `stopCamera`,
    /// `capturePhoto` or `cancel`.
    case startCamera(VisitID)
    case stopCamera(VisitID)
    /// Take the photo (the preview stops first) (→ `photoCaptured` / `cameraFailed`).
    case capturePhoto(VisitID)
    /// Print the claim-code slip (→ `slipPrinted` / `slipFailed`).
    case printSlip(VisitID, Slip)
    /// Print a slip that sends the patient to the registration desk (→ `slipPrinted` / `slipFailed`).
    case printQueueSlip(VisitID, QueueSlip)
    /// Print the reference of a visit left pending, for the staff (→ `referenceSlipPrinted` /
    /// `referenceSlipFailed`).
    case printPendingSlip(VisitID, PendingSlip)
    /// Keep what happened to the visit, for recovery, staff and audit.
    case record(VisitID, JourneyRecord)
    /// Stop the visit's card read and rights check: the patient has gone. A submit is never cancelled.
    case cancel(VisitID)
}

/// What confirm-save needs, and whether an earlier attempt of the same visit may have been recorded
/// (then NHSO is asked before anything is sent again).
public struct VisitSubmission: Sendable, Hashable {
    public var request: VisitRequest
    public var mayHaveBeenRecorded: Bool
    /// The photo to attach (photo and proxy-photo paths): the app holds it under this id, and puts it
    /// in the request only as it is sent.
    public var photoID: String?

    public init(request: VisitRequest, mayHaveBeenRecorded: Bool = false, photoID: String? = nil) {
        self.request = request
        self.mayHaveBeenRecorded = mayHaveBeenRecorded
        self.photoID = photoID
    }
}

/// What a printed claim-code slip says of the visit (the hospital and the kiosk are the printer's to add).
public struct Slip: Sendable, Hashable {
    public var claimCode: ClaimCode
    /// As NHSO gave it: `yyyy-MM-ddTHH:mm:ss`, Thai time, Gregorian.
    public var claimDateTime: String
    public var service: ClaimType
    public var patientName: String
    public var maskedCitizenID: String
    /// The patient's main right (NHSO's name for it), when known.
    public var mainRight: String?
    public var path: IdentityPath
    /// Who acted for the patient (guardian, caretaker, staff), for a proxy visit.
    public var proxy: SlipProxy?
    public var language: Language
    /// Printed again by staff (the slip says it is a copy).
    public var isCopy: Bool

    public init(claimCode: ClaimCode, claimDateTime: String, service: ClaimType, patientName: String, maskedCitizenID: String,
                mainRight: String? = nil, path: IdentityPath = .card, proxy: SlipProxy? = nil, language: Language, isCopy: Bool = false) {
        self.isCopy = isCopy
        self.claimCode = claimCode
        self.claimDateTime = claimDateTime
        self.service = service
        self.patientName = patientName
        self.maskedCitizenID = maskedCitizenID
        self.mainRight = mainRight
        self.path = path
        self.proxy = proxy
        self.language = language
    }
}

/// Who acted for the patient, as a slip names them: the name and the role and relationship in NHSO's words.
public struct SlipProxy: Sendable, Hashable {
    public var name: String
    public var maskedCitizenID: String
    public var role: VerifierRole
    public var relationship: Relationship

    public init(name: String, maskedCitizenID: String, role: VerifierRole, relationship: Relationship) {
        self.name = name
        self.maskedCitizenID = maskedCitizenID
        self.role = role
        self.relationship = relationship
    }
}

/// What the slip printed when a visit is left pending says: NHSO's answer has not come; staff find the
/// visit by its reference.
public struct PendingSlip: Sendable, Hashable {
    public var reference: String
    public var patientName: String
    public var maskedCitizenID: String
    public var language: Language

    public init(reference: String, patientName: String, maskedCitizenID: String, language: Language) {
        self.reference = reference
        self.patientName = patientName
        self.maskedCitizenID = maskedCitizenID
        self.language = language
    }
}

/// What a queue slip carries: where to go, and the reference staff find the patient's attempt by.
public struct QueueSlip: Sendable, Hashable {
    public var reference: String
    public var language: Language

    public init(reference: String, language: Language) {
        self.reference = reference
        self.language = language
    }
}

/// What happened to a visit, as the journey sees it. The submit itself (before and after NHSO is
/// asked) is recorded by the app that performs it, so its outcome is kept even when the screen has
/// moved on.
public enum JourneyRecord: Sendable, Hashable {
    /// The patient is known (the card was read, or the agent answered).
    case identified(citizenID: String, path: IdentityPath)
    /// NHSO answered with the person's rights.
    case rights(mainInscl: String?)
    case printed
    case printFailed(reason: String)
    /// The submit took too long: the patient was sent to staff with the visit's reference, and the
    /// visit waits for recovery (its answer may still come).
    case pending
    /// Ended without a code.
    case ended(VisitEndReason, detail: String)
}

/// Why a visit ended without a code: the patient left or could not go on (the visit is *abandoned*), or
/// it was confirmed and did not get a code (it *failed*).
public enum VisitEndReason: String, Sendable, Hashable, CaseIterable, Codable {
    case cardRemoved
    case idleTimeout
    case cancelledByPatient
    case cardUnreadable
    case rightsUnavailable
    case noRights
    /// The kiosk stopped (crash, power) before the visit was confirmed.
    case kioskStopped
    case submitFailed
    case rejectedByNHSO
    case journalUnavailable
    /// Recovery asked NHSO, which holds no code for it: it was never recorded.
    case notSubmitted
    /// The QR path: NHSO listed no phone authentication while the kiosk waited.
    case phoneNotAuthenticated
    /// The patient was sent to the registration desk (the staff path at a kiosk).
    case sentToStaff

    /// Whether the visit had been confirmed (it failed) rather than left before (it was abandoned).
    public var isFailure: Bool {
        switch self {
        case .submitFailed, .rejectedByNHSO, .journalUnavailable, .notSubmitted: true
        default: false
        }
    }
}
