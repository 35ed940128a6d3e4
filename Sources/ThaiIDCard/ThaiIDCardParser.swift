import SmartCard

/// Turns the raw bytes of the card's fields into a checked person.
public enum ThaiIDCardParser {
    typealias Field = ThaiIDCardLayout.Field

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
        guard let nameEN = PersonName(cardField: try text(.nameEN)) else {
            throw .garbledField(.nameEN, reason: "not prefix#first#middle#last")
        }
        let birthText = try text(.birthDate)
        guard let birthDate = CardDate(cardField: birthText) else {
            throw .garbledField(.birthDate, reason: "not a Buddhist-era date: '\(birthText)'")
        }
        let genderText = try text(.gender)
        guard let gender = Gender(cardField: genderText) else {
            throw .garbledField(.gender, reason: "'\(genderText)' is neither 1 nor 2")
        }
        let issuer = try text(.issuer)
        let issueText = try text(.issueDate)
        guard let issueDate = CardDate(cardField: issueText) else {
            throw .garbledField(.issueDate, reason: "not a Buddhist-era date: '\(issueText)'")
        }
        let expiryText = try text(.expiryDate)
        guard let expiryDate = CardExpiry(cardField: expiryText) else {
            throw .garbledField(.expiryDate, reason: "not a Buddhist-era date: '\(expiryText)'")
        }
        let address = ThaiAddress(cardField: try text(.address))
        guard !address.text.isEmpty else { throw .garbledField(.address, reason: "empty") }
        return ThaiIDCardPerson(
            citizenID: citizenID, nameTH: nameTH, nameEN: nameEN, birthDate: birthDate, gender: gender,
            issuer: issuer, issueDate: issueDate, expiryDate: expiryDate, address: address, atr: atr
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
