import Foundation
import Hummingbird
import Logging
import NHSO
import NIOCore

/// The test zone over HTTP: NHSO's cloud paths (bearer token), the Secure Smartcard Agent's paths (no
/// token, as the agent on a hospital machine), and `/testzone/…` for the phone, faults and staff training.
public struct TestZoneServer: Sendable {
    public let zone: TestZone
    let faults: FaultSwitch

    public init(zone: TestZone, faults: TestZoneFaults = TestZoneFaults()) {
        self.zone = zone
        self.faults = FaultSwitch(faults)
    }

    /// The faults in force now (also `GET /testzone/faults`).
    public var currentFaults: TestZoneFaults { faults.current }

    /// Changes the faults while serving (also `POST /testzone/faults`).
    public func setFaults(_ new: TestZoneFaults) { faults.set(new) }

    /// Builds the application; `onRunning` receives the bound port (useful with port 0).
    public func application(
        host: String = "127.0.0.1", port: Int, logger: Logger = Logger(label: "nhso-testzone"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        addCloudRoutes(to: router)
        addAgentRoutes(to: router)
        addTestZoneRoutes(to: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "nhso-testzone"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    // MARK: Routes

    private func addCloudRoutes(to router: Router<BasicRequestContext>) {
        let prefix = "/authencode"
        router.get("\(prefix)/api/smartcard/probe/:pid") { request, context in
            try await serve(request, authorised: true) { _ in
                zone.checkRights(pid: try context.parameters.require("pid"), path: request.uri.path)
            }
        }
        router.post("\(prefix)/api/nhso-service/confirm-save") { request, context in
            try await serve(request, authorised: true, commits: true) { unit in
                guard let visit = try await decode(VisitRequest.self, request) else { return badBody(request) }
                if let refused = zone.refuseVerification(on: visit, path: request.uri.path) { return refused }
                return await zone.confirmSave(visit, unit: unit, channel: "KIOSK", path: request.uri.path, duplicateWithErrors: faults.current.duplicateWithErrors)
            }
        }
        router.post(RouterPath("\(prefix)\(zone.configuration.verifiedPath)")) { request, context in
            try await serve(request, authorised: true, commits: true) { unit in
                guard let visit = try await decode(VisitRequest.self, request), visit.verification != nil else { return badBody(request) }
                return await zone.confirmSave(visit, unit: unit, channel: "KIOSK", path: request.uri.path, duplicateWithErrors: faults.current.duplicateWithErrors)
            }
        }
        router.post("\(prefix)/api/nhso-service/save-as-draft") { request, context in
            try await serve(request, authorised: true) { unit in
                guard let visit = try await decode(VisitRequest.self, request) else { return badBody(request) }
                return await zone.saveAsDraft(visit, unit: unit, path: request.uri.path)
            }
        }
        router.get("\(prefix)/api/nhso-service/latest-authen-code/:pid") { request, context in
            try await serve(request, authorised: true) { unit in
                await zone.latestAuthenCode(pid: try context.parameters.require("pid"), unit: unit)
            }
        }
        router.get("\(prefix)/api/nhso-service/latest-5-authen-code-all-hospital/:pid") { request, context in
            try await serve(request, authorised: true) { _ in
                await zone.latestFive(pid: try context.parameters.require("pid"))
            }
        }
        router.get("/authencodestatus/api/check-authen-status") { request, _ in
            try await serve(request, authorised: true) { _ in
                let query = request.uri.queryParameters
                return await zone.checkAuthenStatus(
                    personalId: query.get("personalId"), serviceDate: query.get("serviceDate"),
                    serviceCode: query.get("serviceCode")
                )
            }
        }
    }

    private func addAgentRoutes(to router: Router<BasicRequestContext>) {
        router.get("/api/smartcard/terminals") { request, _ in
            try await serve(request) { _ in zone.terminals() }
        }
        // The card is taken when the read begins; the read's own time (agentReadLatencyMs) comes after.
        router.get("/api/smartcard/read") { request, _ in
            let card = zone.agentCardInReader
            return try await serve(request, extraLatencyMs: faults.current.agentReadLatencyMs) { _ in
                zone.readAgentCard(withRights: true, path: request.uri.path, card: .some(card))
            }
        }
        router.get("/api/smartcard/read-card-only") { request, _ in
            let card = zone.agentCardInReader
            return try await serve(request, extraLatencyMs: faults.current.agentReadLatencyMs) { _ in
                zone.readAgentCard(withRights: false, path: request.uri.path, card: .some(card))
            }
        }
        router.get("/api/smartcard/probe/:pid") { request, context in
            try await serve(request) { _ in zone.checkRights(pid: try context.parameters.require("pid"), path: request.uri.path) }
        }
        router.post("/api/nhso-service/confirm-save") { request, _ in
            try await serve(request, commits: true) { unit in
                guard let visit = try await decode(VisitRequest.self, request) else { return badBody(request) }
                if let refused = zone.refuseVerification(on: visit, path: request.uri.path) { return refused }
                return await zone.confirmSave(visit, unit: unit, channel: "AGENT", path: request.uri.path, duplicateWithErrors: faults.current.duplicateWithErrors)
            }
        }
        router.post(RouterPath(zone.configuration.verifiedPath)) { request, _ in
            try await serve(request, commits: true) { unit in
                guard let visit = try await decode(VisitRequest.self, request), visit.verification != nil else { return badBody(request) }
                return await zone.confirmSave(visit, unit: unit, channel: "AGENT", path: request.uri.path, duplicateWithErrors: faults.current.duplicateWithErrors)
            }
        }
        router.post("/api/nhso-service/save-as-draft") { request, _ in
            try await serve(request) { unit in
                guard let visit = try await decode(VisitRequest.self, request) else { return badBody(request) }
                return await zone.saveAsDraft(visit, unit: unit, path: request.uri.path)
            }
        }
        router.get("/api/nhso-service/latest-authen-code/:pid") { request, context in
            try await serve(request) { unit in await zone.latestAuthenCode(pid: try context.parameters.require("pid"), unit: unit) }
        }
        router.get("/api/nhso-service/latest-5-authen-code-all-hospital/:pid") { request, context in
            try await serve(request) { _ in await zone.latestFive(pid: try context.parameters.require("pid")) }
        }
    }

    struct CardInReader: Codable { var pid: String? }
    struct MobileAuthentication: Codable { var pid: String; var claimType: String?; var hcode: String? }

    private func addTestZoneRoutes(to router: Router<BasicRequestContext>) {
        router.get("/testzone/faults") { _, _ in json(TestZoneReply(200, faults.current)) }
        router.post("/testzone/faults") { request, _ in
            guard let new = try await decode(TestZoneFaults.self, request) else { return json(badBody(request)) }
            faults.set(new)
            return json(TestZoneReply(200, new))
        }
        router.post("/testzone/agent-card") { request, _ in
            guard let card = try await decode(CardInReader.self, request) else { return json(badBody(request)) }
            zone.setAgentCard(card.pid)
            return json(zone.terminals())
        }
        router.post("/testzone/mobile-authentication") { request, _ in
            guard let body = try await decode(MobileAuthentication.self, request) else { return json(badBody(request)) }
            return json(await zone.mobileAuthentication(
                pid: body.pid, claimType: body.claimType ?? ServiceCode.general,
                hcode: body.hcode ?? zone.configuration.agentUnit.hcode, path: request.uri.path
            ))
        }
        // What the kiosk's QR points at in the demo and in training: NHSO's phone app cannot be run
        // here, so the page says how its part is played.
        router.get("/testzone/qr/:hcode") { _, context in
            let hcode = ServerText.clean(context.parameters.get("hcode") ?? "")
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: """
                NHSO test zone: the stand-in for NHSO's phone authentication of unit \(hcode).
                A patient's phone authenticates with: POST /testzone/mobile-authentication {"pid": "<13 digits>", "hcode": "\(hcode)"}
                (in `authen-kiosk demo`, F7 does it for the id typed on the kiosk).

                """)))
        }
        router.post("/testzone/cancel/:claimCode") { request, context in
            guard let code = ClaimCode(try context.parameters.require("claimCode")),
                  let claim = try await zone.ledger.cancel(code) else {
                return json(.springError(404, "Not Found", "ไม่พบ Authen Code", path: request.uri.path, clock: zone.clock))
            }
            return json(TestZoneReply(200, claim))
        }
        router.get("/testzone/verifications/:claimCode") { request, context in
            guard let verification = zone.verification(of: try context.parameters.require("claimCode")) else {
                return json(.springError(404, "Not Found", "ไม่พบ Authen Code", path: request.uri.path, clock: zone.clock))
            }
            return json(TestZoneReply(200, verification))
        }
        router.get("/testzone/claims") { _, _ in json(TestZoneReply(200, await zone.ledger.allClaims())) }
        router.get("/testzone/confirm-requests") { _, _ in json(TestZoneReply(200, zone.confirmRequestCounts)) }
    }

