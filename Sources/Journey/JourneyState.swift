import NHSO
import ThaiIDCard

/// The patient's language on screen and slip: Thai first, English on one key.
public enum Language: String, Sendable, Hashable {
    case thai = "th"
    case english = "en"

    public var other: Language { self == .thai ? .english : .thai }
}

/// The ways to prove who one is, from the journey tree (domain notes §2).
public enum IdentityPath: String, Sendable, Hashable, CaseIterable {
    /// A working Thai ID card in the reader.
    case card
    /// A photo of the patient holding the ID card, and the 13-digit id.
    case photo
    /// A QR scanned with the patient's (or guardian's) phone.
    case qr
    /// A guardian's working ID card, for the patient.
    case proxyCard
    /// A photo of the guardian with another government photo ID.
    case proxyPhoto
    /// Staff authenticate on the patient's behalf.
    case staff
}

/// What went wrong, for the patient: the renderer turns each into words in their language, with what
/// to do next.
public enum JourneyProblem: Sendable, Hashable {
    /// The card could not be read (garbled, mute, not a Thai ID card…).
    case cardUnreadable(ThaiIDCardError)
    /// NHSO's agent answered with a person whose citizen id is not valid.
    case agentAnswerInvalid
    /// The card left the reader before the visit was confirmed: nothing was sent.
    case cardRemovedBeforeConfirm
    /// NHSO answered with an error or could not be reached; `retry` says whether trying again may help.
    case nhso(NHSOError, retry: Retry?)
    /// NHSO lists no service the patient can claim today.
    case noRights(RightsCheck)
    /// NHSO answered about someone other than the person on screen: nothing of it is shown.
    case answerForAnotherPerson
    /// The kiosk cannot keep its journal: it takes no visit, and says so.
    case outOfService
    /// The slip could not be printed (the code is still on screen).
    case printFailed(claimCode: ClaimCode, reason: String)
    /// NHSO lists no phone authentication for the id typed, after waiting: the patient may try again
    /// (the phone may still be finishing) or ask the staff.
    case phoneAuthenticationNotFound(retry: CitizenID)

    /// What "try again" would do, where trying again may help.
    public var retry: Retry? {
        switch self {
        case .nhso(_, let retry): retry
        case .phoneAuthenticationNotFound(let id): .awaitPhone(id)
        default: nil
        }
    }

    /// What "try again" repeats.
    public enum Retry: Sendable, Hashable {
        /// Ask NHSO about this person again.
        case checkRights(Identification)
        /// Have NHSO's agent read the card (and check the rights) again.
        case readCard
        /// Send the same visit again: the same `correlationId`, and NHSO asked first whether the last
        /// attempt was recorded, so never a second code.
        case submit(JourneyStep.Review, VisitSubmission)
        /// Ask NHSO again (for a while) whether the phone authentication has arrived.
        case awaitPhone(CitizenID)
    }
}

/// One step of the journey: what the screen shows and what the patient can do there.
public enum JourneyStep: Sendable, Hashable {
    /// Waiting for a patient: "insert your ID card", with the other ways listed.
    case attract
    /// "How will you prove who you are?": the journey tree's leaves, numbered 1–6 in
    /// `IdentityPath.allCases` order; `focus` is the one the arrow keys are on (Enter takes it).
    case chooseIdentity(focus: IdentityPath)
    /// Proving who the patient is, on one path of the tree (each path has its own steps).
    case identifying(IdentificationStep)
    /// The patient is known; NHSO is asked about their rights.
    case checkingRights(Identification)
    /// Person, rights and services: Enter confirms the selected service.
    case review(Review)
    /// The mobile number on the numpad.
    case mobileNumber(Review, NumberEntry)
    /// The visit is being recorded; `seconds` since confirm (shown, and capped).
    case submitting(Review, seconds: Int)
    /// The visit was sent but its outcome is not known yet (NHSO too slow, or not answering): it waits
    /// for recovery, and the patient shows staff its `reference`. A code that still arrives is shown.
    case pending(Review, reference: String)
    /// The claim code, large; the slip prints.
    case claimCode(Issued)
    /// Something went wrong; the patient is told what and what to do.
    case problem(JourneyProblem)

