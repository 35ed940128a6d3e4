import Foundation
import NHSO
import NHSOTestZone
import Testing

/// Every endpoint, client ↔ simulator over real HTTP.
@Suite struct ContractTests {
    @Test(arguments: [
        (People.somchai, "UCS"), (People.malee, "SSS"), (People.lifetime, "WEL"),
        (People.longest, "OFC"), (People.oldChip, "LGO"), (People.child, "UCS"),
    ])
    func rightsCheckForEveryMainRight(pid: String, right: String) async throws {
        let zone = try await RunningTestZone()
        let client = zone.cloud()
        let rights = try await client.checkRights(pid: pid)
        #expect(rights.pid == pid)
        #expect(rights.mainInscl?.code == right)
        #expect(rights.subInscl != nil)
        #expect(rights.claimTypes.first?.claimType == ServiceCode.general)
        #expect(rights.correlationId?.count == 36)
    }

    @Test func aPersonWithoutRightsHasNoServices() async throws {
        let person = try People.with(note: "no health-coverage right")
        let zone = try await RunningTestZone()
        let rights = try await zone.cloud().checkRights(pid: person.pid)
        #expect(rights.mainInscl == nil)
        #expect(rights.claimTypes.isEmpty)
    }

    @Test func unknownDeceasedAndInvalidPeopleAreTypedErrors() async throws {
        let zone = try await RunningTestZone()
        let client = zone.cloud()
        let deceased = try People.with(note: "deceased").pid
        await #expect(throws: NHSOError.personNotFound(pid: deceased)) { try await client.checkRights(pid: deceased) }
        await #expect(throws: NHSOError.personNotFound(pid: "1234567890121")) { try await client.checkRights(pid: "1234567890121") }
        await #expect(throws: NHSOError.invalidID(pid: "1101700203451")) { try await client.checkRights(pid: "1101700203451") }
    }

    @Test func oneClaimCodePerPersonServiceAndDay() async throws {
        let zone = try await RunningTestZone()
        let client = zone.cloud()
        let rights = try await client.checkRights(pid: People.somchai)
        let visit = VisitRequest(pid: People.somchai, claimType: ServiceCode.general, mobile: "0812345678", correlationId: rights.correlationId!)
        let first = try await client.confirmSave(visit)
        #expect(first.claimCode?.value.hasPrefix("PP") == true)
        #expect(first.correlationId == visit.correlationId)
        // A duplicate is a 400, which the client does not read as "duplicate" by itself (`VisitSubmitter` looks).
        await #expect(throws: NHSOError.visitRejected(message: "ผู้รับบริการได้รับ Authen Code สำหรับบริการนี้ในวันนี้แล้ว (\(thaiToday()))")) { try await client.confirmSave(visit) }

        // Another service the same day is another code.
        var dialysis = visit
        dialysis.claimType = ServiceCode.haemodialysis
        let second = try await client.confirmSave(dialysis)
        #expect(second.claimCode != first.claimCode)

        let latest = try #require(try await client.latestAuthenCode(pid: People.somchai))
        #expect(latest.claimCode == second.claimCode)
        #expect(latest.hcode == "10757")
        #expect(latest.serviceDate == thaiToday())
        let five = try await client.latestAuthenCodesAllHospitals(pid: People.somchai)
        #expect(five.map(\.claimCode) == [second.claimCode, first.claimCode])
        #expect(await zone.zone.ledger.allClaims().count == 2)
    }