    // MARK: Serving

    /// Applies the faults and the token check around one handler.
    private func serve(
        _ request: Request, authorised: Bool = false, commits: Bool = false, extraLatencyMs: Int = 0,
        _ handler: (Hospital) async throws -> TestZoneReply
    ) async throws -> Response {
        let faults = faults.current
        if faults.latencyMs + extraLatencyMs > 0 { try await Task.sleep(for: .milliseconds(faults.latencyMs + extraLatencyMs)) }
        if faults.hang { try await Task.sleep(for: TestZoneFaults.hangLimit) }
        if faults.errorRate > 0, Double.random(in: 0..<1) < faults.errorRate {
            return json(.springError(503, "Service Unavailable", "ระบบไม่พร้อมให้บริการชั่วคราว", path: request.uri.path, clock: zone.clock))
        }
        var unit = zone.configuration.agentUnit
        if authorised {
            switch zone.authorise(authorization: request.headers[.authorization], path: request.uri.path) {
            case .success(let caller): unit = caller
            case .failure(let refused): return json(refused.reply)
            }
        }
        let reply = try await handler(unit)
        if commits && faults.dropAfterCommit && reply.status == 200 {
            // The code is recorded; the answer never arrives.
            try await Task.sleep(for: TestZoneFaults.hangLimit)
        }
        if commits && faults.partialCommitBody && reply.status == 200,
           let full = try? JSONDecoder().decode(ConfirmSaveResponse.self, from: reply.body), let code = full.claimCode {
            return json(TestZoneReply(200, ["claimCode": code.value]))
        }
        if faults.malformedJSON {
            return json(TestZoneReply(status: reply.status, body: reply.body.prefix(reply.body.count / 2)))
        }
        return json(reply)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T? {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        return try? JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
    }

    private func badBody(_ request: Request) -> TestZoneReply {
        .springError(400, "Bad Request", "JSON parse error", path: request.uri.path,
                     fields: [.init(defaultMessage: "รูปแบบข้อมูลไม่ถูกต้อง")], clock: zone.clock)
    }

    private func json(_ reply: TestZoneReply) -> Response {
        Response(
            status: .init(code: reply.status),
            headers: [.contentType: "application/json; charset=utf-8"],
            body: reply.status == 204 ? .init() : .init(byteBuffer: ByteBuffer(bytes: reply.body))
        )
    }
}

extension TestZoneReply {
    init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}
