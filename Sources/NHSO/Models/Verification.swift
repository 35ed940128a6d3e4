/// How a patient without a working card of their own was authenticated, sent with the visit.
///
/// NHSO publishes no API for these: its New Authen web form collects them (the photo, the verifier's
/// type, their relationship to the patient, the kind of photo ID and why the smart card is not shown).
/// The fields below are modelled on that form and go, with the visit's usual fields, to
/// `NHSOPaths.verifiedConfirmSave` — an assumption a hospital can change from its configuration
/// (`nhso.paths.verifiedConfirmSave`), and one the test-zone simulator can be told to disagree with.
public struct Verification: Sendable, Hashable, Codable {
    /// Which leaf of the journey tree.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// A photo of the patient's face holding their ID card.
        case photo = "PHOTO"
        /// A guardian or caretaker's own ID card, read in the reader.
        case proxyCard = "PROXY_CARD"
        /// A photo of the guardian's face with another government photo ID.
        case proxyPhoto = "PROXY_PHOTO"
        /// Staff authenticated for the patient with their own card.
        case staff = "STAFF"
    }

    public var authenType: Method
    /// ผู้ปกครอง, ผู้ดูแล or เจ้าหน้าที่ผู้บันทึกข้อมูล, verbatim (proxy and staff).
    public var verifierType: String?
    public var verifierPid: String?
    public var verifierName: String?
    /// One of NHSO's 19 relationships, verbatim (proxy and staff).
    public var relationship: String?
    /// The kind of government photo ID shown (proxy photo).
    public var documentType: String?
    /// Why the smart card is not shown (proxy photo; required).
    public var reason: String?
    /// The photo, JPEG in base64 (photo and proxy photo). Never logged, never journaled.
    public var photo: String?

    public init(authenType: Method, verifierType: String? = nil, verifierPid: String? = nil, verifierName: String? = nil,
                relationship: String? = nil, documentType: String? = nil, reason: String? = nil, photo: String? = nil) {
        self.authenType = authenType
        self.verifierType = verifierType
        self.verifierPid = verifierPid
        self.verifierName = verifierName
        self.relationship = relationship
        self.documentType = documentType
        self.reason = reason
        self.photo = photo
    }
}

/// The verifier types of NHSO's New Authen form.
public enum VerifierRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// ผู้ปกครอง
    case guardian
    /// ผู้ดูแล
    case caretaker
    /// เจ้าหน้าที่ผู้บันทึกข้อมูล: staff authenticating for a patient with nobody (or nobody with an ID).
    case staffRecorder

    /// The form's own words.
    public var thai: String {
        switch self {
        case .guardian: "ผู้ปกครอง"
        case .caretaker: "ผู้ดูแล"
        case .staffRecorder: "เจ้าหน้าที่ผู้บันทึกข้อมูล"
        }
    }
}

/// The relationship of a proxy to the patient: exactly the 19 of NHSO's form, in its order and words.
public enum Relationship: String, Sendable, Hashable, CaseIterable, Codable, FormWords {
    case father = "บิดา"
    case mother = "มารดา"
    case adoptiveFather = "บิดาบุญธรรม"
    case adoptiveMother = "มารดาบุญธรรม"
    case fatherOfQuasiIncompetent = "บิดาผู้เสมือนไร้ความสามารถ"
    case motherOfQuasiIncompetent = "มารดาผู้เสมือนไร้ความสามารถ"
    case paternalGrandfather = "ปู่"
    case paternalGrandmother = "ย่า"
    case maternalGrandfather = "ตา"
    case maternalGrandmother = "ยาย"
    case elderUncle = "ลุง"
    case elderAunt = "ป้า"
    case youngerMaternalUncleOrAunt = "น้า"
    case youngerPaternalUncleOrAunt = "อา"
    case elderSibling = "พี่"
    case grandchildOrNephew = "หลาน"
    case greatGrandchild = "เหลน"
    case teacher = "คุณครู"
    case caretakingOfficer = "เจ้าหน้าที่ผู้ดูแล"


}

/// The other government photo IDs a guardian may show (domain notes §2), as NHSO's form names them.
public enum PhotoDocument: String, Sendable, Hashable, CaseIterable, Codable, FormWords {
    case drivingLicence = "ใบอนุญาตขับรถ"
    case stateWelfareCard = "บัตรสวัสดิการแห่งรัฐ"
    case disabilityCard = "บัตรประจำตัวคนพิการ"
    case passport = "หนังสือเดินทาง"
    case otherGovernmentCard = "บัตรอื่นที่ออกโดยหน่วยงานของรัฐที่มีรูปถ่ายและเลขประจำตัวประชาชน 13 หลัก"

}

/// Why a guardian shows another photo ID rather than their smart card (required by NHSO's form; a
/// kiosk offers these, typed text being out of reach on a numpad).
public enum NoCardReason: String, Sendable, Hashable, CaseIterable, Codable, FormWords {
    case lost = "บัตรประชาชนสูญหาย"
    case damaged = "บัตรประชาชนชำรุดหรืออ่านไม่ได้"
    case expired = "บัตรประชาชนหมดอายุ"
    case notBrought = "ไม่ได้นำบัตรประชาชนมา"
    case notIssued = "ยังไม่มีบัตรประชาชน"

}

/// A choice of NHSO's New Authen form whose raw value is the form's own Thai words, sent as they are.
public protocol FormWords: RawRepresentable where RawValue == String {}

extension FormWords {
    public var thai: String { rawValue }
}
