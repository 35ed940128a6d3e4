import Foundation
import SmartCard
import ThaiIDCard

/// A virtual card's contents, as a JSON file: every field as the chip stores it (raw text, Buddhist-era
/// dates with `00` for unknown parts, `99999999` for a lifetime card), so a fixture can hold anything a
/// real card does — including what a parser must reject.
///
/// ```json
/// { "cid": "1101700203451", "nameTH": "นาย#สมชาย##ใจดี", "nameEN": "Mr.#Somchai##Jaidee",
///   "birthDate": "25230415", "gender": "1", "issuer": "…", "issueDate": "25640101",
///   "expiryDate": "25720414", "address": "99/1#หมู่ที่ 5#…", "photo": "photos/somchai.jpg",
///   "atr": "3B 78 13 00 00 80 31 C0 72 F7 41 81 07" }
/// ```
public struct PersonFile: Sendable, Hashable, Codable {
    /// What this card is for, in words (fixtures say which case they cover).
    public var description: String?
    public var cid: String
    public var nameTH: String
    public var nameEN: String
    public var birthDate: String
    public var gender: String
    public var issuer: String
    public var issueDate: String
    public var expiryDate: String
    public var address: String
    /// A JPEG file, relative to the person file.
    public var photo: String?
    /// The ATR in hex; a modern Thai ID card's when absent.
    public var atr: String?

    /// The ATR of current (2010s and later) Thai ID cards.
    public static let defaultATR = "3B 78 13 00 00 80 31 C0 72 F7 41 81 07"

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case badATR(String)
        case notTIS620(field: String)
        case tooLong(field: String, bytes: Int, limit: Int)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read person file \(path): \(reason)"
            case .badATR(let atr): "atr '\(atr)' is not hex bytes"
            case .notTIS620(let field): "\(field) has characters that TIS-620 cannot store"
            case .tooLong(let field, let bytes, let limit): "\(field) is \(bytes) bytes; the card holds \(limit)"
            }
        }
    }

    /// Reads a person file; `photoBytes` is the JPEG it names, if any.
    public static func load(_ url: URL) throws -> (person: PersonFile, photoBytes: [UInt8]?) {
        do {
            let person = try JSONDecoder().decode(PersonFile.self, from: Data(contentsOf: url))
            let photo = try person.photo.map {
                [UInt8](try Data(contentsOf: url.deletingLastPathComponent().appendingPathComponent($0)))
            }
            return (person, photo)
        } catch {
            throw LoadError.unreadable(path: url.path, reason: "\(error)")
        }
    }

    public func parsedATR() throws -> ATR {
        let text = atr ?? Self.defaultATR
        guard let bytes = [UInt8](hexString: text), !bytes.isEmpty else { throw LoadError.badATR(text) }
        return ATR(bytes)
    }
}
