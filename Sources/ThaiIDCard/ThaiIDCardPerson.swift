import SmartCard

/// Everything read from a Thai ID card, checked and typed. The citizen id (its check digit verified)
/// and the Thai name are always there: a read without them throws. Any other field that does not parse
/// (real cards carry odd data) is absent, with the reason in `unreadable`, so the patient is still
/// served.
public struct ThaiIDCardPerson: Sendable, Hashable {
    public var citizenID: CitizenID
    public var nameTH: PersonName
    public var nameEN: PersonName?
    public var birthDate: CardDate?
    public var gender: Gender?
    /// The office that issued the card, in Thai.
    public var issuer: String?
    public var issueDate: CardDate?
    public var expiryDate: CardExpiry?
    public var address: ThaiAddress?
    /// Fields the card answered for but that could not be read, and why (for the log, never the screen).
    public var unreadable: [ThaiIDCardLayout.Field: String] = [:]
    public var atr: ATR
    /// The JPEG exactly as on the card, from `FF D8` to `FF D9`; `nil` when it was not asked for.
    public var photo: [UInt8]?

    public init(
        citizenID: CitizenID, nameTH: PersonName, nameEN: PersonName?, birthDate: CardDate?,
        gender: Gender?, issuer: String?, issueDate: CardDate?, expiryDate: CardExpiry?,
        address: ThaiAddress?, atr: ATR, photo: [UInt8]? = nil, unreadable: [ThaiIDCardLayout.Field: String] = [:]
    ) {
        self.unreadable = unreadable
        self.citizenID = citizenID
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.birthDate = birthDate
        self.gender = gender
        self.issuer = issuer
        self.issueDate = issueDate
        self.expiryDate = expiryDate
        self.address = address
        self.atr = atr
        self.photo = photo
    }

    /// Whether the card had expired on `today` (a lifetime card never has).
    public func isExpired(on today: CardDate) -> Bool {
        guard case .date(let expiry)? = expiryDate else { return false }
        return expiry < today
    }
}

extension ThaiIDCardPerson: Encodable {
    enum CodingKeys: String, CodingKey {
        case cid, nameTH, nameEN, birthDate, gender, issuer, issueDate, expiryDate, address, atr
    }

    /// The `read-card --json` shape: dates in ISO 8601 (Gregorian), as precise as the card; a lifetime
    /// card's expiry is `null`; a field the card held unreadable is left out; the ATR in hex. The photo is
    /// never inlined.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(citizenID.digits, forKey: .cid)
        try container.encode(nameTH, forKey: .nameTH)
        try container.encodeIfPresent(nameEN, forKey: .nameEN)
        try container.encodeIfPresent(birthDate?.iso8601, forKey: .birthDate)
        try container.encodeIfPresent(gender, forKey: .gender)
        try container.encodeIfPresent(issuer, forKey: .issuer)
        try container.encodeIfPresent(issueDate?.iso8601, forKey: .issueDate)
        switch expiryDate {
        case .date(let date)?: try container.encode(date.iso8601, forKey: .expiryDate)
        case .lifetime?: try container.encodeNil(forKey: .expiryDate)
        case nil: break
        }
        try container.encodeIfPresent(address, forKey: .address)
        try container.encode(atr.bytes.hexString, forKey: .atr)
    }
}
