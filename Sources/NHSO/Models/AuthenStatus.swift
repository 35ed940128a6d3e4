/// The answer of check-authen-status (domain notes §4.2): the person, their rights, and the codes
/// issued for them on the asked day.
public struct AuthenStatus: Sendable, Hashable, Codable {
    public var statusAuthen: Bool
    public var statusMessage: StatusMessage
    public var personalId: String?
    public var firstName: String?
    public var middleName: String?
    public var lastName: String?
    /// `MALE` / `FEMALE`.
    public var sex: String?
    public var birthDate: BirthDate?
    public var nation: Nation?
    public var province: Province?
    public var mainInscl: InsuranceRight.IDName?
    public var subInscl: InsuranceRight.IDName?
    public var serviceHistories: [ServiceHistory]
    /// History entries NHSO sent that could not be read (skipped). Not part of NHSO's answer.
    public var unreadableHistories = 0

    public struct BirthDate: Sendable, Hashable, Codable {
        public var year: Int?
        public var month: Int?
        public var day: Int?
        public init(year: Int?, month: Int?, day: Int?) { self.year = year; self.month = month; self.day = day }
    }

    public struct Nation: Sendable, Hashable, Codable {
        public var code: String
        public var descriptionTh: String
        public init(code: String, descriptionTh: String) { self.code = code; self.descriptionTh = descriptionTh }
    }

    public struct Province: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public init(id: String, name: String) { self.id = id; self.name = name }
    }

    public struct Service: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public init(code: String, name: String) { self.code = code; self.name = name }
    }

    public struct ServiceHistory: Sendable, Hashable, Codable {
        public var hospital: Hospital
        /// Local time, `2023-03-16T15:38:00`.
        public var serviceDateTime: String
        public var claimCode: ClaimCode
        public var service: Service
        /// How the code was obtained (`KIOSK`, `WEB`, `MOBILE`…), when NHSO says.
        public var sourceChannel: String?

        public init(hospital: Hospital, serviceDateTime: String, claimCode: ClaimCode, service: Service, sourceChannel: String? = nil) {
            self.hospital = hospital
            self.serviceDateTime = serviceDateTime
            self.claimCode = claimCode
            self.service = service
            self.sourceChannel = sourceChannel
        }
    }

    public init(
        statusAuthen: Bool, statusMessage: StatusMessage, personalId: String? = nil, firstName: String? = nil,
        middleName: String? = nil, lastName: String? = nil, sex: String? = nil, birthDate: BirthDate? = nil,
        nation: Nation? = nil, province: Province? = nil, mainInscl: InsuranceRight.IDName? = nil,
        subInscl: InsuranceRight.IDName? = nil, serviceHistories: [ServiceHistory] = []
    ) {
        self.statusAuthen = statusAuthen
        self.statusMessage = statusMessage
        self.personalId = personalId
        self.firstName = firstName
        self.middleName = middleName
        self.lastName = lastName
        self.sex = sex
        self.birthDate = birthDate
        self.nation = nation
        self.province = province
        self.mainInscl = mainInscl
        self.subInscl = subInscl
        self.serviceHistories = serviceHistories
    }

    enum CodingKeys: String, CodingKey {
        case statusAuthen, statusMessage, personalId, firstName, middleName, lastName, sex, birthDate
        case nation, province, mainInscl, subInscl, serviceHistories
        // The specification's table says mainInsl, its example mainInsc.
        case mainInsl, subInsl, mainInsc, subInsc
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Public clients disagree on its type; NHSO's table says STRING ("true"), its example a bool.
        if let flag = try? c.decode(Bool.self, forKey: .statusAuthen) {
            statusAuthen = flag
        } else {
            statusAuthen = try c.decodeIfPresent(String.self, forKey: .statusAuthen)?.lowercased() == "true"
        }
        statusMessage = try c.decode(StatusMessage.self, forKey: .statusMessage)
        personalId = try c.decodeIfPresent(String.self, forKey: .personalId)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName)
        middleName = try c.decodeIfPresent(String.self, forKey: .middleName)
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName)
        sex = try c.decodeIfPresent(String.self, forKey: .sex)
        birthDate = try c.decodeIfPresent(BirthDate.self, forKey: .birthDate)
        nation = try c.decodeIfPresent(Nation.self, forKey: .nation)
        province = try c.decodeIfPresent(Province.self, forKey: .province)
        mainInscl = try c.decodeFirst(InsuranceRight.IDName.self, forKeys: [.mainInscl, .mainInsl, .mainInsc])
        subInscl = try c.decodeFirst(InsuranceRight.IDName.self, forKeys: [.subInscl, .subInsl, .subInsc])
        let entries = try c.decodeIfPresent([Lossy<ServiceHistory>].self, forKey: .serviceHistories) ?? []
        serviceHistories = entries.compactMap(\.value)
        unreadableHistories = entries.count - serviceHistories.count
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(statusAuthen, forKey: .statusAuthen)
        try c.encode(statusMessage, forKey: .statusMessage)
        try c.encodeIfPresent(personalId, forKey: .personalId)
        try c.encodeIfPresent(firstName, forKey: .firstName)
        try c.encodeIfPresent(middleName, forKey: .middleName)
        try c.encodeIfPresent(lastName, forKey: .lastName)
        try c.encodeIfPresent(sex, forKey: .sex)
        try c.encodeIfPresent(birthDate, forKey: .birthDate)
        try c.encodeIfPresent(nation, forKey: .nation)
        try c.encodeIfPresent(province, forKey: .province)
        try c.encodeIfPresent(mainInscl, forKey: .mainInscl)
        try c.encodeIfPresent(subInscl, forKey: .subInscl)
        try c.encode(serviceHistories, forKey: .serviceHistories)
    }

    /// The codes issued for `serviceCode` (any service when `nil`), optionally at one unit: what a
    /// kiosk relies on, since clients disagree on what `statusAuthen` means.
    public func histories(serviceCode: String? = nil, hcode: String? = nil) -> [ServiceHistory] {
        serviceHistories.filter { history in
            (serviceCode == nil || history.service.code == serviceCode) && (hcode == nil || history.hospital.hcode == hcode)
        }
    }
}

