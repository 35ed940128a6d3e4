import ArgumentParser
import Foundation
import Hummingbird
import NHSO
import NHSOTestZone

/// `nhso-testzone`: a stand-in for NHSO's test zone, for the kiosk's tests, its demo, and staff training.
@main
struct NHSOTestZoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhso-testzone",
        abstract: "Run a simulator of NHSO's test zone (cloud API, Secure Smartcard Agent paths, phone app).",
        discussion: """
            Cloud paths (Authorization: Bearer <token>): /authencode/api/smartcard/probe/{pid}, \
            /authencode/api/nhso-service/{confirm-save,save-as-draft,latest-authen-code/{pid},\
            latest-5-authen-code-all-hospital/{pid}}, /authencodestatus/api/check-authen-status. \
            Agent paths (no token): the same under /api/..., plus /api/smartcard/{terminals,read,read-card-only}. \
            Test-zone controls: POST /testzone/agent-card {"pid"}, POST /testzone/mobile-authentication \
            {"pid","claimType","hcode"}, POST /testzone/cancel/{claimCode}, GET/POST /testzone/faults, \
            GET /testzone/claims, GET /testzone/confirm-requests (confirm-saves received, by correlationId).
            """
    )

    @Option(help: "Address to listen on. Keep it on loopback: the simulator has no access control of its own.")
    var host = "127.0.0.1"

    @Option(help: "Port. Not 8189, the real agent's: a kiosk pointed at the agent must never reach the simulator by mistake.")
    var port = 18189

    @Option(help: "The kiosk token this test zone accepts.")
    var token = TestZoneConfiguration.defaultTestToken

    @Option(help: "A production-zone token, refused with 401 as NHSO's test zone does.")
    var productionToken = TestZoneConfiguration.defaultProductionToken

    @Option(help: "The unit (5-digit hcode) the token and the agent belong to.")
    var hcode = "10757"

    @Option(help: "That unit's name.")
    var hname = "รพ.พระนั่งเกล้า"

    @Option(help: "A population file (JSON) instead of the built-in one.")
    var population: String?

    @Option(help: "SQLite file that keeps claims and drafts across restarts (default: in memory only).")
    var data: String?

    @Option(help: "Delay added to every answer, in milliseconds.")
    var latencyMs = 0

    @Option(help: "Share of requests (0 to 1) answered 503.")
    var errorRate = 0.0

    @Flag(help: "Never answer.")
    var hang = false

    @Flag(help: "Record confirm-save, then lose the answer.")
    var dropAfterCommit = false

    @Flag(help: "Cut every answer in half (not valid JSON).")
    var malformedJSON = false

    @Flag(help: "Answer a duplicate confirm-save 400 with errors[] (as a validation failure looks).")
    var duplicateWithErrors = false

    @Flag(help: "Answer a committed confirm-save with its claim code only.")
    var partialCommitBody = false

    @Option(help: "Delay added to the agent's card reads only, in milliseconds (the read answers about the card it began on).")
    var agentReadLatencyMs = 0

    @Option(help: "Path (after /authencode for the cloud) where visits of patients authenticated without their own card are accepted; move it to make the simulator disagree with a kiosk's nhso.paths.verifiedConfirmSave.")
    var verifiedPath = TestZoneConfiguration().verifiedPath

    func validate() throws {
        guard (0...1).contains(errorRate) else { throw ValidationError("--error-rate is a share between 0 and 1") }
        guard hcode.count == 5, hcode.allSatisfy(\.isNumber) else { throw ValidationError("--hcode is 5 digits") }
        guard token != productionToken else { throw ValidationError("--token and --production-token must differ") }
        guard verifiedPath.hasPrefix("/") else { throw ValidationError("--verified-path starts with /") }
    }

    func run() async throws {
        let people = try population.map { try Population.load(URL(fileURLWithPath: $0)) } ?? Population.bundled()
        let unit = Hospital(hcode: hcode, hname: hname)
        let zone = TestZone(
            population: people, ledger: try TestZoneLedger(store: data.map(SQLiteTestZoneStore.init(path:))),
            configuration: TestZoneConfiguration(tokens: [token: unit], otherZoneTokens: [productionToken], agentUnit: unit, verifiedPath: verifiedPath)
        )
        let faults = TestZoneFaults(
            latencyMs: latencyMs, errorRate: errorRate, hang: hang, dropAfterCommit: dropAfterCommit, malformedJSON: malformedJSON,
            duplicateWithErrors: duplicateWithErrors, partialCommitBody: partialCommitBody, agentReadLatencyMs: agentReadLatencyMs
        )
        let server = TestZoneServer(zone: zone, faults: faults)
        let host = self.host
        let count = people.people.count
        let app = server.application(host: host, port: port) { port in
            try? FileHandle.standardOutput.write(contentsOf: Data("nhso-testzone: listening on http://\(host):\(port) (\(count) people, unit \(unit.hcode))\n".utf8))
        }
        try await app.runService()
    }
}

