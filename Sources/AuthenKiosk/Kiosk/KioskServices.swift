import Foundation
import Journey
import ThaiIDCard

/// Where the kiosk learns of cards and gets the person from: a PC/SC reader, NHSO's agent, or the
/// demo's virtual slot.
protocol CardSource: Sendable {
    /// Posts `cardInserted` / `cardRemoved` as cards come and go, until the task is cancelled; `nil`
    /// where cards are inserted by keys (the demo).
    func watch(_ post: @escaping @Sendable (JourneyEvent) -> Void) -> Task<Void, Never>?
    /// Reads the card in the reader, posting `cardReadProgress` on the way where the reader can tell;
    /// the answer is the event for the journey (`cardRead`, `cardReadFailed`, `agentRead`,
    /// `agentReadFailed`).
    func read(progress post: @escaping @Sendable (JourneyEvent) -> Void) async -> JourneyEvent
}

/// A source that reads the card itself, as the kiosk's own Thai ID card reader.
protocol ThaiIDCardSource: CardSource {
    func readPerson(progress: @escaping @Sendable (Int) -> Void) async throws(ThaiIDCardError) -> ThaiIDCardPerson
}

extension ThaiIDCardSource {
    func read(progress post: @escaping @Sendable (JourneyEvent) -> Void) async -> JourneyEvent {
        let total = ThaiIDCardReader.textReadSteps
        do throws(ThaiIDCardError) {
            return .cardRead(try await readPerson { post(.cardReadProgress(done: $0, total: total)) })
        } catch {
            return .cardReadFailed(error)
        }
    }
}

/// Where a claim-code slip goes.
protocol SlipPrinter: Sendable {
    func print(_ slip: Slip) async throws
}

/// Until a thermal printer is configured, slips are written as text files, one per claim code.
struct FileSlipPrinter: SlipPrinter {
    let directory: URL

    func print(_ slip: Slip) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let thai = slip.language == .thai
        let lines = [
            thai ? "ใบยืนยันการเข้ารับบริการ" : "Visit confirmation",
            "Authen Code: \(slip.claimCode)",
            (thai ? "ชื่อ: " : "Name: ") + slip.patientName,
            (thai ? "เลขประจำตัว: " : "ID: ") + slip.maskedCitizenID,
            (thai ? "บริการ: " : "Service: ") + "\(slip.service.claimType) \(slip.service.claimTypeName)",
            (thai ? "วันเวลา: " : "Date: ") + slip.claimDateTime,
        ]
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("\(slip.claimCode).txt"), atomically: true, encoding: .utf8
        )
    }
}

/// What happened to each visit, one JSON line per record, citizen ids masked. (A durable SQLite journal
/// replaces this file when the store arrives.)
struct JournalFile: Sendable {
    let url: URL

    func append(_ record: JourneyRecord) {
        var fields: [String: String] = ["at": ISO8601DateFormatter().string(from: Date())]
        switch record {
        case .claimCodeIssued(let maskedID, let code, let service, let origin):
            fields.merge(["event": "claimCode", "cid": maskedID, "claimCode": code.value, "service": service, "origin": "\(origin)"]) { $1 }
        case .abandoned(let step, let reason):
            fields.merge(["event": "abandoned", "step": step, "reason": reason]) { $1 }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let handle = try? FileHandle(forWritingTo: url) {
            handle.seekToEndOfFile()
            handle.write(data + Data("\n".utf8))
            try? handle.close()
        } else {
            try? (data + Data("\n".utf8)).write(to: url)
        }
    }
}
