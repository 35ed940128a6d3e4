import SmartCard

/// Turns the raw bytes of the card's fields into a checked person.
public enum ThaiIDCardParser {
    typealias Field = ThaiIDCardLayout.Field

    /// What a person cannot be served without; every other field may be unreadable.
    public static let requiredFields: Set<ThaiIDCardLayout.Field> = [.citizenID, .nameTH]

    public static func person(
        from fields: [ThaiIDCardLayout.Field: ArraySlice<UInt8>], atr: ATR
    ) throws(ThaiIDCardError) -> ThaiIDCardPerson {
        func text(_ field: Field) throws(ThaiIDCardError) -> String {
            guard let bytes = fields[field] else { throw .garbledField(field, reason: "not read") }
            return try self.text(bytes, field: field)
        }
        let cidText = try text(.citizenID)
        let citizenID: CitizenID
        do {
            citizenID = try CitizenID(validating: cidText)
        } catch {
            throw .garbledField(.citizenID, reason: "not a valid citizen id: \(error)")
        }
        guard let nameTH = PersonName(cardField: try text(.nameTH)) else {
            throw .garbledField(.nameTH, reason: "not prefix#first#middle#last")
        }
        // Everything else is optional: a field that does not parse is left out, with the reason.
        var unreadable: [Field: String] = [:]
        func optional<T>(_ field: Field, _ parse: (String) -> T?, _ why: (String) -> String) -> T? {
            do throws(ThaiIDCardError) {
                let value = try text(field)
                if let parsed = parse(value) { return parsed }
                unreadable[field] = why(value)
            } catch {
                unreadable[field] = error.description
            }
            return nil
        }
        let nameEN = optional(.nameEN, { PersonName(cardField: $0) }) { "not prefix#first#middle#last: '\($0)'" }
        let birthDate = optional(.birthDate, { CardDate(cardField: $0) }) { "not a Buddhist-era date: '\($0)'" }
        let gender = optional(.gender, { Gender(cardField: $0) }) { "'\($0)' is neither 1 nor 2" }
        let issuer = optional(.issuer, { $0.isEmpty ? nil : $0 }) { _ in "empty" }
        let issueDate = optional(.issueDate, { CardDate(cardField: $0) }) { "not a Buddhist-era date: '\($0)'" }
        let expiryDate = optional(.expiryDate, { CardExpiry(cardField: $0) }) { "not a Buddhist-era date: '\($0)'" }
        let address = optional(.address, { text -> ThaiAddress? in
            let address = ThaiAddress(cardField: text)
            return address.text.isEmpty ? nil : address
        }) { _ in "empty" }
        return ThaiIDCardPerson(
            citizenID: citizenID, nameTH: nameTH, nameEN: nameEN, birthDate: birthDate, gender: gender,
            issuer: issuer, issueDate: issueDate, expiryDate: expiryDate, address: address, atr: atr,
            unreadable: unreadable
        )
    }

    /// TIS-620 text without its space or NUL padding. Control characters inside a field mean the
    /// answer is garbled; they must never reach a screen.
    static func text(_ bytes: ArraySlice<UInt8>, field: Field) throws(ThaiIDCardError) -> String {
        guard let decoded = TIS620.decode(bytes) else {
            throw .garbledField(field, reason: "bytes outside TIS-620")
        }
        let trimmed = decoded.trimmingSpaces()
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .garbledField(field, reason: "control characters in the text")
        }
        return trimmed
    }
}
