import ThaiIDCard

/// The MOI applet's data file of a virtual card, byte for byte, as READ sees it.
public struct CardImage: Sendable, Hashable {
    public private(set) var bytes: [UInt8]

    typealias Field = ThaiIDCardLayout.Field

    /// Size of the file: up to the end of the address.
    public static let size = Field.address.offset + Field.address.length

    /// Lays out a person file: text in TIS-620, padded with spaces; the photo padded with zeros. Bytes
    /// between fields (card-management data on real chips) are spaces.
    public init(person: PersonFile, photo: [UInt8]?, padding: UInt8 = 0x20) throws {
        bytes = [UInt8](repeating: 0x20, count: Self.size)
        bytes.replaceSubrange(0..<4, with: Array("0001".utf8))
        let texts: [(Field, String)] = [
            (.citizenID, person.cid), (.nameTH, person.nameTH), (.nameEN, person.nameEN),
            (.birthDate, person.birthDate), (.gender, person.gender), (.issuer, person.issuer),
            (.issueDate, person.issueDate), (.expiryDate, person.expiryDate), (.address, person.address),
        ]
        for (field, text) in texts {
            guard let encoded = TIS620.encode(text) else { throw PersonFile.LoadError.notTIS620(field: field.rawValue) }
            try put(encoded, in: field, padding: padding)
        }
        try put(photo ?? [], in: .photo, padding: 0x00)
    }

    private mutating func put(_ value: [UInt8], in field: Field, padding: UInt8) throws {
        guard value.count <= field.length else {
            throw PersonFile.LoadError.tooLong(field: field.rawValue, bytes: value.count, limit: field.length)
        }
        let padded = value + [UInt8](repeating: padding, count: field.length - value.count)
        bytes.replaceSubrange(field.range, with: padded)
    }
}
