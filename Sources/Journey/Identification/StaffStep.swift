import ThaiIDCard

/// The staff path (STAFF): nobody with the patient, or a guardian with no ID. A kiosk sends the patient
/// to the registration desk with a queue slip; at a station the staff member authenticates for the
/// patient with their own card, as staff recorder, related as caretaking officer.
public enum StaffStep: Sendable, Hashable {
    /// Kiosk: "please go to the registration desk", with the slip's reference.
    case toDesk(reference: String, slip: JourneyStep.SlipState)
    /// Station: the patient's 13-digit id.
    case patientID(NumberEntry)
    /// Station: "staff: insert your own ID card" (its id must be on the staff list).
    case staffCard(patient: CitizenID, reading: Bool, notice: VerifierCardNotice?)
}
