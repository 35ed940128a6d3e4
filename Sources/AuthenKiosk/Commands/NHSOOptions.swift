import ArgumentParser
import Foundation
import NHSO

/// How `rights` and `status` reach NHSO: the cloud API with the kiosk token, or the local agent.
struct NHSOOptions: ParsableArguments {
    enum Backend: String, ExpressibleByArgument, CaseIterable {
        case direct, agent
    }

    @Option(help: "direct: NHSO's cloud API with the kiosk token; agent: the Secure Smartcard Agent on this machine.")
    var backend: Backend = .direct

    @Option(help: "NHSO zone for the cloud API: test or production (they have different tokens).")
    var zone: String = NHSOZone.test.rawValue

    @Option(help: "Cloud API address instead of the zone's (for the nhso-testzone simulator: http://127.0.0.1:18189).")
    var baseURL: String?

    @Option(help: "The agent's address.")
    var agentURL = NHSOHTTPService.defaultAgentURL

    @Option(help: "File holding the kiosk token; must be mode 0600. Default: $\(KioskToken.environmentVariable).")
    var tokenFile: String?

    @Option(help: "Seconds to wait for NHSO.")
    var timeout: Double = 15

    func validate() throws {
        guard NHSOZone(rawValue: zone) != nil else { throw ValidationError("--zone must be test or production") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    /// The kiosk token, from the file or the environment; `nil` when neither has one.
    func token() throws(NHSOError) -> KioskToken? {
        if let tokenFile { return try KioskToken.load(file: tokenFile) }
        return KioskToken.fromEnvironment()
    }

    func service() throws(NHSOError) -> any NHSOService {
        let zone = NHSOZone(rawValue: zone)!
        let timeouts = NHSOTimeouts(request: .milliseconds(Int64(timeout * 1000)))
        switch backend {
        case .direct:
            guard let token = try token() else { throw .tokenMissing }
            return NHSOHTTPService.cloud(zone: zone, token: token, baseURL: baseURL, timeouts: timeouts)
        case .agent:
            return NHSOHTTPService.agent(url: agentURL, statusZone: zone, statusToken: try token(), statusBaseURL: baseURL, timeouts: timeouts)
        }
    }
}

/// Exit status of the NHSO commands, by error.
func nhsoExitStatus(for error: NHSOError) -> Int32 {
    switch error {
    case .tokenMissing, .tokenRejected, .tokenFileUnsafe, .tokenFileUnreadable: 3
    case .personNotFound, .invalidID, .alreadyAuthenticated, .visitRejected: 4
    case .unreachable, .malformedAnswer, .server, .visitOutcomeUnknown: 5
    }
}

/// Text from a server, safe to print on a terminal: control characters (escape sequences among them)
/// become spaces. (NHSO's error messages are also masked, by the client, before they reach here.)
func sanitized(_ text: String?) -> String {
    guard let text else { return "-" }
    return ServerText.clean(text)
}
