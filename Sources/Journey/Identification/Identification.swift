import ThaiIDCard

/// How the patient was identified: what every identification path ends in, and what the visit part of
/// the journey (rights, service, confirm, code) starts from.
public struct Identification: Sendable, Hashable {
    /// The person the visit is for.
    public var patient: Patient
    /// The leaf of the journey tree that identified them.
    public var path: IdentityPath
    /// Who acted for the patient, for the proxy and staff paths; `nil` when the patient did.
    public var proxy: Proxy?

    public init(patient: Patient, path: IdentityPath, proxy: Proxy? = nil) {
        self.patient = patient
        self.path = path
        self.proxy = proxy
    }

    /// The patient identified by their own card.
    public static func card(_ patient: Patient) -> Identification { Identification(patient: patient, path: .card) }
}

/// Someone authenticating for the patient (ยืนยันตัวตนแทน): who, as what, and how they are related.
public struct Proxy: Sendable, Hashable {
    public var citizenID: CitizenID
    public var name: String
    public var role: VerifierRole
    public var relationship: Relationship

    public init(citizenID: CitizenID, name: String, role: VerifierRole, relationship: Relationship) {
        self.citizenID = citizenID
        self.name = name
        self.role = role
        self.relationship = relationship
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
public enum Relationship: String, Sendable, Hashable, CaseIterable, Codable {
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

    /// The form's own words (sent to NHSO as they are).
    public var thai: String { rawValue }

}
