import Logging

/// The card reader of NHSO's Secure Smartcard Agent.
///
/// Where the agent runs it owns the reader: the kiosk learns of a card from `terminals()` and of the
/// person from `readCard` / `readCardOnly`, and must not open the reader itself.
public struct NHSOAgentReader: Sendable {
    let transport: HTTPTransport

    public init(url: String = NHSOHTTPService.defaultAgentURL, timeouts: NHSOTimeouts = NHSOTimeouts(), logger: Logger = Logger(label: "authen-kiosk.nhso-agent")) {
        transport = HTTPTransport(baseURL: url, token: nil, timeouts: timeouts, logger: logger)
    }

    /// The agent's address.
    public var url: String { transport.baseURL }

    /// The readers the agent sees, and whether each holds a card.
    public func terminals() async throws(NHSOError) -> [AgentTerminal] {
        let path = "/api/smartcard/terminals"
        // Once: callers ask again within the second anyway.
        let answer = try await transport.get(path, attempts: 1)
        guard answer.status == 200 else { throw transport.failure(for: answer, pid: nil) }
        return try transport.decode([AgentTerminal].self, from: answer, path: path)
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
        let answer = try await transport.get(path, query: [("readImageFlag", includeImage ? "true" : "false")])
        guard answer.status == 200 else { throw transport.failure(for: answer, pid: nil) }
        return try transport.decode(RightsCheck.self, from: answer, path: path)
    }
}
