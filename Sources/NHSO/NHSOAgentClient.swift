import Logging

/// NHSO's Secure Smartcard Agent on this machine (`agent` backend), which most hospitals run today.
///
/// The agent owns the card reader: card presence comes from `terminals()`, the person from
/// `readCard` / `readCardOnly`, and the kiosk must not open the reader itself while it runs.
/// check-authen-status is not an agent call: it goes to the cloud with the kiosk token, when one is
/// configured.
public final class NHSOAgentClient: NHSOService {
    /// The agent's standard address.
    public static let defaultURL = "http://localhost:8189"

    let calls: NHSOCalls
    let statusCalls: NHSOCalls?

    public init(
        url: String = NHSOAgentClient.defaultURL, statusZone: NHSOZone = .test, statusToken: KioskToken? = nil,
        statusBaseURL: String? = nil, timeouts: NHSOTimeouts = NHSOTimeouts(),
        logger: Logger = Logger(label: "authen-kiosk.nhso-agent")
    ) {
        calls = NHSOCalls(transport: HTTPTransport(baseURL: url, token: nil, timeouts: timeouts, logger: logger), paths: .agent)
        statusCalls = statusToken.map { token in
            NHSOCalls(
                transport: HTTPTransport(baseURL: statusBaseURL ?? statusZone.baseURL, token: token, timeouts: timeouts, logger: logger),
                paths: .cloud
            )
        }
    }


    /// The readers the agent sees, and whether each holds a card.
    public func terminals() async throws(NHSOError) -> [AgentTerminal] {
        let path = "/api/smartcard/terminals"
        let answer = try await calls.transport.get(path)
        guard answer.status == 200 else { throw calls.transport.failure(for: answer, pid: nil) }
        return try calls.transport.decode([AgentTerminal].self, from: answer, path: path)
    }

    /// Reads the card in the agent's reader and checks the person's rights online.
    public func readCard(includeImage: Bool = false) async throws(NHSOError) -> RightsCheck {
        try await read("/api/smartcard/read", includeImage: includeImage)
    }

    /// Reads the card only: works when NHSO is unreachable, and carries no rights.
    public func readCardOnly(includeImage: Bool = false) async throws(NHSOError) -> RightsCheck {
        try await read("/api/smartcard/read-card-only", includeImage: includeImage)
    }

    private func read(_ path: String, includeImage: Bool) async throws(NHSOError) -> RightsCheck {
        let answer = try await calls.transport.get(path, query: [("readImageFlag", includeImage ? "true" : "false")])
        guard answer.status == 200 else { throw calls.transport.failure(for: answer, pid: nil) }
        return try calls.transport.decode(RightsCheck.self, from: answer, path: path)
    }

    public func checkRights(pid: String) async throws(NHSOError) -> RightsCheck {
        try await calls.checkRights(pid: pid)
    }

    public func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        try await calls.confirmSave(visit)
    }

    public func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse {
        try await calls.saveAsDraft(visit)
    }

    public func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? {
        try await calls.latestAuthenCode(pid: pid)
    }

    public func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> [AuthenCodeRecord] {
        try await calls.latestAuthenCodesAllHospitals(pid: pid)
    }

    public func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus {
        guard let statusCalls else { throw .tokenMissing }
        return try await statusCalls.checkAuthenStatus(pid: pid, serviceDate: serviceDate, serviceCode: serviceCode)
    }
}
