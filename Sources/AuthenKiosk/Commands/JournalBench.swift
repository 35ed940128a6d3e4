import ArgumentParser
import Foundation
import Journey
import KioskApp
import NHSO
import VisitJournal

/// The journal's cost on the way to the code: the synced write before confirm-save (median, p99), and
/// a queued write as the screen makes it.
struct JournalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Time the journal's synced write before confirm-save; print median and p99.",
        discussion: "Benchmarks/journal.sh runs it on this machine's disk (the folder given, or /var/tmp)."
    )

    @Option(help: "Folder for the journal file (on the disk the kiosk will use).")
    var folder = "/var/tmp"

    @Option(help: "Visits to write.")
    var runs = 500

    func run() async throws {
        let path = URL(fileURLWithPath: folder).appendingPathComponent("authen-kiosk-bench-\(getpid()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let journal = try VisitJournal(path: path)
        let request = VisitRequest(pid: "1101700203450", claimType: ServiceCode.general, mobile: "", correlationId: UUID().uuidString, hcode: "10757")
        var synced: [Double] = []
        var queued: [Double] = []
        for _ in 0..<runs {
            let visit = VisitID()
            var start = ContinuousClock.now
            journal.record(visit, .identified(citizenID: request.pid, path: .card), at: Date()) { _ in }
            queued.append((ContinuousClock.now - start).milliseconds)
            start = ContinuousClock.now
            try await journal.recordNow(visit, .submitting(request, serviceDate: "2026-11-28"))
            synced.append((ContinuousClock.now - start).milliseconds)
        }
        synced.sort()
        queued.sort()
        func pick(_ values: [Double], _ q: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * q))] }
        print(String(format: "journal write before confirm-save (synced, WAL, synchronous=FULL) on %@: median %.2f ms, p99 %.2f ms, max %.2f ms over %d visits",
                     folder, pick(synced, 0.5), pick(synced, 0.99), synced.last!, runs))
        print(String(format: "journal write from the screen (queued): median %.3f ms, p99 %.3f ms", pick(queued, 0.5), pick(queued, 0.99)))
    }
}
