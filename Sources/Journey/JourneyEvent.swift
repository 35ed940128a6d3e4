import NHSO
import ThaiIDCard

/// Something that happened: the patient pressed or tapped, the reader or NHSO answered, a second passed.
public enum JourneyEvent: Sendable, Hashable {
    // The reader
    /// The card reader (or NHSO's agent holding it) became usable, or stopped being usable.
    case readerAvailable(Bool)
    case cardInserted
    case cardRemoved
    /// The read has done `done` of its `total` steps.
    case cardReadProgress(done: Int, total: Int)
    case cardRead(ThaiIDCardPerson)
    case cardReadFailed(ThaiIDCardError)
    /// NHSO's agent read the card and checked the rights in one call (its `read`).
    case agentRead(RightsCheck)
    /// NHSO's agent could not read the card or check the rights.
    case agentReadFailed(NHSOError)

    // NHSO
    case rightsChecked(RightsCheck)
    case rightsCheckFailed(NHSOError)
    case visitSubmitted(VisitSubmitter.Submitted)
    case visitFailed(NHSOError)

    // The printer
    case slipPrinted
    case slipFailed(String)

    // The patient
    case digit(Int)
    case backspace
    case enter
    /// Esc, or the Back button.
    case back
    case nextService
    case previousService
    /// The service at this index in the list, by tap.
    case selectService(Int)
    /// "Add a mobile number".
    case enterMobile
    case toggleLanguage
    case chooseOtherWay
    case choosePath(IdentityPath)
    case retry

    // The clock
    case tick
}

/// Work for the app to do; it reports the result back as an event.
public enum JourneyEffect: Sendable, Hashable {
    /// Read the card in the reader (→ `cardRead` / `cardReadFailed`, or through NHSO's agent
    /// `agentRead` / `agentReadFailed`).
    case readCard
    /// Ask NHSO about the person's rights (→ `rightsChecked` / `rightsCheckFailed`).
    case checkRights(pid: String)
    /// Record the visit; never two codes (→ `visitSubmitted` / `visitFailed`).
    case submitVisit(VisitRequest)
    /// Print the claim-code slip (→ `slipPrinted` / `slipFailed`).
    case printSlip(Slip)
    /// Keep what happened, for staff and audit.
    case record(JourneyRecord)
}

/// What a printed slip carries.
public struct Slip: Sendable, Hashable {
    public var claimCode: ClaimCode
    public var claimDateTime: String
    public var service: ClaimType
    public var patientName: String
    public var maskedCitizenID: String
    public var language: Language
}

/// A line for the journal: what happened to a visit, with the citizen id masked.
public enum JourneyRecord: Sendable, Hashable {
    case claimCodeIssued(maskedCitizenID: String, claimCode: ClaimCode, service: String, origin: VisitSubmitter.Submitted.Origin)
    case abandoned(step: String, reason: String)
}
