import Testing
@testable import ThaiIDCard

@Suite struct TIS620Tests {
    @Test func thaiBytesMapToTheThaiBlock() {
        #expect(TIS620.decode([0xA1, 0xC1, 0xD3, 0xE0, 0xF0, 0xFB]) == "กมำเ๐๛")
        #expect(TIS620.decode(Array("Mr.".utf8)) == "Mr.")
    }

    @Test(arguments: [UInt8(0x80), 0x9F, 0xDB, 0xDE, 0xFC, 0xFE])
    func unassignedBytesAreRejected(byte: UInt8) {
        #expect(TIS620.decode([0xA1, byte]) == nil)
    }

    /// Cards pad fields with 0xA0 or 0xFF (as others with 0x00): they read as spaces, then are trimmed.
    @Test(arguments: [UInt8(0xA0), 0xFF])
    func paddingBytesReadAsSpaces(byte: UInt8) {
        #expect(TIS620.decode([0xA1, byte, byte]) == "ก  ")
    }

    @Test func encodingRoundTrips() throws {
        let text = "นางสาว#มาลี#แอนน์#ศรีสุข ๑๒๓"
        let bytes = try #require(TIS620.encode(text))
        #expect(bytes.count == text.unicodeScalars.count)
        #expect(TIS620.decode(bytes) == text)
        #expect(TIS620.encode("é") == nil)
    }
}

@Suite struct CitizenIDTests {
    @Test func aValidIDIsAccepted() throws {
        let id = try CitizenID(validating: "1101700203450")
        #expect(id.formatted == "1-1017-00203-45-0")
        #expect(id.masked == "1-1017-xxxxx-x5-0")
        #expect("\(id)" == id.masked)
    }

    @Test func theCheckDigitFollowsTheFormula() {
        // 1·13 + 1·12 + 0·11 + 1·10 + 7·9 + 0·8 + 0·7 + 2·6 + 0·5 + 3·4 + 4·3 + 5·2 = 144;
        // 144 mod 11 = 1; (11 − 1) mod 10 = 0.
        #expect(CitizenID.checkDigit(of: [1, 1, 0, 1, 7, 0, 0, 2, 0, 3, 4, 5]) == 0)
        // 3·13 + 1·12 + 0 + 0 + 5·9 + 0 + 0 + 4·6 + 5·5 + 6·4 + 7·3 + 8·2 = 206; 206 mod 11 = 8; 11 − 8 = 3.
        #expect(CitizenID.checkDigit(of: [3, 1, 0, 0, 5, 0, 0, 4, 5, 6, 7, 8]) == 3)
    }

    @Test func everyWrongCheckDigitIsRejected() {
        for digit in 1...9 {
            #expect(throws: CitizenID.Problem.wrongCheckDigit) { try CitizenID(validating: "110170020345\(digit)") }
        }
    }

    @Test func wrongLengthAndNonDigitsAreRejected() {
        #expect(throws: CitizenID.Problem.wrongLength(12)) { try CitizenID(validating: "110170020345") }
        #expect(throws: CitizenID.Problem.notDigits) { try CitizenID(validating: "1101700203 50") }
        #expect(throws: CitizenID.Problem.notDigits) { try CitizenID(validating: "๑101700203450") }
        #expect(CitizenID("") == nil)
    }
}

@Suite struct CardDateTests {
    @Test func aFullDateConvertsToGregorian() throws {
        let date = try #require(CardDate(cardField: "25230415"))
        #expect(date.iso8601 == "1980-04-15")
        #expect(date.cardField == "25230415")
    }

    @Test func unknownDayAndMonthAreKeptUnknown() throws {
        #expect(try #require(CardDate(cardField: "25100600")).iso8601 == "1967-06")
        #expect(try #require(CardDate(cardField: "24900000")).iso8601 == "1947")
        // A day without a month cannot be placed: both unknown.
        #expect(try #require(CardDate(cardField: "24900015")).iso8601 == "1947")
    }

    @Test(arguments: ["25231301", "25230230", "25230431", "2523041", "2523O415", "        ", "-5230415"])
    func impossibleDatesAreRejected(text: String) {
        #expect(CardDate(cardField: text) == nil)
    }

    @Test func leapDaysFollowTheGregorianYear() {
        #expect(CardDate(cardField: "25430229") != nil)  // 2000
        #expect(CardDate(cardField: "24430229") == nil)  // 1900
        #expect(CardDate(cardField: "25670229") != nil)  // 2024
    }

    @Test func lifetimeCardsHaveNoExpiryDate() {
        #expect(CardExpiry(cardField: "99999999") == .lifetime)
        #expect(CardExpiry(cardField: "25740414") == .date(CardDate(cardField: "25740414")!))
        #expect(CardExpiry(cardField: "") == nil)
    }
}

