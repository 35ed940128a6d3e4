import Foundation
import Journey

/// Where slips go: claim codes, and queue slips that send a patient to the registration desk.
public protocol SlipPrinter: Sendable {
    func print(_ slip: Slip) async throws
    func print(_ slip: QueueSlip) async throws
}

/// Until a thermal printer is configured, slips are written as text files, one per claim code.
public struct FileSlipPrinter: SlipPrinter {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    public func print(_ slip: Slip) async throws {
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

    public func print(_ slip: QueueSlip) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let thai = slip.language == .thai
        let lines = [
            thai ? "กรุณาติดต่อจุดลงทะเบียน" : "Please go to the registration desk",
            (thai ? "รหัสอ้างอิง: " : "Reference: ") + slip.reference,
        ]
        try (lines.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("queue-\(slip.reference).txt"), atomically: true, encoding: .utf8
        )
    }
}
