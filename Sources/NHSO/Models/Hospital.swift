/// A health unit: its 5-digit Ministry of Public Health code and its name.
public struct Hospital: Sendable, Hashable, Codable {
    public var hcode: String
    public var hname: String

    public init(hcode: String, hname: String) {
        self.hcode = hcode
        self.hname = hname
    }
}

/// A service the person may claim today (`PG0060001`…), as the rights check lists them.
public struct ClaimType: Sendable, Hashable, Codable {
    public var claimType: String
    public var claimTypeName: String

    public init(claimType: String, claimTypeName: String) {
        self.claimType = claimType
        self.claimTypeName = claimTypeName
    }
}

/// The service types of the visit form (domain notes §3).
public enum ServiceCode {
    /// General treatment (OPD / IPD / PP): the default.
    public static let general = "PG0060001"
    public static let selfIsolation = "PG0110001"
    public static let ucepPlus = "PG0120001"
    public static let haemodialysis = "PG0130001"
    public static let commonIllnesses = "PG0150001"

    /// Thai names, as NHSO writes them.
    public static let names: [String: String] = [
        general: "เข้ารับบริการรักษาทั่วไป (OPD/ IPD/ PP)",
        selfIsolation: "Self Isolation",
        ucepPlus: "UCEP PLUS (ผู้ป่วยกลุ่มอาการสีเหลืองและสีแดง)",
        haemodialysis: "บริการฟอกเลือดด้วยเครื่องไตเทียม (HD)",
        commonIllnesses: "บริการดูแลอาการเจ็บป่วยเบื้องต้น (Common illnesses)",
    ]
}

/// A card reader as the agent reports it.
public struct AgentTerminal: Sendable, Hashable, Codable {
    public var terminalName: String
    public var isPresent: Bool

    public init(terminalName: String, isPresent: Bool) {
        self.terminalName = terminalName
        self.isPresent = isPresent
    }
}
