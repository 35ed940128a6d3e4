/// Where each field lives in the MOI applet's data file, and how few reads fetch them.
///
/// Offsets from the card specification as used by every open-source reader (see domain notes §5).
public enum ThaiIDCardLayout {
    /// The MOI (Ministry of Interior) applet that holds the person.
    public static let moiApplet: [UInt8] = [0xA0, 0x00, 0x00, 0x00, 0x54, 0x48, 0x00, 0x01]

    public enum Field: String, Sendable, Hashable, CaseIterable {
        case citizenID, nameTH, nameEN, birthDate, gender, issuer, issueDate, expiryDate, photo, address

        public var offset: Int {
            switch self {
            case .citizenID: 0x0004
            case .nameTH: 0x0011
            case .nameEN: 0x0075
            case .birthDate: 0x00D9
            case .gender: 0x00E1
            case .issuer: 0x00F6
            case .issueDate: 0x0167
            case .expiryDate: 0x016F
            case .photo: 0x017B
            case .address: 0x1579
            }
        }

        public var length: Int {
            switch self {
            case .citizenID: 13
            case .nameTH, .nameEN, .issuer, .address: 100
            case .birthDate, .issueDate, .expiryDate: 8
            case .gender: 1
            case .photo: Field.address.offset - Field.photo.offset
            }
        }

        public var range: Range<Int> { offset..<(offset + length) }
    }

    /// One READ BINARY: a run of the file that holds one or more whole fields.
    public struct Read: Sendable, Hashable {
        public let offset: Int
        public let length: Int
        public let fields: [Field]

        /// One read covering `fields`, which must lie within 255 bytes of each other.
        public init(_ fields: [Field]) {
            let start = fields.map(\.offset).min()!
            let end = fields.map { $0.offset + $0.length }.max()!
            precondition(end - start <= 255, "a short APDU reads at most 255 bytes")
            self.offset = start
            self.length = end - start
            self.fields = fields
        }

        /// The bytes of `field` within this read's answer.
        public func slice(_ field: Field, of data: [UInt8]) -> ArraySlice<UInt8> {
            data[(field.offset - offset)..<(field.offset - offset + field.length)]
        }
    }

    /// The text fields in three reads. The id, both names, birth date and gender are contiguous
    /// (0x0004–0x00E1, 222 bytes); issuer and both card dates fit one 129-byte read across a 13-byte
    /// gap; the address is apart, after the photo.
    public static let textReads: [Read] = [
        Read([.citizenID, .nameTH, .nameEN, .birthDate, .gender]),
        Read([.issuer, .issueDate, .expiryDate]),
        Read([.address]),
    ]

    /// Photo chunk size: the most a short APDU returns.
    public static let photoChunk = 255
}
