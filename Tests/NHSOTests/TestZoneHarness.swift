import Foundation
import Hummingbird
import Logging
import NHSO
import NHSOTestZone
import Synchronization
import Testing

/// A test zone served over real HTTP on a loopback port of its own, for one test.
final class RunningTestZone: Sendable {
    let embedded: EmbeddedTestZone
    var zone: TestZone { embedded.zone }
    var server: TestZoneServer { embedded.server }
    var port: Int { embedded.port }

    static let token = KioskToken(TestZoneConfiguration.defaultTestToken)!
    static let productionToken = KioskToken(TestZoneConfiguration.defaultProductionToken)!

    init(faults: TestZoneFaults = TestZoneFaults(), configuration: TestZoneConfiguration = TestZoneConfiguration()) async throws {
        embedded = try await EmbeddedTestZone(
            zone: TestZone(population: try Population.bundled(), ledger: try TestZoneLedger(), configuration: configuration),
            faults: faults
        )
    }

    var url: String { embedded.url }

    static let quietLogger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    func cloud(token: KioskToken = RunningTestZone.token, timeouts: NHSOTimeouts = NHSOTimeouts(), logger: Logger = RunningTestZone.quietLogger) -> NHSOHTTPService {
        NHSOHTTPService.cloud(zone: .test, token: token, baseURL: url, timeouts: timeouts, logger: logger)
    }

    func agent(statusToken: KioskToken? = RunningTestZone.token) -> NHSOHTTPService {
        NHSOHTTPService.agent(url: url, statusToken: statusToken, statusBaseURL: url, logger: RunningTestZone.quietLogger)
    }

    var agentReader: NHSOAgentReader { NHSOAgentReader(url: url, logger: RunningTestZone.quietLogger) }

    /// Changes the faults while the server runs.
    func setFaults(_ faults: TestZoneFaults) { server.setFaults(faults) }

    func stop() { embedded.stop() }
}

/// Today in Thai time, as the test zone dates its claims.
func thaiToday() -> String { TestZoneClock().date() }

/// Keeps every log line, at every level, to prove what never appears in logs.
final class CapturedLog: Sendable {
    let lines = Mutex<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "captured") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            let all = self.metadata.merging(metadata ?? [:]) { $1 }
            log.lines.withLock { $0.append("\(level) \(message) \(all)") }
        }
    }
}

/// People of the bundled population, by what they are there for.
enum People {
    static let somchai = "1101700203450"   // UCS, adult, virtual card
    static let malee = "3100500456783"     // SSS
    static let child = "1100200778894"     // UCS child
    static let lifetime = "3500100345671"  // WEL elderly
    static let oldChip = "3609900121219"   // LGO
    static let longest = "5709900123454"   // OFC

    static func with(note: String) throws -> TestPerson {
        try #require(try Population.bundled().people.values.first { $0.note == note })
    }
}
