import Foundation
import NHSO

/// Visits of patients authenticated without their own card (photo, guardian, staff). NHSO publishes no
/// API for them; the simulator checks them as strictly as its web form does, so that a kiosk sending
/// them wrong is caught by the tests, not by a hospital's claims.
extension TestZone {
    /// The verification of a claim, as it was received.
    public func verification(of claimCode: String) -> Verification? {
        verifications.withLock { $0[claimCode] }
    }

    func validate(_ verification: Verification, of visit: VisitRequest, path: String) -> TestZoneReply? {
        var fields: [SpringError.FieldError] = []
        func refuse(_ field: String, _ message: String) { fields.append(.init(defaultMessage: message, field: field)) }
        let needsProxy: Set<Verification.Method> = [.proxyCard, .proxyPhoto, .staff]
        let needsPhoto: Set<Verification.Method> = [.photo, .proxyPhoto]
        if needsProxy.contains(verification.authenType) {
            let roles = verification.authenType == .staff ? [VerifierRole.staffRecorder] : [.guardian, .caretaker]
            if !roles.map(\.thai).contains(verification.verifierType ?? "") { refuse("verifierType", "ไม่พบประเภทผู้ยืนยันตัวตนแทน") }
            let relationships = verification.authenType == .staff ? [Relationship.caretakingOfficer] : Relationship.allCases
            if !relationships.map(\.thai).contains(verification.relationship ?? "") { refuse("relationship", "ไม่พบความสัมพันธ์กับผู้รับบริการ") }
            if !isValidCitizenID(verification.verifierPid ?? "") { refuse("verifierPid", "เลขประจำตัวประชาชนของผู้ยืนยันตัวตนแทนไม่ถูกต้อง") }
            if verification.verifierPid == visit.pid { refuse("verifierPid", "ผู้ยืนยันตัวตนแทนต้องไม่ใช่ผู้รับบริการ") }
            // A guardian with another photo ID has no card to read a name from: the form takes their id.
            if verification.authenType != .proxyPhoto, (verification.verifierName ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                refuse("verifierName", "กรุณาระบุชื่อผู้ยืนยันตัวตนแทน")
            }
        }
        if needsPhoto.contains(verification.authenType) {
            let jpeg = verification.photo.flatMap { Data(base64Encoded: $0) }
            if !(jpeg.map { $0.starts(with: [0xFF, 0xD8, 0xFF]) } ?? false) { refuse("photo", "กรุณาแนบภาพถ่าย (JPEG)") }
        } else if verification.photo != nil {
            refuse("photo", "ไม่ต้องแนบภาพถ่ายสำหรับการยืนยันตัวตนแบบนี้")
        }
        if verification.authenType == .proxyPhoto {
            if !PhotoDocument.allCases.map(\.thai).contains(verification.documentType ?? "") { refuse("documentType", "ไม่พบประเภทบัตรที่ใช้แสดง") }
            if (verification.reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty { refuse("reason", "กรุณาระบุเหตุผลที่ไม่แสดงบัตรประชาชน") }
        }
        guard !fields.isEmpty else { return nil }
        return .springError(400, "Bad Request", "Validation failed", path: path, fields: fields, clock: clock)
    }

    /// The documented confirm-save takes no verification: a verified visit sent there would be recorded
    /// as if the patient's own card had been read. Refused, so the tests see it.
    func refuseVerification(on visit: VisitRequest, path: String) -> TestZoneReply? {
        guard visit.verification != nil else { return nil }
        return .springError(400, "Bad Request", "Validation failed", path: path,
                            fields: [.init(defaultMessage: "authenType is not accepted by confirm-save", field: "authenType")], clock: clock)
    }
}