/// The eight `statusMessage` texts of check-authen-status, and any other text NHSO may add.
public enum StatusMessage: Sendable, Hashable, Codable, CustomStringConvertible {
    case found
    case notFound
    case notFoundForService
    case personalIdMissing
    case personalIdInvalid
    case serviceDateMissing
    case serviceDateMalformed
    case serviceCodeUnknown
    case other(String)

    /// NHSO's wording, exactly.
    public var text: String {
        switch self {
        case .found: "พบข้อมูลการ authen"
        case .notFound: "ไม่พบข้อมูลการ authen"
        case .notFoundForService: "ไม่พบข้อมูลการ authen ด้วยบริการนี้"
        case .personalIdMissing: "กรุณาระบุ personalId"
        case .personalIdInvalid: "เลขประจำตัวประชาชนของผู้รับบริการ ใช้ไม่ได้ หรือไม่มี"
        case .serviceDateMissing: "กรุณาระบุ SERVICE_DATE"
        case .serviceDateMalformed: "serviceDate ไม่ถูกต้องตามรูปแบบที่กำหนด (yyyy-MM-dd)"
        case .serviceCodeUnknown: "ไม่พบ serviceCode ที่ระบุ"
        case .other(let text): text
        }
    }

    public static let known: [StatusMessage] = [
        .found, .notFound, .notFoundForService, .personalIdMissing, .personalIdInvalid,
        .serviceDateMissing, .serviceDateMalformed, .serviceCodeUnknown,
    ]

    public init(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self = Self.known.first { $0.text == trimmed } ?? .other(text)
    }

    /// A request the server refused as malformed (cases 4–8), as opposed to an answer about the person.
    public var isValidationError: Bool {
        switch self {
        case .personalIdMissing, .personalIdInvalid, .serviceDateMissing, .serviceDateMalformed, .serviceCodeUnknown: true
        default: false
        }
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

import Foundation
