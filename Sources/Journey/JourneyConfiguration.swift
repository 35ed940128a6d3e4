import NHSO

/// How the journey behaves at one installation. Kiosk (patients alone) and station (staff at the
/// counter) are two configurations of the same journey.
public struct JourneyConfiguration: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Self-service: patients alone, idle screens return to the start.
        case kiosk
        /// A registration counter: staff drive it, nothing times out.
        case station
    }

    public var mode: Mode
    /// Whether a mobile number must be given before confirming (NHSO's web form requires one;
    /// many hospitals' kiosks do not ask).
    public var mobileRequired: Bool
    /// Seconds without input before a screen gives up and returns to the start (kiosk mode).
    public var idleSeconds: Int
    /// In its last seconds, the idle countdown is shown.
    public var countdownSeconds: Int
    /// Seconds the claim code stays on screen after the card is out and the slip printed.
    public var claimCodeSeconds: Int
    /// The service chosen unless the patient picks another.
    public var defaultService: String
    /// The unit's 5-digit code, sent with each visit.
    public var hcode: String?
    /// Longest time on "recording your visit": after it the visit is left pending (for recovery) and
    /// the patient is sent to staff with its reference. Above the submitter's own retries, so an
    /// answer that can still come usually does.
    public var submitLimitSeconds: Int
    /// The address NHSO gives the hospital for phone authentication, drawn as the QR; `nil` when the
    /// hospital has none (the QR path then sends the patient to the counter).
    public var qrAuthenticationURL: String?
    /// How long the QR path waits for NHSO to list the phone's authentication before it asks the
    /// patient to try again or see the staff.
    public var phoneWaitSeconds: Int
    /// Whether visits of patients identified without their own card (guardian, photo, staff) can be
    /// sent to NHSO: they need the (assumed) verified confirm-save path. Off: those paths send the
    /// patient to the counter.
    public var verifiedVisits: Bool
    /// Whether the kiosk has a camera (the photo paths need one).
    public var cameraAvailable: Bool
    /// The language each patient starts in (staff may change it from the admin menu).
    public var defaultLanguage: Language
    /// Citizen ids of the staff who may authenticate for a patient at a station (the staff path).
    public var staffIDs: Set<String>
    /// At a station whose staff sign in: seconds without a key before a visit left half-way (before it
    /// is sent) is dropped, so that a staff member who walked away leaves no patient's details on
    /// screen; `nil`: a station's screens never time out.
    public var stationIdleSeconds: Int?

    public init(
        mode: Mode = .kiosk, mobileRequired: Bool = false, idleSeconds: Int = 60, countdownSeconds: Int = 10,
        claimCodeSeconds: Int = 15, defaultService: String = ServiceCode.general, hcode: String? = nil,
        submitLimitSeconds: Int = 45, qrAuthenticationURL: String? = nil, phoneWaitSeconds: Int = 180,
        verifiedVisits: Bool = true, staffIDs: Set<String> = [], cameraAvailable: Bool = true,
        defaultLanguage: Language = .thai
    ) {
        self.defaultLanguage = defaultLanguage
        self.cameraAvailable = cameraAvailable
        self.staffIDs = staffIDs
        self.verifiedVisits = verifiedVisits
        self.qrAuthenticationURL = qrAuthenticationURL
        self.phoneWaitSeconds = phoneWaitSeconds
        self.submitLimitSeconds = submitLimitSeconds
        self.mode = mode
        self.mobileRequired = mobileRequired
        self.idleSeconds = idleSeconds
        self.countdownSeconds = countdownSeconds
        self.claimCodeSeconds = claimCodeSeconds
        self.defaultService = defaultService
        self.hcode = hcode
    }
}
