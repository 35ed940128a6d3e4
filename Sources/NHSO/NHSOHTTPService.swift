import Foundation
import Logging

/// `NHSOService` over HTTP, with either backend:
///
/// - `cloud(zone:token:)`: NHSO's cloud API, every call with the hospital's kiosk token (`direct`).
/// - `agent(url:statusToken:)`: the NHSO Secure Smartcard Agent on this machine, which most hospitals
///   run today. check-authen-status is not an agent call: it goes to the cloud with the kiosk token
///   when one is given. The agent's card reader is `NHSOAgentReader`.
public struct NHSOHTTPService: NHSOService {
    let transport: HTTPTransport
    let paths: NHSOPaths
    /// Where check-authen-status goes (with the token); `nil` when no token is configured.
    let statusTransport: HTTPTransport?

    /// The agent's standard address.
    public static let defaultAgentURL = "http://localhost:8189"

    /// NHSO's cloud API in `zone`; `baseURL` replaces the zone's address (for the test-zone simulator),
    /// `statusBaseURL` the address of check-authen-status alone (NHSO's deck gives the zone's; public
    /// live clients call `https://authenucws.nhso.go.th`).
    public static func cloud(
        zone: NHSOZone, token: KioskToken, baseURL: String? = nil, statusBaseURL: String? = nil, paths: NHSOPaths = .cloud,
        timeouts: NHSOTimeouts = NHSOTimeouts(), logger: Logger = Logger(label: "authen-kiosk.nhso")
    ) -> NHSOHTTPService {
        let transport = HTTPTransport(baseURL: baseURL ?? zone.baseURL, token: token, timeouts: timeouts, logger: logger)
        let status = statusBaseURL.map { HTTPTransport(baseURL: $0, token: token, timeouts: timeouts, logger: logger) } ?? transport
        return NHSOHTTPService(transport: transport, paths: paths, statusTransport: status)
    }

    /// The local agent; check-authen-status goes to `statusZone` (or `statusBaseURL`) with `statusToken`.
    public static func agent(
        url: String = defaultAgentURL, statusZone: NHSOZone = .test, statusToken: KioskToken? = nil,
        statusBaseURL: String? = nil, paths: NHSOPaths = .agent, timeouts: NHSOTimeouts = NHSOTimeouts(),
        logger: Logger = Logger(label: "authen-kiosk.nhso-agent")
    ) -> NHSOHTTPService {
        NHSOHTTPService(
            transport: HTTPTransport(baseURL: url, token: nil, timeouts: timeouts, logger: logger),
            paths: paths,
            statusTransport: statusToken.map {
                HTTPTransport(baseURL: statusBaseURL ?? statusZone.baseURL, token: $0, timeouts: timeouts, logger: logger)
            }
        )
    }

    public func checkRights(pid: String) async throws(NHSOError) -> RightsCheck {
        let path = paths.rights + pid
        let answer = try await transport.get(path)
        switch answer.status {
        case 200: return try transport.decode(RightsCheck.self, from: answer, path: path)
        case 400: throw .invalidID(pid: pid)
        default: throw transport.failure(for: answer, pid: pid)
        }
    }

    public func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        let path = visit.verification == nil ? paths.confirmSave : paths.verifiedConfirmSave
        let answer = try await transport.send(.POST, path, body: transport.encode(visit))
        switch answer.status {
        case 200...299:
            // Committed, whatever the body says: a body that cannot be read still means a code exists.
            guard let response = try? JSONDecoder().decode(ConfirmSaveResponse.self, from: answer.body) else {
                transport.logger.error("confirm-save committed, but its answer could not be read", metadata: ["status": "\(answer.status)"])
                return .unreadable
            }
            return response
        case 400:
            // NHSO's "already authenticated today" and its validation failures are both 400, and whether a
            // duplicate carries `errors[]` is not documented: the caller looks for an existing code
            // before deciding which it was (`VisitSubmitter`).
            throw .visitRejected(message: transport.serverMessage(in: answer) ?? "HTTP 400")
        default:
            throw transport.failure(for: answer, pid: visit.pid)
        }
    }

    public func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse {
        let answer = try await transport.send(.POST, paths.saveAsDraft, body: transport.encode(visit))
        guard (200...201).contains(answer.status) else { throw transport.failure(for: answer, pid: visit.pid) }
        return try transport.decode(DraftResponse.self, from: answer, path: paths.saveAsDraft)
    }

    public func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? {
        let path = paths.latestAuthenCode + pid
        let answer = try await transport.get(path)
        switch answer.status {
        case 200 where answer.body.isEmpty: return nil
        case 200: return try transport.decode(AuthenCodeRecord.self, from: answer, path: path)
        // Only "no content" means no code: a 404 may be a route the agent or a proxy lacks.
        case 204: return nil
        default: throw transport.failure(for: answer, pid: nil)
        }
    }

    public func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> AuthenCodeList {
        let path = paths.latestFive + pid
        let answer = try await transport.get(path)
        switch answer.status {
        case 200:
            let entries = try transport.decode([Lossy<AuthenCodeRecord>].self, from: answer, path: path)
            let records = entries.compactMap(\.value)
            if records.count < entries.count {
                transport.logger.warning("latest-5: entries NHSO sent could not be read", metadata: ["skipped": "\(entries.count - records.count)"])
            }
            return AuthenCodeList(records: records, unreadable: entries.count - records.count)
        case 204: return []
        default: throw transport.failure(for: answer, pid: nil)
        }
    }

    public func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus {
        guard let transport = statusTransport else { throw .tokenMissing }
        var query = [("personalId", pid), ("serviceDate", serviceDate)]
        if let serviceCode { query.append(("serviceCode", serviceCode)) }
        let answer = try await transport.get(paths.checkAuthenStatus, query: query)
        switch answer.status {
        case 200, 400:
            // Validation failures (messages 4–8) come as an AuthenStatus body too.
            if let status = try? JSONDecoder().decode(AuthenStatus.self, from: answer.body) { return status }
            if answer.status == 400 { throw transport.failure(for: answer, pid: nil) }
            return try transport.decode(AuthenStatus.self, from: answer, path: paths.checkAuthenStatus)
        default:
            throw transport.failure(for: answer, pid: nil)
        }
    }
}
