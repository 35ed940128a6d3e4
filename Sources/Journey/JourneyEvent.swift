import NHSO
import ThaiIDCard

/// Something that happened: the patient pressed or tapped, the reader or NHSO answered, a second passed.
public enum JourneyEvent: Sendable, Hashable {
    // The reader
    /// The card reader (or NHSO's agent holding it) became usable, or stopped being usable.
    case readerAvailable(Bool)
    case cardInserted
    case cardRemoved

    /// The answer to an effect, for the visit that asked for it. Answers for any other visit are
    /// dropped: they belong to a patient who is no longer at the kiosk.
    case result(VisitID, EffectResult)

    /// Whether the journal can be written. Without it no visit is submitted: a code NHSO issued could
    /// not be recovered after a crash, so the kiosk says it is out of service instead.
    case journalAvailable(Bool)

    // The patient
    case digit(Int)
    /// A key that is not a digit where digits are typed (a letter, pasted text).
    case notADigit
    case backspace
    case enter
    /// Esc, or the Back button.
    case back
    /// Down or right: the next service, the next choice.
    case nextChoice
    /// Up or left.
    case previousChoice
    /// The choice at this index on the screen, by tap (a service on the review, a relationship…).
    case select(Int)
    /// "Add a mobile number".
    case enterMobile
    case toggleLanguage
    /// Staff set the language each new patient starts in (the admin menu).
    case defaultLanguageChanged(Language)
    case chooseOtherWay
    case choosePath(IdentityPath)
    case retry

    // The clock
    case tick
}

/// What an effect came back with.
public enum EffectResult: Sendable, Hashable {
    // The reader
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
    /// The journal row could not be written before confirm-save: nothing was sent.
    case visitNotSubmitted(journalError: String)
    /// NHSO lists the phone authentication of the id typed (QR path), with its code.
    case phoneAuthenticated(PhoneAuthentication)
    /// NHSO could not be asked about it (an error waiting cannot mend).
    case phoneAuthenticationFailed(NHSOError)

    // The camera
    case previewFrame(PixelImage)
    case photoCaptured(CapturedPhoto)
    case cameraFailed(String)

    // The printer
    case slipPrinted
    case slipFailed(String)
    /// The pending visit's reference slip: kept apart from the claim slip's outcome, so a reference slip
    /// still printing when the code arrives is never taken for the claim slip.
    case referenceSlipPrinted
    case referenceSlipFailed(String)
}
