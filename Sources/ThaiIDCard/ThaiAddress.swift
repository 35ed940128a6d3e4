/// The registered address from the card, split into its parts.
///
/// The card stores `#`-separated parts whose positions vary between cards, so each part is recognised by
/// its Thai label (หมู่ที่, ซอย, ถนน, ตำบล/แขวง, อำเภอ/เขต, จังหวัด); the first part is the house number.
/// Parts stored here are without their label (`moo` is `5`, not `หมู่ที่ 5`). `text` keeps the whole
/// address readable, as printed on the card.
public struct ThaiAddress: Sendable, Hashable, Codable {
    public var houseNo: String
    public var moo: String
    public var soi: String
    public var road: String
    public var subdistrict: String
    public var district: String
    public var province: String
    /// The address on one line, parts separated by a space, labels kept.
    public var text: String

    public init(
        houseNo: String = "", moo: String = "", soi: String = "", road: String = "",
        subdistrict: String = "", district: String = "", province: String = "", text: String = ""
    ) {
        self.houseNo = houseNo
        self.moo = moo
        self.soi = soi
        self.road = road
        self.subdistrict = subdistrict
        self.district = district
        self.province = province
        self.text = text
    }

    /// Labels, longest first so that `ตำบล` wins over a shorter abbreviation of it. Immutable; key paths
    /// are not `Sendable` by type only.
    nonisolated(unsafe) static let labels: [(label: String, part: WritableKeyPath<ThaiAddress, String>)] = [
        ("หมู่ที่", \.moo), ("ม.", \.moo),
        ("ซอย", \.soi), ("ซ.", \.soi), ("ตรอก", \.soi),
        ("ถนน", \.road), ("ถ.", \.road),
        ("ตำบล", \.subdistrict), ("แขวง", \.subdistrict), ("ต.", \.subdistrict),
        ("อำเภอ", \.district), ("เขต", \.district), ("อ.", \.district),
        ("จังหวัด", \.province), ("จ.", \.province),
    ]

    /// Bangkok is written without `จังหวัด`.
    static let bangkok = "กรุงเทพมหานคร"

    public init(cardField raw: String) {
        self.init()
        let parts = raw.split(separator: "#", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
        text = parts.joined(separator: " ")
        for (index, part) in parts.enumerated() {
            if let (label, keyPath) = Self.labels.first(where: { part.hasPrefix($0.label) }) {
                self[keyPath: keyPath] = String(part.dropFirst(label.count)).trimmingSpaces()
            } else if part == Self.bangkok || part.hasPrefix(Self.bangkok) {
                province = part
            } else if index == 0 {
                houseNo = part
            } else if !district.isEmpty && province.isEmpty {
                // After the district, an unlabelled part can only be the province.
                province = part
            } else if houseNo.isEmpty {
                houseNo = part
            } else {
                // Village or building names sit between the house number and the road; keep them
                // with the house number so nothing is lost.
                houseNo += " " + part
            }
        }
    }
}
