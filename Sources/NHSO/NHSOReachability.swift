import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Whether an address of NHSO's (or the agent's) answers at all: the connection, TLS with a verified
/// certificate, and the server's clock (its `Date` header). Any HTTP status counts as an answer. For
/// `doctor`; it sends no token.
public enum NHSOReachability {
    public struct Answer: Sendable {
        public var status: Int
        /// What the server's clock said, where it says.
        public var serverDate: Date?
        public var elapsed: Duration
    }

    public static func check(_ url: String, timeout: Duration = .seconds(10)) async throws(NHSOError) -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let started = ContinuousClock.now
        do {
            let response = try await HTTPTransport.sharedClient.execute(request, timeout: .milliseconds(Int64(timeout.milliseconds)))
            _ = try? await response.body.collect(upTo: 1 << 20)
            let date = response.headers.first(name: "Date").flatMap(Self.httpDate)
            return Answer(status: Int(response.status.code), serverDate: date, elapsed: ContinuousClock.now - started)
        } catch {
            throw .unreachable(reason: ServerText.safe("\(error)"))
        }
    }

    /// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
