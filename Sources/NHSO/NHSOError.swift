/// Why NHSO could not answer as hoped. Each case has a message for the patient (Thai and English)
/// and one for staff; neither ever contains the kiosk token.
public enum NHSOError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No kiosk token is configured.
    case tokenMissing
    /// NHSO refused the token (401 / 403): expired, revoked, or of the other zone.
    case tokenRejected(status: Int)
    /// The token file is readable by others, so it is not used.
    case tokenFileUnsafe(path: String, mode: String)
    /// The token file could not be read.
    case tokenFileUnreadable(path: String, reason: String)
    /// NHSO does not know this person.
    case personNotFound(pid: String)
    /// The citizen id is not valid.
    case invalidID(pid: String)
    /// A code was already issued today for this person and service; `existing` is that code when known.
    case alreadyAuthenticated(existing: AuthenCodeRecord?)
    /// NHSO (or the agent) could not be reached or did not answer in time.
    case unreachable(reason: String)
    /// An answer arrived but is not what NHSO sends.
    case malformedAnswer(detail: String)
    /// NHSO answered with an error not covered above.
    case server(status: Int, message: String)
    /// confirm-save was refused (400) and NHSO holds no code for the person, service and day: NHSO's
    /// own reason (`errors[0].defaultMessage`, sanitised).
    case visitRejected(message: String)
    /// The visit may have been recorded, but NHSO could not be asked whether it was: nothing is sent
    /// again until a lookup answers (the journal keeps it pending for recovery).
    case visitOutcomeUnknown(reason: String)

    public var patientMessage: LocalizedText {
        switch self {
        case .tokenMissing, .tokenRejected, .tokenFileUnsafe, .tokenFileUnreadable:
            LocalizedText(
                th: "ระบบยืนยันตัวตนยังไม่พร้อมใช้งาน กรุณาติดต่อเจ้าหน้าที่",
                en: "The kiosk cannot confirm visits right now. Please ask the staff for help."
            )
        case .personNotFound:
            LocalizedText(
                th: "ไม่พบข้อมูลสิทธิของท่านในระบบ สปสช. กรุณาติดต่อเจ้าหน้าที่",
                en: "NHSO has no record of your rights. Please ask the staff for help."
            )
        case .invalidID:
            LocalizedText(
                th: "เลขประจำตัวประชาชนไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง",
                en: "The citizen ID number is not valid. Please check it and try again."
            )
        case .alreadyAuthenticated:
            LocalizedText(
                th: "ท่านได้ยืนยันตัวตนสำหรับบริการนี้ในวันนี้แล้ว",
                en: "You have already confirmed your visit for this service today."
            )
        case .unreachable:
            LocalizedText(
                th: "ไม่สามารถเชื่อมต่อ สปสช. ได้ในขณะนี้ กรุณาลองใหม่อีกครั้ง หรือติดต่อเจ้าหน้าที่",
                en: "NHSO cannot be reached right now. Please try again, or ask the staff for help."
            )
        case .visitRejected(let message):
            LocalizedText(
                th: "สปสช. ไม่รับการยืนยันนี้: \(message) กรุณาติดต่อเจ้าหน้าที่",
                en: "NHSO did not accept this visit: \(message) Please ask the staff for help."
            )
        case .visitOutcomeUnknown:
            LocalizedText(
                th: "ยังไม่ทราบผลการบันทึกจาก สปสช. กรุณาติดต่อเจ้าหน้าที่",
                en: "NHSO has not confirmed the visit yet. Please ask the staff for help."
            )
        case .malformedAnswer, .server:
            LocalizedText(
                th: "ระบบ สปสช. ขัดข้อง กรุณาลองใหม่อีกครั้ง หรือติดต่อเจ้าหน้าที่",
                en: "NHSO's system returned an error. Please try again, or ask the staff for help."
            )
        }
    }

    /// For staff and logs: what failed and what to do.
    public var staffMessage: String {
        switch self {
        case .tokenMissing:
            "No kiosk token is configured: set the token file in the configuration (mode 0600) or NHSO_KIOSK_TOKEN."
        case .tokenRejected(let status):
            "NHSO refused the kiosk token (HTTP \(status)): issue a new Kiosk Authentication Token on the NHSO token page, for the right zone (test or production)."
        case .tokenFileUnsafe(let path, let mode):
            "The token file \(path) has mode \(mode); others could read the token. Run: chmod 600 \(path)"
        case .tokenFileUnreadable(let path, let reason):
            "The token file \(path) cannot be read: \(reason)"
        case .personNotFound:
            "NHSO has no person with this citizen id: authenticate at the counter."
        case .invalidID:
            "The citizen id fails NHSO's check: verify the number."
        case .alreadyAuthenticated(let existing):
            "Already authenticated today" + (existing.map { ": existing code \($0.claimCode) from unit \($0.hcode) at \($0.claimDateTime)" } ?? ".")
        case .unreachable(let reason):
            "NHSO is unreachable (\(reason)): check the network, or that the agent runs on port 8189."
        case .malformedAnswer(let detail):
            "NHSO sent an answer that could not be understood: \(detail)"
        case .server(let status, let message):
            "NHSO answered HTTP \(status): \(message)"
        case .visitRejected(let message):
            "NHSO refused confirm-save and holds no code for this person, service and day: \(message)"
        case .visitOutcomeUnknown(let reason):
            "The visit may have been recorded by NHSO but could not be checked (\(reason)); it is kept pending and settled by a lookup before anything is sent again."
        }
    }

    public var description: String { staffMessage }

    /// Whether asking again may help (the request may not have reached NHSO).
    public var isTransient: Bool {
        if case .unreachable = self { return true }
        // 408 (the server gave up waiting) and 429 (too many requests) are worth asking again too.
        if case .server(let status, _) = self { return status >= 500 || status == 408 || status == 429 }
        return false
    }
}
