import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// JSON over HTTP to NHSO or the agent, with timeouts, the bearer token, and errors mapped to
/// `NHSOError`. TLS certificates are always verified: there is deliberately no switch to turn that off.
final class HTTPTransport: Sendable {
    let baseURL: String
    let token: KioskToken?
    let client: HTTPClient
    let requestTimeout: TimeAmount
    let logger: Logger

    static let maximumBody = 8 << 20  // a rights check with a photo is ~10 kB; anything near this is wrong

    /// One client for the whole process: it pools connections to NHSO, and lives as long as the
    /// program (AsyncHTTPClient requires a client to be shut down before it goes away; a process-wide
    /// one never goes away). Connecting may take 5 s; each request's own deadline bounds the rest.
    static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(5))
        // NHSO does not redirect API calls; following one could send the token elsewhere.
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    init(baseURL: String, token: KioskToken?, timeouts: NHSOTimeouts, logger: Logger) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.requestTimeout = .milliseconds(Int64(timeouts.request.milliseconds))
        self.logger = logger
        self.client = Self.sharedClient
    }

    struct Answer {
        var status: Int
        var body: Data
    }

    /// One request; any HTTP status comes back as an `Answer`, only transport failures throw.
    func send(_ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil) async throws(NHSOError) -> Answer {
        var url = baseURL + path
        if !query.isEmpty {
            var components = URLComponents()
            components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
            url += "?" + (components.percentEncodedQuery ?? "")
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let token { request.headers.add(name: "Authorization", value: token.authorizationHeader) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = ContinuousClock.now
        let logPath = ServerText.maskingIDs(in: path)
        do {
            let response = try await client.execute(request, timeout: requestTimeout)
            let buffer = try await response.body.collect(upTo: Self.maximumBody)
            let status = Int(response.status.code)
            logger.debug("NHSO answered", metadata: [
                "method": "\(method.rawValue)", "path": "\(logPath)", "status": "\(status)",
                "ms": "\((ContinuousClock.now - started).milliseconds)",
            ])
            return Answer(status: status, body: Data(buffer.readableBytesView))
        } catch {
            let reason = token?.redact(Self.describe(error)) ?? Self.describe(error)
            logger.warning("NHSO unreachable", metadata: ["method": "\(method.rawValue)", "path": "\(logPath)", "reason": "\(reason)"])
            throw .unreachable(reason: reason)
        }
    }

    /// A read that is safe to repeat (GET): a lost connection or a 502/503/504 is tried once more after
    /// a short pause. Writes are never repeated here; `VisitSubmitter` decides that for confirm-save.
    func get(_ path: String, query: [(String, String)] = [], attempts: Int = 2, pause: Duration = .milliseconds(300)) async throws(NHSOError) -> Answer {
        var attempt = 1
        while true {
            do {
                let answer = try await send(.GET, path, query: query)
                if [502, 503, 504].contains(answer.status) && attempt < attempts {
                    attempt += 1
                    try? await Task.sleep(for: pause)
                    continue
                }
                return answer
            } catch where attempt < attempts && error.isTransient {
                attempt += 1
                try? await Task.sleep(for: pause)
            }
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from answer: Answer, path: String) throws(NHSOError) -> T {
        do {
            return try JSONDecoder().decode(type, from: answer.body)
        } catch {
            let detail = ServerText.safe("\(path): \(error)")
            logger.error("NHSO answer not understood", metadata: ["detail": "\(detail)"])
            throw .malformedAnswer(detail: token?.redact(detail) ?? detail)
        }
    }

    func encode<T: Encodable>(_ value: T) -> Data {
        // Plain value types with string and optional fields: encoding cannot fail.
        try! JSONEncoder().encode(value)
    }

    /// `text` without the token, in case a server echoed it.
    func redact(_ text: String) -> String { token?.redact(text) ?? text }

    /// The most specific human text of a Spring error body, safe to log and show; `nil` without one.
    func serverMessage(in answer: Answer) -> String? {
        guard let spring = try? JSONDecoder().decode(SpringError.self, from: answer.body),
              let message = spring.bestMessage, !message.isEmpty else { return nil }
        return ServerText.safe(redact(message))
    }

    /// The error for a non-2xx answer that no caller handles specially.
    func failure(for answer: Answer, pid: String?) -> NHSOError {
        let message = serverMessage(in: answer) ?? ""
        switch answer.status {
        case 401, 403: return .tokenRejected(status: answer.status)
        case 404 where pid != nil: return .personNotFound(pid: pid!)
        default: return .server(status: answer.status, message: message.isEmpty ? "no message" : message)
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            if error == .connectTimeout || error == .readTimeout || error == .deadlineExceeded { return "timed out" }
            return "\(error)"
        }
        return "\(error)"
    }

}

/// How long to wait for NHSO.
public struct NHSOTimeouts: Sendable, Hashable {
    /// The whole of one request, connecting included.
    public var request: Duration

    public init(request: Duration = .seconds(15)) {
        self.request = request
    }
}

extension Duration {
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
