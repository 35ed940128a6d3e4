import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NHSO
import NHSOTestZone

/// Requests per second and latency of the test-zone simulator, through the kiosk's own NHSO client,
/// on loopback. Starts its own simulator on a free port with a synthetic population, so every
/// confirm-save is a new visit; stops by itself after the given number of requests.
struct NHSOLoadBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhso",
        abstract: "Load the NHSO test-zone simulator on loopback; print requests/s and p50/p99 latency."
    )

    @Option(help: "Requests per phase (rights checks, then confirm-saves).")
    var requests = 2000

    @Option(help: "Requests in flight at once.")
    var concurrency = 16

    func validate() throws {
        guard (1...100_000).contains(requests) else { throw ValidationError("--requests must be 1 to 100000") }
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be 1 to 256") }
    }

    func run() async throws {
        let people = Self.syntheticPopulation(count: requests)
        let zone = TestZone(population: Population(people), ledger: try TestZoneLedger())
        let testZone = try await EmbeddedTestZone(zone: zone)
        defer { testZone.stop() }
        let port = testZone.port

        var clientLogger = Logger(label: "bench")
        clientLogger.logLevel = .critical
        let client = NHSOHTTPService.cloud(
            zone: .test, token: KioskToken(TestZoneConfiguration.defaultTestToken)!,
            baseURL: "http://127.0.0.1:\(port)", logger: clientLogger
        )
        print("nhso-testzone on 127.0.0.1:\(port), \(requests) requests per phase, \(concurrency) in flight")
        let pids = people.map(\.pid)
        let rights = try await measure("rights check ", pids) { pid in _ = try await client.checkRights(pid: pid) }
        let confirms = try await measure("confirm-save ", pids) { pid in
            _ = try await client.confirmSave(VisitRequest(pid: pid, claimType: ServiceCode.general, mobile: "0812345678", correlationId: UUID().uuidString))
        }
        let issued = await zone.ledger.allClaims().count
        print("claims issued: \(issued) of \(confirms) confirm-saves; rights checks: \(rights)")
    }

    /// Runs `body` once per item with `concurrency` in flight; prints and returns the count done.
    private func measure(_ label: String, _ items: [String], _ body: @escaping @Sendable (String) async throws -> Void) async throws -> Int {
        let start = ContinuousClock.now
        var latencies: [Double] = []
        latencies.reserveCapacity(items.count)
        try await withThrowingTaskGroup(of: Double.self) { group in
            var next = 0
            func add() {
                let item = items[next]
                next += 1
                group.addTask {
                    let began = ContinuousClock.now
                    try await body(item)
                    return (ContinuousClock.now - began).milliseconds
                }
            }
            while next < min(concurrency, items.count) { add() }
            while let latency = try await group.next() {
                latencies.append(latency)
                if next < items.count { add() }
            }
        }
        let seconds = (ContinuousClock.now - start).milliseconds / 1000
        latencies.sort()
        func percentile(_ p: Double) -> String {
            String(format: "%.2f", latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))])
        }
        print("\(label) \(String(format: "%8.0f", Double(latencies.count) / seconds)) req/s   p50 \(percentile(0.50)) ms   p99 \(percentile(0.99)) ms")
        return latencies.count
    }

    /// People with valid ids and a UCS right, numbered so every id is distinct.
    static func syntheticPopulation(count: Int) -> [TestPerson] {
        (0..<count).map { index in
            let stem = "19" + String(format: "%010d", index)
            let digits = stem.compactMap(\.wholeNumberValue)
            let sum = (0..<12).reduce(0) { $0 + digits[$1] * (13 - $1) }
            let pid = stem + String((11 - sum % 11) % 10)
            return TestPerson(
                pid: pid, titleCode: "003", prefix: "นาย", firstName: "ทดสอบ\(index)", middleName: "", lastName: "โหลด",
                sex: "MALE", birthDate: "25300101", nation: "099", provinceId: "1000", provinceName: "กรุงเทพมหานคร",
                mainInscl: "(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ", subInscl: "(89) ช่วงอายุ 12-59 ปี",
                hospMain: Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า"), hospSub: nil, hospMainOp: nil,
                paidModel: "1", startDateTime: "2017-05-01T00:00:00", deceased: false, note: "load test"
            )
        }
    }
}
