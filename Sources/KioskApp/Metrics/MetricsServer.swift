import Hummingbird
import Logging

/// The metrics as Prometheus text at `http://HOST:PORT/metrics`, on loopback only: the hospital's
/// monitoring reaches them through its own agent (node exporter, a reverse tunnel), never the network.
public struct MetricsServer: Sendable {
    public static let loopbackHosts: Set<String> = ["127.0.0.1", "::1", "localhost"]

    let metrics: KioskMetrics
    let host: String
    let port: Int

    public init(metrics: KioskMetrics, host: String, port: Int) {
        precondition(Self.loopbackHosts.contains(host), "metrics are served on loopback only")
        self.metrics = metrics
        self.host = host
        self.port = port
    }

    /// Serves until the task is cancelled; `onRunning` gets the bound port.
    public func run(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router()
        let metrics = self.metrics
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.render())))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "authen-kiosk"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger
        )
        try await app.run()
    }
}
