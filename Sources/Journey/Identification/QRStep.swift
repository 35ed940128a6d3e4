import ThaiIDCard

/// The QR path's steps: the patient (or their guardian) scans the hospital's QR with LINE or the
/// "Authen by NHSO" app and authenticates there; the kiosk then learns the code from NHSO.
public enum QRStep: Sendable, Hashable {
    /// The hospital's QR, large, with what to do on the phone.
    case scan
    /// The patient's 13-digit id, typed once the phone is done.
    case typeID(NumberEntry)
    /// NHSO is asked (again and again) whether the authentication has arrived; the wait is shown.
    case waiting(CitizenID, secondsLeft: Int)
}
