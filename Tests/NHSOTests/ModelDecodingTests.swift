import Foundation
import NHSO
import Testing

/// NHSO's own example answers (from its deck) decode into the models, field for field.
@Suite struct ModelDecodingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/nhso")

    func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
    }

    @Test func theDecksAgentReadDecodes() throws {
        let read = try fixture("deck-agent-read.json", as: RightsCheck.self)
        #expect(read.pid == "320010033XXXX")
        #expect(read.titleName == "004")
        #expect(read.birthDate == "25170605")
        #expect(read.sex == "ชาย")
        #expect(read.mainInscl == InsuranceRight(code: "SSS", name: "สิทธิประกันสังคม"))
        #expect(read.subInscl == InsuranceRight(code: "S1", name: "สิทธิเบิกกองทุนประกันสังคม (ผู้ประกันตน)"))
        #expect(read.claimTypes.map(\.claimType) == ["PG0060001", "PG0110001", "PG0120001", "PG0130001"])
        #expect(read.correlationId == "efbdcfd-0e88-45c7-86e9-49bb6a85a3fd")
        #expect(read.hospMain == Hospital(hcode: "11472", hname: "รพ.ราชวิถี"))
        #expect(read.startDateTime == "2017-05-01T00:00:00")
        #expect(read.checkDate == "2022-09-29T21:52:27")
    }

    @Test func theDecksUnitsAndPaymentModelDecode() throws {
        let read = try fixture("deck-agent-read-units.json", as: RightsCheck.self)
        #expect(read.hospSub == Hospital(hcode: "23884", hname: "เกียรติการแพทย์คลินิกเวชกรรม สาขาจันทบุรี"))
        #expect(read.hospMainOp?.hcode == "13694")
        #expect(read.paidModel == "5")
        #expect(read.mainInscl?.code == "UCS")
    }

    @Test func theDecksCheckAuthenStatusDecodes() throws {
        let status = try fixture("deck-check-authen-status.json", as: AuthenStatus.self)
        #expect(status.statusAuthen)
        #expect(status.statusMessage == .found)
        #expect(status.middleName == "ขยัน")
        #expect(status.mainInscl?.right == InsuranceRight(code: "WEL", name: "สิทธิหลักประกันสุขภาพแห่งชาติ (ยกเว้นการร่วมจ่ายค่าบริการ 30 บาท)"))
        #expect(status.subInscl?.id == "71")
        #expect(status.birthDate?.month == 4)
        #expect(status.serviceHistories.count == 1)
        let history = try #require(status.serviceHistories.first)
        #expect(history.claimCode.value == "PP1085593400")
        #expect(history.hospital.hcode == "14972")
        #expect(history.service.code == "PG0060001")
        #expect(status.histories(serviceCode: "PG0060001", hcode: "14972").count == 1)
        #expect(status.histories(serviceCode: "PG0130001").isEmpty)
    }

    @Test func statusAuthenAsTextDecodes() throws {
        let json = #"{"statusAuthen": "false", "statusMessage": "ไม่พบข้อมูลการ authen"}"#
        let status = try JSONDecoder().decode(AuthenStatus.self, from: Data(json.utf8))
        #expect(!status.statusAuthen)
        #expect(status.statusMessage == .notFound)
    }

    @Test func everyStatusMessageRoundTrips() throws {
        for message in StatusMessage.known {
            let data = try JSONEncoder().encode(message)
            #expect(try JSONDecoder().decode(StatusMessage.self, from: data) == message)
        }
        #expect(StatusMessage(text: "ข้อความใหม่") == .other("ข้อความใหม่"))
        #expect(StatusMessage.known.filter(\.isValidationError).count == 5)
    }

    @Test func rightsRoundTripInTheAgentsShape() throws {
        let read = try fixture("deck-agent-read.json", as: RightsCheck.self)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(read)) as! [String: Any]
        #expect(json["mainInscl"] as? String == "(SSS) สิทธิประกันสังคม")
        #expect(try JSONDecoder().decode(RightsCheck.self, from: JSONEncoder().encode(read)) == read)
    }

    @Test func insuranceRightsParseTheirCode() {
        #expect(InsuranceRight(agentText: "(89) ช่วงอายุ 12-59 ปี") == InsuranceRight(code: "89", name: "ช่วงอายุ 12-59 ปี"))
        #expect(InsuranceRight(agentText: "ไม่มีสิทธิ") == InsuranceRight(code: "", name: "ไม่มีสิทธิ"))
    }

    @Test(arguments: ["PP1172534797", "PP0000000000"]) func claimCodesAreAccepted(text: String) {
        #expect(ClaimCode(text)?.value == text)
    }

    @Test(arguments: ["PP117253479", "PP11725347970", "XP1172534797", "PP11725347O7", "pp1172534797", ""])
    func otherClaimCodesAreRefused(text: String) {
        #expect(ClaimCode(text) == nil)
    }
}
