import SmartCard
import Testing
@testable import ThaiIDCard
import VirtualThaiIDCard

/// Each fixture card read through the virtual card, in process.
@Suite struct CardReadingTests {
    @Test func adultWithoutMiddleName() throws {
        let person = try Fixtures.read("somchai")
        #expect(person.citizenID.digits == "1101700203450")
        #expect(person.nameTH == PersonName(prefix: "นาย", first: "สมชาย", last: "ใจดี"))
        #expect(person.nameEN == PersonName(prefix: "Mr.", first: "Somchai", last: "Jaidee"))
        #expect(person.birthDate?.iso8601 == "1980-04-15")
        #expect(person.gender == .male)
        #expect(person.issuer == "ที่ว่าการอำเภอเมืองนนทบุรี/นนทบุรี")
        #expect(person.issueDate?.iso8601 == "2023-01-20")
        #expect(person.expiryDate == .date(CardDate(cardField: "25740414")!))
        #expect(person.address?.moo == "5")
        #expect(person.address?.province == "นนทบุรี")
        #expect(person.photo == nil)
    }

    @Test func middleNameIsKept() throws {
        let person = try Fixtures.read("malee")
        #expect(person.nameTH.middle == "แอนน์")
        #expect(person.nameEN?.middle == "Anne")
        #expect(person.gender == .female)
        #expect(person.address?.district == "บางรัก")
    }

    @Test func namesFillingTheWholeFieldAreReadWhole() throws {
        let person = try Fixtures.read("longest-names")
        #expect(person.nameTH.prefix == "ว่าที่ร้อยตรีหญิง")
        #expect(person.nameTH.last == "ศรีสวัสดิ์วงศ์ไพบูลย์กุลธนาภิรมย์เลิศดี")
        #expect(TIS620.encode(person.nameTH.cardField)?.count == 100)
        #expect(person.nameEN?.cardField.utf8.count == 100)
    }

    @Test func unknownBirthDayAndMonth() throws {
        #expect(try Fixtures.read("unknown-birth-day").birthDate?.iso8601 == "1967-06")
        #expect(try Fixtures.read("unknown-birth-day-month").birthDate?.iso8601 == "1947")
    }

    @Test func lifetimeAndExpiredCards() throws {
        let elder = try Fixtures.read("lifetime")
        #expect(elder.expiryDate == .lifetime)
        let today = CardDate(cardField: "25691126")!
        #expect(!elder.isExpired(on: today))
        #expect(try Fixtures.read("expired").isExpired(on: today))
        #expect(try !Fixtures.read("somchai").isExpired(on: today))
    }

    @Test func childAndBangkokAddress() throws {
        let child = try Fixtures.read("child")
        #expect(child.nameTH.prefix == "เด็กชาย")
        #expect(child.birthDate?.iso8601 == "2018-08-08")
        #expect(child.address?.subdistrict == "จอมพล")
        #expect(child.address?.province == "กรุงเทพมหานคร")
    }

    @Test(arguments: ["somchai.jpg", "malee.jpg", "elder.jpg"])
    func photosArriveByteForByte(photo: String) throws {
        let name = ["somchai.jpg": "somchai", "malee.jpg": "old-chip", "elder.jpg": "lifetime"][photo]!
        #expect(try Fixtures.read(name, photo: true).photo == Fixtures.photo(photo))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try JSONSerialization.jsonObject(with: encoder.encode(Fixtures.read("lifetime"))) as! [String: Any]
        #expect(Set(json.keys) == ["cid", "nameTH", "nameEN", "birthDate", "gender", "issuer", "issueDate",
                                   "expiryDate", "address", "atr"])
        #expect(json["expiryDate"] is NSNull)
        #expect(json["gender"] as? String == "male")
        #expect(json["atr"] as? String == "3B 78 13 00 00 80 31 C0 72 F7 41 81 07")
        let address = json["address"] as! [String: Any]
        #expect(Set(address.keys) == ["houseNo", "moo", "soi", "road", "subdistrict", "district", "province", "text"])
        let name = json["nameTH"] as! [String: Any]
        #expect(Set(name.keys) == ["prefix", "first", "middle", "last"])
    }
}

import Foundation
