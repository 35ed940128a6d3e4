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
        return (zone, PhoneAuthenticationWatcher(nhso: nhso, serviceDate: ThaiTime.today()))
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
}
