import Foundation
import Journey
import KioskApp
import NHSO
import NHSOTestZone
import Testing

/// The QR path's wait against the test zone over HTTP: the phone-side endpoint authenticates the
/// patient as NHSO's app would, and the kiosk learns the code from check-authen-status.
@Suite struct PhoneAuthenticationTests {
    let somchai = "1101700203450"

    func setUp(token: String = TestZoneConfiguration.defaultTestToken) async throws -> (EmbeddedTestZone, PhoneAuthenticationWatcher) {
        let zone = try await EmbeddedTestZone(zone: TestZone(population: try Population.bundled(), ledger: try TestZoneLedger()))
        let nhso = NHSOHTTPService.cloud(zone: .test, token: KioskToken(token)!, baseURL: zone.url, timeouts: NHSOTimeouts(request: .seconds(2)))
        return (zone, PhoneAuthenticationWatcher(nhso: nhso))
    }

    @Test func theCodeAppearsSoonAfterThePhoneAuthenticates() async throws {
        let (zone, watcher) = try await setUp()
        defer { zone.stop() }
        let waiting = Task { await watcher.wait(pid: somchai, hcode: "10757") }
        try await Task.sleep(for: .milliseconds(1500))
        _ = await zone.zone.mobileAuthentication(pid: somchai, claimType: ServiceCode.general, hcode: "10757", path: "/testzone/mobile-authentication")
        let result = await waiting.value
        let issued = await zone.zone.ledger.allClaims()
        guard case .phoneAuthenticated(let found)? = result else { Issue.record("\(String(describing: result))"); return }
        #expect(found.submitted.claimCode == issued[0].claimCode)
        #expect(found.submitted.origin == .phone)
        #expect(found.patient.citizenID.digits == somchai)
        #expect(found.service.claimType == ServiceCode.general)
    }

    @Test func anotherUnitsAuthenticationIsNotTaken() async throws {
        let (zone, watcher) = try await setUp()
        defer { zone.stop() }
        _ = await zone.zone.mobileAuthentication(pid: somchai, claimType: ServiceCode.general, hcode: "11111", path: "/testzone/mobile-authentication")
        let waiting = Task { await watcher.wait(pid: somchai, hcode: "10757") }
        try await Task.sleep(for: .seconds(2))
        waiting.cancel()
        #expect(await waiting.value == nil, "cancelled without an answer")
    }

    @Test func aRefusedTokenEndsTheWaitWithTheReason() async throws {
        let (zone, watcher) = try await setUp(token: "not-the-zones-token")
        defer { zone.stop() }
        let result = await watcher.wait(pid: somchai, hcode: "10757")
        guard case .phoneAuthenticationFailed(let error)? = result else { Issue.record("\(String(describing: result))"); return }
        #expect(!error.isTransient)
    }

    @Test func onlyACodeMadeSinceShortlyBeforeTheWaitIsTheirPhones() {
        func history(_ time: String, hcode: String = "10757", code: String) -> AuthenStatus.ServiceHistory {
            .init(hospital: Hospital(hcode: hcode, hname: "x"), serviceDateTime: time, claimCode: ClaimCode(code)!,
                  service: .init(code: ServiceCode.general, name: "general"))
        }
        let status = AuthenStatus(statusAuthen: true, statusMessage: .found, personalId: somchai, firstName: "สมชาย", serviceHistories: [
            history("2026-11-28T08:00:00", code: "PP0000000001"),              // this morning's card visit
            history("2026-11-28T10:05:00", hcode: "11111", code: "PP0000000002"), // another unit
            history("2026-11-28T10:04:30", code: "PP0000000003"),              // the phone, just now
        ])
        let found = PhoneAuthenticationWatcher.authentication(in: status, pid: somchai, serviceDate: "2026-11-28", notBefore: "2026-11-28T09:50:00", hcode: "10757")
        #expect(found?.submitted.claimCode.value == "PP0000000003")
        let older = PhoneAuthenticationWatcher.authentication(in: status, pid: somchai, serviceDate: "2026-11-28", notBefore: "2026-11-28T10:30:00", hcode: "10757")
        #expect(older == nil, "a code from before the wait began is not the phone's")
        let someoneElse = PhoneAuthenticationWatcher.authentication(in: status, pid: "3500100345671", serviceDate: "2026-11-28", notBefore: "2026-11-28T09:50:00", hcode: "10757")
        #expect(someoneElse == nil)
    }
}