@Suite struct PersonNameTests {
    @Test func fourPartsWithAnEmptyMiddle() throws {
        let name = try #require(PersonName(cardField: "นาย#สมชาย##ใจดี"))
        #expect(name == PersonName(prefix: "นาย", first: "สมชาย", middle: "", last: "ใจดี"))
        #expect(name.fullName == "นายสมชาย ใจดี")
    }

    @Test func englishPrefixTakesASpaceAndMiddleNamesAreKept() throws {
        let name = try #require(PersonName(cardField: "Miss#Malee#Anne#Srisuk"))
        #expect(name.middle == "Anne")
        #expect(name.fullName == "Miss Malee Anne Srisuk")
    }

    @Test func threePartsHaveNoMiddle() throws {
        #expect(try #require(PersonName(cardField: "Mr.#Somchai#Jaidee")).last == "Jaidee")
    }

    @Test(arguments: ["", "Somchai", "a#b#c#d#e", "###"])
    func otherShapesAreRejected(text: String) {
        #expect(PersonName(cardField: text) == nil)
    }
}

@Suite struct ThaiAddressTests {
    @Test func provincialAddressIsSplitByLabels() {
        let address = ThaiAddress(cardField:
            "99/1#หมู่ที่ 5#ซอยรัตนาธิเบศร์ 28#ถนนรัตนาธิเบศร์####ตำบลบางกระสอ#อำเภอเมืองนนทบุรี#จังหวัดนนทบุรี   ")
        #expect(address.houseNo == "99/1")
        #expect(address.moo == "5")
        #expect(address.soi == "รัตนาธิเบศร์ 28")
        #expect(address.road == "รัตนาธิเบศร์")
        #expect(address.subdistrict == "บางกระสอ")
        #expect(address.district == "เมืองนนทบุรี")
        #expect(address.province == "นนทบุรี")
        #expect(address.text == "99/1 หมู่ที่ 5 ซอยรัตนาธิเบศร์ 28 ถนนรัตนาธิเบศร์ ตำบลบางกระสอ อำเภอเมืองนนทบุรี จังหวัดนนทบุรี")
    }

    @Test func bangkokUsesKhwaengKhetAndNoProvinceLabel() {
        let address = ThaiAddress(cardField: "12#ซอยสีลม 3#ถนนสีลม####แขวงสุริยวงศ์#เขตบางรัก#กรุงเทพมหานคร")
        #expect(address.subdistrict == "สุริยวงศ์")
        #expect(address.district == "บางรัก")
        #expect(address.province == "กรุงเทพมหานคร")
        #expect(address.moo.isEmpty)
    }

    @Test func partsAreFoundWhereverTheyStand() {
        // No moo, no soi, the road straight after the house number.
        let address = ThaiAddress(cardField: "301#ถนนนิพัทธ์อุทิศ 3####ตำบลหาดใหญ่#อำเภอหาดใหญ่#จังหวัดสงขลา")
        #expect(address.houseNo == "301")
        #expect(address.road == "นิพัทธ์อุทิศ 3")
        #expect(address.soi.isEmpty)
        #expect(address.province == "สงขลา")
    }

    @Test func unlabelledProvinceAfterTheDistrictIsRecognised() {
        let address = ThaiAddress(cardField: "5#หมู่ที่ 1#ตำบลท่าช้าง#อำเภอบางกล่ำ#สงขลา")
        #expect(address.province == "สงขลา")
    }
}

@Suite struct JPEGTests {
    // SOI, an APP1 segment whose payload contains FF D9 (like an EXIF thumbnail), SOS, data, EOI, padding.
    let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x06, 0xFF, 0xD9, 0x00, 0x00,
                         0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD9]

    @Test func theEndIsTheEOIAfterTheScanNotOneInsideASegment() {
        #expect(JPEG.scan(jpeg + [0, 0, 0, 0]) == .complete(count: jpeg.count))
    }

    @Test func aTruncatedImageIsIncomplete() {
        for length in 0..<jpeg.count {
            #expect(JPEG.scan(Array(jpeg.prefix(length))) == .incomplete, "prefix \(length)")
        }
    }

    @Test func aBlankPhotoAreaIsNotAJPEG() {
        #expect(JPEG.scan([0x00, 0x00, 0x00, 0x00]) == .invalid)
        #expect(JPEG.scan([0xFF, 0xD8, 0x12, 0x34, 0x00]) == .invalid)
    }

    @Test func fixturePhotosEndAtTheirLastByte() throws {
        for name in ["somchai.jpg", "malee.jpg", "elder.jpg"] {
            let photo = try Fixtures.photo(name)
            #expect(JPEG.scan(photo + [UInt8](repeating: 0, count: 300)) == .complete(count: photo.count))
        }
    }
}
