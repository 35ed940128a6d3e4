import Testing
@testable import Journey

@Suite struct NumberEntryTests {
    static let somchai = "1101700203450"

    func typed(_ kind: NumberEntry.Kind, _ text: String) -> (NumberEntry, NumberEntry.Outcome) {
        var entry = NumberEntry(kind)
        var outcome = NumberEntry.Outcome.editing
        for character in text {
            let event: JourneyEvent = character.wholeNumberValue.map { .digit($0) } ?? .notADigit
            outcome = entry.handle(event)
        }
        return (entry, outcome)
    }

    @Test func aValidIDIsDoneOnEnter() {
        var (entry, _) = typed(.citizenID, Self.somchai)
        #expect(entry.message == nil)
        #expect(entry.handle(.enter) == .done(Self.somchai))
        #expect(entry.citizenID?.digits == Self.somchai)
    }

    @Test func aWrongCheckDigitIsSaidAsSoonAsItIsTypedAndKept() {
        var (entry, _) = typed(.citizenID, "1101700203451")
        #expect(entry.message == .wrongCheckDigit)
        #expect(entry.digits == "1101700203451")
        #expect(entry.handle(.enter) == .editing)
        #expect(entry.message == .wrongCheckDigit)
        // Mended with Backspace and the right digit.
        _ = entry.handle(.backspace)
        #expect(entry.message == nil)
        _ = entry.handle(.digit(0))
        #expect(entry.handle(.enter) == .done(Self.somchai))
    }

    @Test func tooShortIsSaidOnEnterAndWhatWasTypedStays() {
        var (entry, _) = typed(.citizenID, "110170")
        #expect(entry.handle(.enter) == .editing)
        #expect(entry.message == .tooShort)
        #expect(entry.digits == "110170")
    }

    @Test func aDigitPastTheLastIsRefusedWithAMessage() {
        var (entry, _) = typed(.citizenID, Self.somchai)
        #expect(entry.handle(.digit(7)) == .editing)
        #expect(entry.message == .full)
        #expect(entry.digits == Self.somchai)
    }

    @Test func lettersAndPastedJunkAreRefusedAndTheDigitsKept() {
        let (entry, _) = typed(.citizenID, "11017abc")
        #expect(entry.digits == "11017")
        #expect(entry.message == .digitsOnly)
        let (pasted, _) = typed(.mobile(optional: false), "08;rm -rf")
        #expect(pasted.digits == "08")
        #expect(pasted.message == .digitsOnly)
    }

    @Test func backspaceOnAnEmptyEntryOrBackLeavesIt() {
        var entry = NumberEntry(.citizenID)
        #expect(entry.handle(.backspace) == .cancelled)
        var (typedEntry, _) = typed(.citizenID, "123")
        #expect(typedEntry.handle(.back) == .cancelled)
    }

    @Test func aMobileStartsWithZeroHasTenDigitsAndMayBeLeftOutWhenOptional() {
        var (mobile, _) = typed(.mobile(optional: false), "81234")
        #expect(mobile.message == .mobileStartsWithZero)
        #expect(mobile.handle(.enter) == .editing)
        var (short, _) = typed(.mobile(optional: false), "08123")
        #expect(short.handle(.enter) == .editing)
        #expect(short.message == .tooShort)
        var (full, _) = typed(.mobile(optional: false), "0812345678")
        #expect(full.handle(.enter) == .done("0812345678"))
        var empty = NumberEntry(.mobile(optional: true))
        #expect(empty.handle(.enter) == .done(""))
        var required = NumberEntry(.mobile(optional: false))
        #expect(required.handle(.enter) == .editing)
        #expect(required.message == .tooShort)
    }

    @Test func startingDigitsAreFilteredToTheKindsLength() {
        #expect(NumberEntry(.mobile(optional: true), digits: "08-1234-5678-99").digits == "0812345678")
    }
}
