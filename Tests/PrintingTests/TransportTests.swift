import ESCPOS
import Foundation
import Testing
@testable import Printing

@Suite("Printers reached over the network, a device, CUPS and files, with their troubles")
struct TransportTests {
    let slip = SlipEncoder(settings: PrinterSettings()).bytes(claimElements)

    @Test func aReadyNetworkPrinterGetsTheWholeSlip() async throws {
        let fake = try FakeNetworkPrinter(.ready)
        let printer = ReceiptPrinter(transport: NetworkPrinter(host: "127.0.0.1", port: fake.port, timeoutSeconds: 2), settings: PrinterSettings())
        try await printer.print(claimElements, named: "PP1172534798")
        try await waitUntil { fake.bytes.count >= slip.count }
        #expect(fake.bytes == slip)
        #expect(try await printer.status() == PrinterStatus(printer: 0x12, offlineCause: 0x12, paper: 0x12))
    }

    @Test func paperOutIsSaidBeforeAnythingIsSent() async throws {
        let fake = try FakeNetworkPrinter(.paperOut)
        let printer = NetworkPrinter(host: "127.0.0.1", port: fake.port, timeoutSeconds: 2)
        #expect(throws: PrintingError.paperOut) { try printer.deliver(slip, named: "x") }
        #expect(fake.bytes.isEmpty)
    }

    @Test func paperRunningOutWhilePrintingIsCaught() throws {
        let fake = try FakeNetworkPrinter(.paperRunsOut)
        #expect(throws: PrintingError.paperOut) { try NetworkPrinter(host: "127.0.0.1", port: fake.port, timeoutSeconds: 2).deliver(slip, named: "x") }
    }

    @Test func aSilentPrinterCostsSecondsNotTheKiosk() async throws {
        let fake = try FakeNetworkPrinter(.silent)
        let printer = ReceiptPrinter(transport: NetworkPrinter(host: "127.0.0.1", port: fake.port, timeoutSeconds: 1), settings: PrinterSettings())
        let started = ContinuousClock.now
        await #expect(throws: PrintingError.notAnswering(seconds: 1)) { try await printer.print(claimElements, named: "x") }
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func aPrinterThatIsNotThereIsUnreachable() throws {
        let port = try FakeNetworkPrinter(.ready).port   // listened once, closed now
        #expect {
            try NetworkPrinter(host: "127.0.0.1", port: port, timeoutSeconds: 1).deliver(slip, named: "x")
        } throws: { error in
            if case .unreachable = error as? PrintingError { true } else { false }
        }
        #expect(throws: PrintingError.self) { try NetworkPrinter(host: "no-such-printer.invalid", timeoutSeconds: 1).deliver(slip, named: "x") }
    }

    @Test func aPrinterWithoutStatusCanBeToldNotToBeAsked() throws {
        let fake = try FakeNetworkPrinter(.silent)
        try NetworkPrinter(host: "127.0.0.1", port: fake.port, timeoutSeconds: 1, asksStatus: false).deliver(slip, named: "x")
    }

    @Test func aOneWayDeviceTakesTheSlipWithoutStatus() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lp-\(UUID())")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let device = DevicePrinter(path: file.path, timeoutSeconds: 1)
        try device.deliver(slip, named: "x")
        // A status question before and after, unanswered (a one-way printer ignores them), around the slip.
        #expect(try Data(contentsOf: file) == Data(PrinterStatus.requests[0] + slip + PrinterStatus.requests[0]))
        #expect(throws: PrintingError.unreachable("/nonexistent/lp0: No such file or directory")) {
            try DevicePrinter(path: "/nonexistent/lp0").deliver(slip, named: "x")
        }
    }

    @Test func filesAreTheKiosksAloneAndNamedSafely() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("slips-\(UUID())")
        let printer = ReceiptPrinter(transport: FilePrinter(folder: folder), settings: PrinterSettings())
        try await printer.print(claimElements, named: "../../etc/PP1172534798")
        let file = folder.appendingPathComponent("etcPP1172534798.escpos")
        #expect(try Data(contentsOf: file) == Data(slip))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// CUPS from Debian, started by the test script (`scripts/cups-service`) with a raw queue to a
    /// network printer on loopback port 9177, which this test plays.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AUTHEN_KIOSK_TEST_CUPS_QUEUE"] != nil))
    func aRawCUPSQueuePassesTheSlipUnchanged() async throws {
        let queue = ProcessInfo.processInfo.environment["AUTHEN_KIOSK_TEST_CUPS_QUEUE"]!
        let fake = try FakeNetworkPrinter(.ready, port: 9177)
        try CUPSPrinter(queue: queue, timeoutSeconds: 10).deliver(slip, named: "PP1172534798")
        try await waitUntil(seconds: 30) { fake.bytes.count >= slip.count }
        #expect(fake.bytes == slip)
        #expect(throws: PrintingError.self) { try CUPSPrinter(queue: "no-such-queue").deliver(slip, named: "x") }
    }
}

/// Polls `condition` every 50 ms until it holds, or fails after `seconds`.
func waitUntil(seconds: Double = 5, _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !condition() {
        guard ContinuousClock.now < deadline else { Issue.record("timed out"); return }
        try await Task.sleep(for: .milliseconds(50))
    }
}
