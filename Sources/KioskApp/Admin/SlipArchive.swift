import Foundation
import Journey
import NHSO
import Synchronization
import VisitJournal

/// The claim slips printed since the kiosk started, newest last, so staff can print one again with the
/// patient's name on it. Memory only: the journal keeps no names, so a slip of a visit from before a
/// restart is rebuilt from its journal row without one.
public final class SlipArchive: Sendable {
    private let slips = Mutex<[(visit: VisitID, slip: Slip)]>([])
    /// A morning's patients at one kiosk; older ones come from the journal.
    static let capacity = 200

    public init() {}

    func keep(_ slip: Slip, for visit: VisitID) {
        slips.withLock { slips in
            slips.removeAll { $0.visit == visit }
            slips.append((visit, slip))
            if slips.count > Self.capacity { slips.removeFirst(slips.count - Self.capacity) }
        }
    }

    public func slip(for visit: VisitID) -> Slip? { slips.withLock { $0.last { $0.visit == visit }?.slip } }
}

extension JournalVisit {
    /// The claim slip this visit's row can give again: its code, time, service and right, the masked id;
    /// no name (the journal keeps none). `nil` for a visit without a code.
    public func copySlip(language: Language) -> Slip? {
        guard let code = claimCode.flatMap(ClaimCode.init) else { return nil }
        let serviceCode = service ?? ServiceCode.general
        return Slip(
            claimCode: code, claimDateTime: claimDateTime ?? "",
            service: ClaimType(claimType: serviceCode, claimTypeName: ServiceCode.names[serviceCode] ?? ""),
            patientName: "", maskedCitizenID: citizenID.map { Self.cardStyle(VisitJournal.masked($0)) } ?? "", mainRight: mainInscl,
            path: path.flatMap(IdentityPath.init(rawValue:)) ?? .card, language: language, isCopy: true
        )
    }

    /// A masked id as the card prints an id (`1-1017-xxxxx-x5-0`), as on the first slip.
    static func cardStyle(_ masked: String) -> String {
        let characters = Array(masked)
        guard characters.count == 13 else { return masked }
        var parts: [String] = []
        var index = 0
        for length in [1, 4, 5, 2, 1] {
            parts.append(String(characters[index..<(index + length)]))
            index += length
        }
        return parts.joined(separator: "-")
    }
}
