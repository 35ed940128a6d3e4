/// The body of confirm-save and save-as-draft (domain notes §4.1).
public struct VisitRequest: Sendable, Hashable, Codable {
    public var pid: String
    /// The service code, `PG0060001`…
    public var claimType: String
    /// Ten digits, or empty where the hospital does not ask for it.
    public var mobile: String
    /// From the rights check; reused on every retry of the same visit.
    public var correlationId: String
    public var hn: String?
    public var hcode: String?
    /// For a patient authenticated without their own card: how, and by whom. `nil` for the card path
    /// (the body is then exactly the agent's documented confirm-save).
    public var verification: Verification?

    public init(pid: String, claimType: String, mobile: String, correlationId: String, hn: String? = nil, hcode: String? = nil,
                verification: Verification? = nil) {
        self.pid = pid
        self.claimType = claimType
        self.mobile = mobile
        self.correlationId = correlationId
        self.hn = hn
        self.hcode = hcode
        self.verification = verification
    }

    enum CodingKeys: String, CodingKey { case pid, claimType, mobile, correlationId, hn, hcode }

    // The verification's fields sit beside the visit's, as the web form posts them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pid = try c.decode(String.self, forKey: .pid)
        claimType = try c.decode(String.self, forKey: .claimType)
        mobile = try c.decodeIfPresent(String.self, forKey: .mobile) ?? ""
        correlationId = try c.decode(String.self, forKey: .correlationId)
        hn = try c.decodeIfPresent(String.self, forKey: .hn)
        hcode = try c.decodeIfPresent(String.self, forKey: .hcode)
        verification = try? Verification(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pid, forKey: .pid)
        try c.encode(claimType, forKey: .claimType)
        try c.encode(mobile, forKey: .mobile)
        try c.encode(correlationId, forKey: .correlationId)
        try c.encodeIfPresent(hn, forKey: .hn)
        try c.encodeIfPresent(hcode, forKey: .hcode)
        try verification?.encode(to: encoder)
    }
}

/// confirm-save's answer. Any 2xx means NHSO committed the visit, so only the claim code is needed;
/// the other fields are kept when NHSO sends them. A committed answer whose body cannot be read at all is
/// `unreadable` (its code is then looked up, never confirmed again).
public struct ConfirmSaveResponse: Sendable, Hashable, Codable {
    public var pid: String?
    public var claimType: String?
    public var correlationId: String?
    public var createdDate: String?
    /// `nil` only for an answer whose body could not be read.
    public var claimCode: ClaimCode?

    public init(pid: String? = nil, claimType: String? = nil, correlationId: String? = nil, createdDate: String? = nil, claimCode: ClaimCode?) {
        self.pid = pid
        self.claimType = claimType
        self.correlationId = correlationId
        self.createdDate = createdDate
        self.claimCode = claimCode
    }

    /// A committed visit whose answer said nothing readable.
    public static let unreadable = ConfirmSaveResponse(claimCode: nil)

    enum CodingKeys: String, CodingKey { case pid, claimType, correlationId, createdDate, claimCode }

    /// Each field on its own: one odd field does not hide the code.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pid = try? c.decodeIfPresent(String.self, forKey: .pid)
        claimType = try? c.decodeIfPresent(String.self, forKey: .claimType)
        correlationId = try? c.decodeIfPresent(String.self, forKey: .correlationId)
        createdDate = try? c.decodeIfPresent(String.self, forKey: .createdDate)
        claimCode = try? c.decodeIfPresent(ClaimCode.self, forKey: .claimCode)
    }
}

/// save-as-draft's answer: the visit is kept, without a code yet.
public struct DraftResponse: Sendable, Hashable, Codable {
    public var pid: String
    public var claimType: String
    public var correlationId: String
    public var createdDate: String

    public init(pid: String, claimType: String, correlationId: String, createdDate: String) {
        self.pid = pid
        self.claimType = claimType
        self.correlationId = correlationId
        self.createdDate = createdDate
    }
}

/// One issued code, as latest-authen-code and latest-5-authen-code-all-hospital list them.
public struct AuthenCodeRecord: Sendable, Hashable, Codable {
    public var pid: String?
    public var claimType: String
    public var claimCode: ClaimCode
    public var hcode: String
    public var hname: String?
    /// Local time, `2023-04-11T13:20:36`.
    public var claimDateTime: String
    /// `confirmed` or `cancelled`.
    public var status: String?
    public var correlationId: String?

    public init(
        pid: String? = nil, claimType: String, claimCode: ClaimCode, hcode: String, hname: String? = nil,
        claimDateTime: String, status: String? = nil, correlationId: String? = nil
    ) {
        self.pid = pid
        self.claimType = claimType
        self.claimCode = claimCode
        self.hcode = hcode
        self.hname = hname
        self.claimDateTime = claimDateTime
        self.status = status
        self.correlationId = correlationId
    }

    /// The service date, `YYYY-MM-DD`.
    public var serviceDate: Substring { claimDateTime.prefix(10) }
}

/// An element of a list from NHSO that is kept only if it can be read: one odd record does not fail
/// the whole list.
struct Lossy<Element: Decodable>: Decodable {
    var value: Element?

    init(from decoder: any Decoder) throws {
        value = try? Element(from: decoder)
    }
}

/// Codes as a list from NHSO (latest-5): the records that could be read, and how many could not. A list
/// with unreadable entries cannot prove a code is absent.
public struct AuthenCodeList: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public var records: [AuthenCodeRecord]
    /// Entries NHSO sent that could not be read (skipped, not failed).
    public var unreadable: Int

    public init(records: [AuthenCodeRecord], unreadable: Int = 0) {
        self.records = records
        self.unreadable = unreadable
    }

    public init(arrayLiteral elements: AuthenCodeRecord...) { self.init(records: elements) }

    public var startIndex: Int { records.startIndex }
    public var endIndex: Int { records.endIndex }
    public subscript(position: Int) -> AuthenCodeRecord { records[position] }
}
