import Foundation
import NHSO
import NHSOTestZone
import Testing

/// Visits of patients authenticated without their own card, through the client and the test zone over
/// HTTP. NHSO publishes no API for them: the path and fields are the project's assumption, kept in
/// `NHSOPaths.verifiedConfirmSave` and `Verification`, and the simulator checks them strictly.
@Suite struct VerifiedVisitTests {
    let child = "1100200778894"
    let somchai = "1101700203450"

    func visit(_ nhso: NHSOHTTPService, verification: Verification?) async throws -> VisitRequest {
        let rights = try await nhso.checkRights(pid: child)
        return VisitRequest(pid: child, claimType: ServiceCode.general, mobile: "", correlationId: rights.correlationId!, hcode: "10757",
                            verification: verification)
    }

    var guardian: Verification {
        Verification(authenType: .proxyCard, verifierType: VerifierRole.guardian.thai, verifierPid: somchai,
                     verifierName: "นายสมชาย ใจดี", relationship: Relationship.father.thai)
    }

    @Test(arguments: [false, true])
    func aGuardiansVisitIsRecordedWithWhoActed(throughTheAgent: Bool) async throws {
        let zone = try await RunningTestZone()
        defer { zone.stop() }
        let nhso = throughTheAgent ? zone.agent() : zone.cloud()
        let answer = try await nhso.confirmSave(try await visit(nhso, verification: guardian))
        let code = try #require(answer.claimCode)
        #expect(zone.zone.verification(of: code.value) == guardian)
    }

    @Test func thePhotoTravelsWithTheVisitAndIsKept() async throws {
        let zone = try await RunningTestZone()
        defer { zone.stop() }
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data(repeating: 0x42, count: 64)
        let photo = Verification(authenType: .photo, photo: jpeg.base64EncodedString())
        let answer = try await zone.cloud().confirmSave(try await visit(zone.cloud(), verification: photo))
        #expect(zone.zone.verification(of: try #require(answer.claimCode).value)?.photo == jpeg.base64EncodedString())
    }

    @Test func whatTheFormRequiresIsRequired() async throws {
        let zone = try await RunningTestZone()
        defer { zone.stop() }
        let nhso = zone.cloud()
        var wrong = guardian
        wrong.relationship = "เพื่อนบ้าน"            // not one of the 19
        wrong.verifierPid = child                    // the patient cannot vouch for themself
        await #expect(throws: NHSOError.self) { _ = try await nhso.confirmSave(try await visit(nhso, verification: wrong)) }
        let noReason = Verification(authenType: .proxyPhoto, verifierType: VerifierRole.guardian.thai, verifierPid: somchai, verifierName: "x",
                                    relationship: Relationship.mother.thai, documentType: PhotoDocument.passport.thai, reason: " ",
                                    photo: Data([0xFF, 0xD8, 0xFF]).base64EncodedString())
        let request = try await visit(nhso, verification: noReason)
        do throws(NHSOError) {
            _ = try await nhso.confirmSave(request)
            Issue.record("a proxy photo without a reason was accepted")
        } catch .visitRejected(let message) {
            #expect(message.contains("เหตุผล"))
        } catch {
            Issue.record("\(error)")
        }
        let staffAsGuardian = Verification(authenType: .staff, verifierType: VerifierRole.guardian.thai, verifierPid: somchai,
                                           verifierName: "x", relationship: Relationship.father.thai)
        await #expect(throws: NHSOError.self) { _ = try await nhso.confirmSave(try await visit(nhso, verification: staffAsGuardian)) }
        #expect(await zone.zone.ledger.allClaims().isEmpty)
    }

    @Test func aVerifiedVisitSentToThePlainConfirmSaveIsRefused() async throws {
        let zone = try await RunningTestZone()
        defer { zone.stop() }
        // A client that ignored the verification's path would record a guardian's visit as a card read.
        var paths = NHSOPaths.cloud
        paths.verifiedConfirmSave = paths.confirmSave
        let nhso = NHSOHTTPService.cloud(zone: .test, token: RunningTestZone.token, baseURL: zone.url, paths: paths, logger: RunningTestZone.quietLogger)
        await #expect(throws: NHSOError.self) { _ = try await nhso.confirmSave(try await visit(nhso, verification: guardian)) }
        #expect(await zone.zone.ledger.allClaims().isEmpty)
    }

    @Test func aSimulatorThatDisagreesOnThePathIsCaughtAndAConfiguredPathAgrees() async throws {
        let zone = try await RunningTestZone(configuration: TestZoneConfiguration(verifiedPath: "/api/nhso-service/confirm-save-proxy"))
        defer { zone.stop() }
        let assumed = zone.cloud()
        await #expect(throws: NHSOError.self) { _ = try await assumed.confirmSave(try await visit(assumed, verification: guardian)) }
        let configured = NHSOHTTPService.cloud(
            zone: .test, token: RunningTestZone.token, baseURL: zone.url,
            paths: NHSOPaths.cloud.replacing(["verifiedConfirmSave": "/authencode/api/nhso-service/confirm-save-proxy"]),
            logger: RunningTestZone.quietLogger
        )
        let answer = try await configured.confirmSave(try await visit(configured, verification: guardian))
        #expect(answer.claimCode != nil)
    }

    @Test func theCardPathsBodyIsExactlyTheAgentsDocumentedOne() throws {
        let body = try JSONEncoder().encode(VisitRequest(pid: child, claimType: ServiceCode.general, mobile: "", correlationId: "c"))
        let keys = Set((try JSONSerialization.jsonObject(with: body) as! [String: Any]).keys)
        #expect(keys == ["pid", "claimType", "mobile", "correlationId"])
    }
}
