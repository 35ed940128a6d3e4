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
        func unreadable(_ field: ThaiIDCardLayout.Field) -> String {
            "(unreadable: \(person.unreadable[field] ?? "not read"))"
        }
        var rows: [(String, String)] = [
            ("Citizen ID", person.citizenID.formatted),
            ("Name (TH)", person.nameTH.fullName),
            ("Name (EN)", person.nameEN?.fullName ?? unreadable(.nameEN)),
            ("Birth date", person.birthDate.map { "\($0.iso8601)  (BE \($0.cardField))" } ?? unreadable(.birthDate)),
            ("Gender", person.gender?.rawValue ?? unreadable(.gender)),
            ("Issuer", person.issuer ?? unreadable(.issuer)),
            ("Issued", person.issueDate?.iso8601 ?? unreadable(.issueDate)),
            ("Expires", person.expiryDate?.description ?? unreadable(.expiryDate)),
            ("Address", person.address?.text ?? unreadable(.address)),
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
