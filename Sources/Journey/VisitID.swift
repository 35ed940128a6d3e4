import Foundation
import Synchronization

/// One visit: from the card going in (or a path being chosen) to its code, or to its end without one.
///
/// Every effect the journey asks for carries it, and every result comes back with it, so an answer
/// that arrives late (the patient left, the next one is at the kiosk) is recognised and dropped instead
/// of being shown to the wrong person. The journal keys its rows by it, and staff read its `reference`.
public struct VisitID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID = UUID()) {
        self.uuid = uuid
    }

    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// Six characters a patient can read out to staff (no 0/O, 1/I): the first 30 bits of the id.
    public var reference: String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let bytes = uuid.uuid
        var bits = UInt64(bytes.0) << 32 | UInt64(bytes.1) << 24 | UInt64(bytes.2) << 16 | UInt64(bytes.3) << 8 | UInt64(bytes.4)
        var characters: [Character] = []
        for _ in 0..<6 {
            characters.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return String(characters.reversed())
    }

    public var description: String { uuid.uuidString.lowercased() }
}

/// Where new visit ids come from: random in the kiosk, a fixed sequence in tests (the reducer stays a
/// pure function of its inputs).
public struct VisitIDSource: Sendable {
    private let make: @Sendable () -> VisitID

    public init(_ make: @escaping @Sendable () -> VisitID) {
        self.make = make
    }

    public func next() -> VisitID { make() }

    public static let random = VisitIDSource { VisitID() }

    /// 00000000-0000-0000-0000-000000000001, …002, and so on.
    public static func sequential() -> VisitIDSource {
        let counter = Mutex(0)
        return VisitIDSource {
            let n = counter.withLock { n in n += 1; return n }
            return VisitID.numbered(n)
        }
    }
}

extension VisitID {
    /// The `n`th id of `VisitIDSource.sequential()`.
    public static func numbered(_ n: Int) -> VisitID {
        VisitID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!)
    }
}
