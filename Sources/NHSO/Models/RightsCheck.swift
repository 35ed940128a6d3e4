/// The answer to a rights check: the agent's `read` / `probe` shape (domain notes §4.1).
///
/// `correlationId` must be echoed to confirm-save. Every field but `pid` may be absent: `read-card-only`
/// has no rights, and NHSO omits what it does not know.
public struct RightsCheck: Sendable, Hashable, Codable {
    public var pid: String
    /// NHSO's title code (e.g. `"004"`), from its own table; kept as given.
    public var titleName: String?
    public var fname: String?
    public var lname: String?
    public var nation: String?
    /// Buddhist era, `25170605`.
    public var birthDate: String?
    /// `ชาย` or `หญิง`.
    public var sex: String?
    public var transDate: String?
    public var mainInscl: InsuranceRight?
    public var subInscl: InsuranceRight?
    public var age: String?
    public var checkDate: String?
    public var claimTypes: [ClaimType]
    public var correlationId: String?
    public var hospMain: Hospital?
    public var hospSub: Hospital?
    public var hospMainOp: Hospital?
    public var paidModel: String?
    public var startDateTime: String?
    /// The card photo, base64 JPEG, when asked for with `readImageFlag=true`.
    public var image: String?

    public init(
        pid: String, titleName: String? = nil, fname: String? = nil, lname: String? = nil,
        nation: String? = nil, birthDate: String? = nil, sex: String? = nil, transDate: String? = nil,
        mainInscl: InsuranceRight? = nil, subInscl: InsuranceRight? = nil, age: String? = nil,
        checkDate: String? = nil, claimTypes: [ClaimType] = [], correlationId: String? = nil,
        hospMain: Hospital? = nil, hospSub: Hospital? = nil, hospMainOp: Hospital? = nil,
        paidModel: String? = nil, startDateTime: String? = nil, image: String? = nil
    ) {
        self.pid = pid
        self.titleName = titleName
        self.fname = fname
        self.lname = lname
        self.nation = nation
        self.birthDate = birthDate
        self.sex = sex
        self.transDate = transDate
        self.mainInscl = mainInscl
        self.subInscl = subInscl
        self.age = age
        self.checkDate = checkDate
        self.claimTypes = claimTypes
        self.correlationId = correlationId
        self.hospMain = hospMain
        self.hospSub = hospSub
        self.hospMainOp = hospMainOp
        self.paidModel = paidModel
        self.startDateTime = startDateTime
        self.image = image
    }

    enum CodingKeys: String, CodingKey {
        case pid, titleName, fname, lname, nation, birthDate, sex, transDate, mainInscl, subInscl, age
        case checkDate, claimTypes, correlationId, hospMain, hospSub, hospMainOp, paidModel, startDateTime
        case image
        // Spellings seen in NHSO's own documents for the same two fields.
        case mainInsc1, subInsc1, mainInsc, subInsc
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pid = try c.decode(String.self, forKey: .pid)
        titleName = try c.decodeIfPresent(String.self, forKey: .titleName)
        fname = try c.decodeIfPresent(String.self, forKey: .fname)
        lname = try c.decodeIfPresent(String.self, forKey: .lname)
        nation = try c.decodeIfPresent(String.self, forKey: .nation)
        birthDate = try c.decodeIfPresent(String.self, forKey: .birthDate)
        sex = try c.decodeIfPresent(String.self, forKey: .sex)
        transDate = try c.decodeIfPresent(String.self, forKey: .transDate)
        mainInscl = try c.decodeFirst(InsuranceRight.self, forKeys: [.mainInscl, .mainInsc1, .mainInsc])
        subInscl = try c.decodeFirst(InsuranceRight.self, forKeys: [.subInscl, .subInsc1, .subInsc])
        age = try c.decodeLenientString(forKey: .age)
        checkDate = try c.decodeIfPresent(String.self, forKey: .checkDate)
        claimTypes = try c.decodeIfPresent([ClaimType].self, forKey: .claimTypes) ?? []
        correlationId = try c.decodeIfPresent(String.self, forKey: .correlationId)
        hospMain = try c.decodeIfPresent(Hospital.self, forKey: .hospMain)
        hospSub = try c.decodeIfPresent(Hospital.self, forKey: .hospSub)
        hospMainOp = try c.decodeIfPresent(Hospital.self, forKey: .hospMainOp)
        paidModel = try c.decodeLenientString(forKey: .paidModel)
        startDateTime = try c.decodeIfPresent(String.self, forKey: .startDateTime)
        image = try c.decodeIfPresent(String.self, forKey: .image)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pid, forKey: .pid)
        try c.encodeIfPresent(titleName, forKey: .titleName)
        try c.encodeIfPresent(fname, forKey: .fname)
        try c.encodeIfPresent(lname, forKey: .lname)
        try c.encodeIfPresent(nation, forKey: .nation)
        try c.encodeIfPresent(birthDate, forKey: .birthDate)
        try c.encodeIfPresent(sex, forKey: .sex)
        try c.encodeIfPresent(transDate, forKey: .transDate)
        try c.encodeIfPresent(mainInscl, forKey: .mainInscl)
        try c.encodeIfPresent(subInscl, forKey: .subInscl)
        try c.encodeIfPresent(age, forKey: .age)
        try c.encodeIfPresent(checkDate, forKey: .checkDate)
        try c.encode(claimTypes, forKey: .claimTypes)
        try c.encodeIfPresent(correlationId, forKey: .correlationId)
        try c.encodeIfPresent(hospMain, forKey: .hospMain)
        try c.encodeIfPresent(hospSub, forKey: .hospSub)
        try c.encodeIfPresent(hospMainOp, forKey: .hospMainOp)
        try c.encodeIfPresent(paidModel, forKey: .paidModel)
        try c.encodeIfPresent(startDateTime, forKey: .startDateTime)
        try c.encodeIfPresent(image, forKey: .image)
    }
}

extension KeyedDecodingContainer {
    /// The first of `keys` present, decoded.
    func decodeFirst<T: Decodable>(_ type: T.Type, forKeys keys: [Key]) throws -> T? {
        for key in keys where contains(key) {
            if let value = try decodeIfPresent(type, forKey: key) { return value }
        }
        return nil
    }

    /// A string that NHSO sometimes sends as a number (`"paidModel": 5`).
    func decodeLenientString(forKey key: Key) throws -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) { return text }
        if let number = try? decodeIfPresent(Int.self, forKey: key) { return String(number) }
        return nil
    }
}
