import Foundation

/// The calls of `NHSOService` over one transport and one path layout; both clients are built on it.
struct NHSOCalls: Sendable {
    let transport: HTTPTransport
    let paths: NHSOPaths

    func checkRights(pid: String) async throws(NHSOError) -> RightsCheck {
        let path = paths.rights + pid
        let answer = try await transport.get(path)
        switch answer.status {
        case 200: return try transport.decode(RightsCheck.self, from: answer, path: path)
        case 400: throw .invalidID(pid: pid)
        default: throw transport.failure(for: answer, pid: pid)
        }
    }

    func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        let answer = try await transport.send(.POST, paths.confirmSave, body: transport.encode(visit))
        switch answer.status {
        case 200, 201:
            return try transport.decode(ConfirmSaveResponse.self, from: answer, path: paths.confirmSave)
        case 400:
            // NHSO answers a second confirm of the day with 400; public clients read it that way and
            // fetch the existing code, as `VisitSubmitter` does. A 400 that lists field errors is
            // Spring's validation instead: a bad request, not a duplicate.
            let body = try? JSONDecoder().decode(SpringError.self, from: answer.body)
            if let fields = body?.errors, !fields.isEmpty {
                throw .server(status: 400, message: transport.redact(body?.bestMessage ?? "validation failed"))
            }
            throw .alreadyAuthenticated(existing: nil)
        default:
            throw transport.failure(for: answer, pid: visit.pid)
        }
    }

    func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse {
        let answer = try await transport.send(.POST, paths.saveAsDraft, body: transport.encode(visit))
        guard (200...201).contains(answer.status) else { throw transport.failure(for: answer, pid: visit.pid) }
        return try transport.decode(DraftResponse.self, from: answer, path: paths.saveAsDraft)
    }

    func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? {
        let path = paths.latestAuthenCode + pid
        let answer = try await transport.get(path)
        switch answer.status {
        case 200 where answer.body.isEmpty: return nil
        case 200: return try transport.decode(AuthenCodeRecord.self, from: answer, path: path)
        case 204, 404: return nil
        default: throw transport.failure(for: answer, pid: nil)
        }
    }

    func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> [AuthenCodeRecord] {
        let path = paths.latestFive + pid
        let answer = try await transport.get(path)
        switch answer.status {
        case 200: return try transport.decode([AuthenCodeRecord].self, from: answer, path: path)
        case 204, 404: return []
        default: throw transport.failure(for: answer, pid: nil)
        }
    }

    func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus {
        guard transport.token != nil else { throw .tokenMissing }
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