    @Test func aCancelledCodeIsNeverReused() async throws {
        let zone = try await RunningTestZone()
        let client = zone.cloud()
        let visit = VisitRequest(pid: People.malee, claimType: ServiceCode.general, mobile: "", correlationId: "c-1")
        let first = try await client.confirmSave(visit)
        _ = try await zone.zone.ledger.cancel(try #require(first.claimCode))
        let again = try await client.confirmSave(visit)
        #expect(again.claimCode != first.claimCode)
        #expect(try await client.latestAuthenCode(pid: People.malee)?.claimCode == again.claimCode)
    }

    @Test func draftsAreKeptWithoutACode() async throws {
        let zone = try await RunningTestZone()
        let visit = VisitRequest(pid: People.child, claimType: ServiceCode.general, mobile: "0899999999", correlationId: "d-1", hn: "HN123")
        let draft = try await zone.cloud().saveAsDraft(visit)
        #expect(draft.correlationId == "d-1")
        #expect(await zone.zone.ledger.allDrafts().map(\.visit) == [visit])
        #expect(try await zone.cloud().latestAuthenCode(pid: People.child) == nil)
    }

    @Test func badVisitFieldsAreValidationErrorsNotDuplicates() async throws {
        let zone = try await RunningTestZone()
        let visit = VisitRequest(pid: People.somchai, claimType: "PG9999999", mobile: "08123", correlationId: "v-1")
        await #expect {
            try await zone.cloud().confirmSave(visit)
        } throws: {
            if case .visitRejected(let message) = $0 as? NHSOError { return message.contains("ไม่พบประเภทการเข้ารับบริการ") || message.contains("10 หลัก") }
            return false
        }
    }

    @Test func checkAuthenStatusAnswersAllEightMessages() async throws {
        let zone = try await RunningTestZone()
        let client = zone.cloud()
        let today = thaiToday()
        func message(_ pid: String, _ date: String, _ service: String? = nil) async throws -> StatusMessage {
            try await client.checkAuthenStatus(pid: pid, serviceDate: date, serviceCode: service).statusMessage
        }
        #expect(try await message(People.somchai, today) == .notFound)
        _ = try await client.confirmSave(VisitRequest(pid: People.somchai, claimType: ServiceCode.general, mobile: "", correlationId: "s-1"))
        #expect(try await message(People.somchai, today) == .found)
        #expect(try await message(People.somchai, today, ServiceCode.general) == .found)
        #expect(try await message(People.somchai, today, ServiceCode.haemodialysis) == .notFoundForService)
        #expect(try await message("", today) == .personalIdMissing)
        #expect(try await message("1101700203451", today) == .personalIdInvalid)
        #expect(try await message(People.somchai, "") == .serviceDateMissing)
        #expect(try await message(People.somchai, "27/11/2569") == .serviceDateMalformed)
        #expect(try await message(People.somchai, today, "PG0000000") == .serviceCodeUnknown)

        let found = try await client.checkAuthenStatus(pid: People.somchai, serviceDate: today, serviceCode: nil)
        #expect(found.statusAuthen)
        #expect(found.mainInscl?.id == "UCS")
        #expect(found.histories(serviceCode: ServiceCode.general, hcode: "10757").count == 1)
        #expect(found.serviceHistories.first?.sourceChannel == "KIOSK")
    }

