import NHSO

/// What an identification path's reducer decided: the journey carries it out (moves the screen, starts
/// the visit part, records, sends to the counter).
enum IdentificationTransition: Sendable, Hashable {
    /// Stay on the path, at this step (perhaps the same), with these effects.
    case step(IdentificationStep, [JourneyEffect])
    /// The patient is known: the visit part starts (NHSO is asked about their rights).
    case identified(Identification)
    /// The patient is known and NHSO's agent already answered with their rights.
    case identifiedWithRights(Identification, RightsCheck)
    /// NHSO already holds a code for the visit (the phone did the authentication): it is shown.
    case coded(PhoneAuthentication)
    /// The path cannot go on: the patient is told why; the visit ends with `reason`.
    case failed(JourneyProblem, VisitEndReason, detail: String)
    /// Back to "how will you prove who you are?" (nothing was recorded or sent).
    case leave
    /// The path is over and everything of it is recorded: back to the start.
    case finished
    /// The patient gave up on the path: back to the start; the visit ends with `reason`.
    case abandon(VisitEndReason, detail: String)
    /// The event means nothing here.
    case ignored
}

/// A code NHSO issued for an authentication done on the patient's (or guardian's) phone, as the kiosk
/// learns it from check-authen-status.
public struct PhoneAuthentication: Sendable, Hashable {
    public var patient: Patient
    public var service: ClaimType
    public var submitted: VisitSubmitter.Submitted

    public init(patient: Patient, service: ClaimType, submitted: VisitSubmitter.Submitted) {
        self.patient = patient
        self.service = service
        self.submitted = submitted
    }
}

extension IdentificationTransition {
    /// A key on a step where an id is typed: still typing (`editing` puts the entry back in the path's
    /// step), left (`cancelled`), or complete and valid (`done`, with the finished entry).
    static func typing(_ entry: NumberEntry, _ event: JourneyEvent, editing: (NumberEntry) -> IdentificationStep,
                       cancelled: IdentificationTransition = .leave, done: (NumberEntry) -> IdentificationTransition) -> IdentificationTransition {
        guard event.isEntryInput else { return .ignored }
        var entry = entry
        switch entry.handle(event) {
        case .editing: return .step(editing(entry), [])
        case .cancelled: return cancelled
        case .done: return done(entry)
        }
    }
}