    /// Everything known about the visit before it is confirmed.
    public struct Review: Sendable, Hashable {
        public var identification: Identification
        public var rights: RightsCheck
        /// Index into `rights.claimTypes`.
        public var selectedService: Int
        /// Ten digits, or empty.
        public var mobile: String

        public init(identification: Identification, rights: RightsCheck, selectedService: Int, mobile: String = "") {
            self.identification = identification
            self.rights = rights
            self.selectedService = selectedService
            self.mobile = mobile
        }

        /// The patient identified by their own card.
        public init(person: Patient, rights: RightsCheck, selectedService: Int, mobile: String = "") {
            self.init(identification: .card(person), rights: rights, selectedService: selectedService, mobile: mobile)
        }

        public var person: Patient { identification.patient }
        public var service: ClaimType { rights.claimTypes[selectedService] }
    }

    /// A claim code on screen.
    public struct Issued: Sendable, Hashable {
        public var person: Patient
        public var service: ClaimType
        public var submitted: VisitSubmitter.Submitted
        public var slip: SlipState
        /// How the patient was identified: on the card path the code stays on screen until the card is out.
        public var path: IdentityPath = .card
        /// For the slip: the patient's main right, and who acted for them.
        public var mainRight: String? = nil
        public var proxy: Proxy? = nil
    }

    public enum SlipState: Sendable, Hashable {
        case printing
        case printed
        case failed(String)
    }
}

/// The whole state of the kiosk's journey.
public struct JourneyState: Sendable, Hashable {
    public var step: JourneyStep
    /// The visit on screen; results of any other visit are dropped. `nil` between patients.
    public var visit: VisitID?
    /// Whether the journal can be written; without it the kiosk takes no visit.
    public var journalAvailable = true
    public var language: Language
    /// The language each new patient starts in (a kiosk goes back to it after every visit).
    public var defaultLanguage: Language
    /// Whether a card is in the reader now (it may stay in after the journey ends).
    public var cardPresent: Bool
    /// The visit that was on screen when the card in the reader went in: a card left by an earlier
    /// patient is never read as this visit's guardian or staff card without being inserted again.
    public var cardInsertedDuring: VisitID?
    /// Whether the card reader can be used: when not, the start screen says so (a patient must not
    /// insert a card into a reader nobody is listening to).
    public var readerAvailable = true
    /// Seconds left before an idle screen returns to the start; `nil` where nothing times out.
    public var idleSecondsLeft: Int?
    /// How far the card read has come, while reading; `nil` where the reader does not say (the agent).
    public var readProgress: ReadProgress?

    public struct ReadProgress: Sendable, Hashable {
        public var done: Int
        public var total: Int

        public init(done: Int, total: Int) {
            self.done = done
            self.total = total
        }

        /// 0...1.
        public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }
    }

    public init(step: JourneyStep = .attract, language: Language = .thai, cardPresent: Bool = false, idleSecondsLeft: Int? = nil) {
        self.step = step
        self.language = language
        self.defaultLanguage = language
        self.cardPresent = cardPresent
        self.idleSecondsLeft = idleSecondsLeft
    }

    /// Whether the app must send `.tick` each second: a screen that times out, or a submit whose time is
    /// capped and shown.
    public var needsTicks: Bool {
        if idleSecondsLeft != nil { return true }
        switch step {
        case .submitting: return true
        case .identifying(let step): return step.countsDown
        default: return false
        }
    }

    /// Whether the countdown should be visible (its last seconds).
    public func showsCountdown(_ configuration: JourneyConfiguration) -> Bool {
        guard let left = idleSecondsLeft else { return false }
        return left <= configuration.countdownSeconds
    }
}
