import Foundation
import FoundationNetworking
import Testing

/// The metrics a hospital's monitoring scrapes: served on loopback, counting what happened.
@Suite(.serialized) struct MetricsTests {
    func scrape(_ port: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "5", "http://127.0.0.1:\(port)/metrics"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A free loopback port, found by binding to port 0.
    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func aVisitIsCountedAndScrapedOnLoopback() throws {
        let port = try freePort()
        let kiosk = try TmuxKiosk(arguments: ["demo", "--metrics-port", "\(port)"])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let before = try scrape(port)
        #expect(before.contains("authen_kiosk_up 1"))
        #expect(before.contains("authen_kiosk_pending_visits 0"))
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        try kiosk.keys("Enter")
        #expect(kiosk.waitFor("กรุณานำบัตรประชาชนออก"))
        try kiosk.keys("F6")
        let after = try scrape(port)
        #expect(after.contains("authen_kiosk_visits{path=\"card\",outcome=\"coded\"} 1"), "\(after)")
        #expect(after.contains("authen_kiosk_nhso_request_seconds_count{call=\"rights\"} 1"))
        #expect(after.contains("authen_kiosk_nhso_request_seconds_count{call=\"confirmSave\"} 1"))
        #expect(!after.contains("1101700203450"), "no citizen id in the metrics")
    }

    @Test func metricsAreServedOnLoopbackOnly() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = folder.appendingPathComponent("kiosk.yaml").path
        try """
            hospital: { hcode: "10757" }
            nhso: { backend: agent, zone: test }
            admin: { pinHash: "\(adminPINHash)" }
            metrics: { listen: "0.0.0.0:9464" }
            output: { journal: \(folder.path)/journal.sqlite }
            """.write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o600)
        let result = try runKiosk(["run", "--config", config])
        #expect(result.status == 2)
        #expect(result.stderr.contains("metrics.listen is '0.0.0.0:9464'"))
    }
}
