import Hummingbird
import Logging

/// A test zone served from inside another program, on a loopback port of its own: the kiosk's demo,
/// its benchmarks and its tests use it instead of a separate `nhso-testzone` process.
public final class EmbeddedTestZone: Sendable {
    public let zone: TestZone
    public let server: TestZoneServer
    public let port: Int
    private let task: Task<Void, any Error>

    public enum StartError: Error { case notStarted }

    /// Starts serving and returns once the port is bound. The server logs nothing below `critical`:
    /// stopping it is not an error.
    public init(zone: TestZone, faults: TestZoneFaults = TestZoneFaults()) async throws {
        self.zone = zone
        server = TestZoneServer(zone: zone, faults: faults)
        var quiet = Logger(label: "nhso-testzone")
        quiet.logLevel = .critical
        let (ports, ready) = AsyncStream<Int>.makeStream()
        let app = server.application(port: 0, logger: quiet) { ready.yield($0) }
        task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw StartError.notStarted }
        self.port = port
    }

    /// The base address of both the cloud paths and the agent's.
    public var url: String { "http://127.0.0.1:\(port)" }

    public func stop() { task.cancel() }

    deinit { task.cancel() }
}
