import AsyncHTTPClient
import Foundation
import NHSO
import NHSOTestZone
import NIOCore
import Testing

/// The `/testzone/…` paths that staff trainers and the kiosk's own tests use, over HTTP.
@Suite struct TestZoneControlTests {
    func post(_ zone: RunningTestZone, _ path: String, _ json: String) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: zone.url + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), Data(body.readableBytesView))
    }

    @Test func faultsCanBeSwitchedWhileRunning() async throws {
        let zone = try await RunningTestZone()
        let (status, _) = try await post(zone, "/testzone/faults", #"{"latencyMs":0,"errorRate":1,"hang":false,"dropAfterCommit":false,"malformedJSON":false}"#)
        #expect(status == 200)
        #expect(zone.server.currentFaults.errorRate == 1)
        await #expect(throws: NHSOError.server(status: 503, message: "ระบบไม่พร้อมให้บริการชั่วคราว")) {
            try await zone.cloud().checkRights(pid: People.somchai)
        }
        _ = try await post(zone, "/testzone/faults", #"{"latencyMs":0,"errorRate":0,"hang":false,"dropAfterCommit":false,"malformedJSON":false}"#)
        #expect(try await zone.cloud().checkRights(pid: People.somchai).pid == People.somchai)
    }

    @Test func aCardCanBePutInTheAgentsReader() async throws {
        let zone = try await RunningTestZone()
        let (status, body) = try await post(zone, "/testzone/agent-card", #"{"pid":"\#(People.child)"}"#)
        #expect(status == 200)
        #expect(try JSONDecoder().decode([AgentTerminal].self, from: body).first?.isPresent == true)
        #expect(try await zone.agentReader.readCard().pid == People.child)
        _ = try await post(zone, "/testzone/agent-card", #"{"pid":null}"#)
        #expect(try await zone.agentReader.terminals().first?.isPresent == false)
    }

    @Test func thePhoneCompletesAQRAuthentication() async throws {
        let zone = try await RunningTestZone()
        let person = try People.with(note: "QR / mobile app user")
        let (status, body) = try await post(zone, "/testzone/mobile-authentication", #"{"pid":"\#(person.pid)"}"#)
        #expect(status == 200)
        let issued = try JSONDecoder().decode(ConfirmSaveResponse.self, from: body)
        let seen = try await zone.cloud().checkAuthenStatus(pid: person.pid, serviceDate: thaiToday(), serviceCode: ServiceCode.general)
        #expect(seen.serviceHistories.map(\.claimCode) == [issued.claimCode])
        #expect(seen.serviceHistories.first?.sourceChannel == "MOBILE")
    }

    @Test func aCodeCanBeCancelledAndAnotherIssued() async throws {
        let zone = try await RunningTestZone()
        let visit = VisitRequest(pid: People.somchai, claimType: ServiceCode.general, mobile: "", correlationId: "x-1")
        let first = try await zone.cloud().confirmSave(visit)
        let (status, _) = try await post(zone, "/testzone/cancel/\(try #require(first.claimCode))", "{}")
        #expect(status == 200)
        let (missing, _) = try await post(zone, "/testzone/cancel/PP0000999999", "{}")
        #expect(missing == 404)
        let second = try await zone.cloud().confirmSave(visit)
        #expect(second.claimCode != first.claimCode)
        let five = try await zone.cloud().latestAuthenCodesAllHospitals(pid: People.somchai)
        #expect(five.map(\.status) == ["confirmed", "cancelled"])
    }

    @Test func garbageBodiesAreSpringErrors() async throws {
        let zone = try await RunningTestZone()
        var request = HTTPClientRequest(url: zone.url + "/api/nhso-service/confirm-save")
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: "{not json"))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
        #expect(response.status.code == 400)
        let body = try await response.body.collect(upTo: 1 << 20)
        let error = try JSONDecoder().decode(SpringError.self, from: Data(body.readableBytesView))
        #expect(error.status == 400)
        #expect(error.errors?.isEmpty == false)
    }
}
