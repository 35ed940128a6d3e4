/// TIS-620, the Thai single-byte character set of the ID card's text fields.
///
/// Bytes below 0x80 are ASCII; 0xA1–0xDA and 0xDF–0xFB are the Thai block U+0E01–U+0E5B, one to
/// one. 0xA0 and 0xFF are unassigned but pad fields on some cards (as 0x00 does on others): they read
/// as spaces, which the parser trims. Any other byte means the card's answer is garbled.
public enum TIS620 {
    static let thaiOffset: UInt32 = 0x0E01 - 0xA1

    /// Decodes bytes; `nil` when a byte has no TIS-620 character.
    public static func decode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            switch byte {
            case 0x00...0x7F:
                scalars.append(Unicode.Scalar(byte))
            case 0xA1...0xDA, 0xDF...0xFB:
                scalars.append(Unicode.Scalar(UInt32(byte) + thaiOffset)!)
            case 0xA0, 0xFF:
                scalars.append(" ")
            default:
                return nil
            }
        }
        return String(scalars)
    }

    /// Encodes text; `nil` when a character has no TIS-620 byte.
    public static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x7F:
                bytes.append(UInt8(scalar.value))
            case 0x0E01...0x0E3A, 0x0E3F...0x0E5B:
                bytes.append(UInt8(scalar.value - thaiOffset))
            default:
                return nil
            }
        }
        return bytes
    }
}