    @Test func tokensAreCheckedPerZone() async throws {
        let zone = try await RunningTestZone()
        await #expect(throws: NHSOError.tokenRejected(status: 401)) {
            try await zone.cloud(token: KioskToken("not-a-token")!).checkRights(pid: People.somchai)
        }
        await #expect(throws: NHSOError.tokenRejected(status: 401)) {
            try await zone.cloud(token: RunningTestZone.productionToken).checkRights(pid: People.somchai)
        }
        await #expect(throws: NHSOError.tokenMissing) {
            try await zone.agent(statusToken: nil).checkAuthenStatus(pid: People.somchai, serviceDate: thaiToday(), serviceCode: nil)
        }
    }

    @Test func theAgentOwnsTheReader() async throws {
        let zone = try await RunningTestZone()
        let agent = zone.agent()
        let reader = zone.agentReader
        #expect(try await reader.terminals() == [AgentTerminal(terminalName: "NHSO Test Zone Reader 00", isPresent: false)])
        // No card: the agent answers 500, as public clients report it.
        await #expect { try await reader.readCard() } throws: {
            if case .server(500, _) = $0 as? NHSOError { return true }
            return false
        }
        zone.zone.setAgentCard(People.lifetime)
        #expect(try await reader.terminals().first?.isPresent == true)
        let read = try await reader.readCard()
        #expect(read.pid == People.lifetime)
        #expect(read.mainInscl?.code == "WEL")
        let cardOnly = try await reader.readCardOnly()
        #expect(cardOnly.fname == "ทองคำ")
        #expect(cardOnly.mainInscl == nil)

        // Visits through the agent are recorded for the agent's unit.
        let visit = VisitRequest(pid: People.lifetime, claimType: ServiceCode.general, mobile: "", correlationId: read.correlationId!)
        let code = try await agent.confirmSave(visit)
        #expect(try await agent.latestAuthenCode(pid: People.lifetime)?.claimCode == code.claimCode)
        let status = try await agent.checkAuthenStatus(pid: People.lifetime, serviceDate: thaiToday(), serviceCode: ServiceCode.general)
        #expect(status.serviceHistories.first?.sourceChannel == "AGENT")
    }

    @Test func thePhoneAppsAuthenticationIsSeenThroughCheckAuthenStatus() async throws {
        let zone = try await RunningTestZone()
        let person = try People.with(note: "QR / mobile app user")
        let before = try await zone.cloud().checkAuthenStatus(pid: person.pid, serviceDate: thaiToday(), serviceCode: ServiceCode.general)
        #expect(!before.statusAuthen)
        let reply = await zone.zone.mobileAuthentication(pid: person.pid, claimType: ServiceCode.general, hcode: "10757", path: "/testzone/mobile-authentication")
        #expect(reply.status == 200)
        let after = try await zone.cloud().checkAuthenStatus(pid: person.pid, serviceDate: thaiToday(), serviceCode: ServiceCode.general)
        #expect(after.statusAuthen)
        #expect(after.histories(hcode: "10757").first?.sourceChannel == "MOBILE")
    }
}

/// Codes from several units: latest-authen-code is this unit's, latest-5 spans them all.
@Suite struct MultiUnitTests {
    @Test func latestIsPerUnitAndLatestFiveSpansUnits() async throws {
        let other = Hospital(hcode: "11472", hname: "รพ.ราชวิถี")
        let configuration = TestZoneConfiguration(tokens: [
            TestZoneConfiguration.defaultTestToken: Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า"),
            "token-11472": other,
        ])
        let zone = try await RunningTestZone(configuration: configuration)
        let here = zone.cloud()
        let there = zone.cloud(token: KioskToken("token-11472")!)
        let ours = try await here.confirmSave(VisitRequest(pid: People.somchai, claimType: ServiceCode.general, mobile: "", correlationId: "u-1"))
        let theirs = try await there.confirmSave(VisitRequest(pid: People.somchai, claimType: ServiceCode.haemodialysis, mobile: "", correlationId: "u-2"))
        #expect(try await here.latestAuthenCode(pid: People.somchai)?.claimCode == ours.claimCode)
        #expect(try await there.latestAuthenCode(pid: People.somchai)?.claimCode == theirs.claimCode)
        let five = try await here.latestAuthenCodesAllHospitals(pid: People.somchai)
        #expect(five.map(\.hcode) == ["11472", "10757"])
        #expect(five.first?.hname == "รพ.ราชวิถี")
        let status = try await here.checkAuthenStatus(pid: People.somchai, serviceDate: thaiToday(), serviceCode: nil)
        #expect(Set(status.serviceHistories.map(\.hospital.hcode)) == ["10757", "11472"])
    }

    @Test func theSamePersonAndServiceAtAnotherUnitIsStillOnePerDay() async throws {
        let configuration = TestZoneConfiguration(tokens: [
            TestZoneConfiguration.defaultTestToken: Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า"),
            "token-11472": Hospital(hcode: "11472", hname: "รพ.ราชวิถี"),
        ])
        let zone = try await RunningTestZone(configuration: configuration)
        let visit = VisitRequest(pid: People.child, claimType: ServiceCode.general, mobile: "", correlationId: "u-3")
        _ = try await zone.cloud().confirmSave(visit)
        await #expect {
            try await zone.cloud(token: KioskToken("token-11472")!).confirmSave(visit)
        } throws: { error in
            if case NHSOError.visitRejected = error { true } else { false }
        }
    }
}
