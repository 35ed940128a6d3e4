import Foundation
import ThaiIDCard

/// How `read-card` shows a person.
enum PersonFormatter {
    static func json(_ person: ThaiIDCardPerson) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain values cannot fail.
        return String(decoding: try! encoder.encode(person), as: UTF8.self)
    }

    static func text(_ person: ThaiIDCardPerson, photoFile: String?) -> String {
        var rows: [(String, String)] = [
            ("Citizen ID", person.citizenID.formatted),
            ("Name (TH)", person.nameTH.fullName),
            ("Name (EN)", person.nameEN.fullName),
            ("Birth date", "\(person.birthDate.iso8601)  (BE \(person.birthDate.cardField))"),
            ("Gender", person.gender.rawValue),
            ("Issuer", person.issuer),
            ("Issued", person.issueDate.iso8601),
            ("Expires", person.expiryDate.description),
            ("Address", person.address.text),
            ("ATR", person.atr.description),
        ]
        if let photo = person.photo {
            rows.append(("Photo", "\(photo.count) bytes JPEG" + (photoFile.map { " -> \($0)" } ?? "")))
        }
        return rows.map { label, value in
            label.padding(toLength: 12, withPad: " ", startingAt: 0) + value
        }.joined(separator: "\n")
    }
}
