import Foundation
import Journey
import SmartCard
import Synchronization
import ThaiIDCard
import VirtualThaiIDCard

/// The demo's card reader, in process: a key puts one of the virtual cards in, another pulls it out
/// (also in the middle of a read). Reads take 5 ms per exchange, like a real chip.
public final class DemoCardSlot: ThaiIDCardSource {
    private let cards: [URL]
    private let state = Mutex<(inserted: VirtualThaiIDCard?, next: Int)>((nil, 0))

    /// - Parameter only: the names of the cards to use (file names without `.json`); all when `nil`.
    public init(cardDirectory: URL, only: Set<String>? = nil) throws {
        cards = try FileManager.default.contentsOfDirectory(at: cardDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" && $0.lastPathComponent != "invalid-cid.json" }
            .filter { only?.contains($0.deletingPathExtension().lastPathComponent) ?? true }
            .sorted { Self.order($0) < Self.order($1) }
        guard !cards.isEmpty else { throw CocoaError(.fileNoSuchFile) }
    }

    /// Somchai first: the demo's usual patient.
    private static func order(_ url: URL) -> String {
        url.lastPathComponent == "somchai.json" ? "" : url.lastPathComponent
    }

    /// Inserts the next card of the set; returns its file name.
    @discardableResult
    public func insertNext() -> String? {
        state.withLock { slot in
            let url = cards[slot.next % cards.count]
            slot.next += 1
            slot.inserted = try? VirtualThaiIDCard(personFile: url, faults: CardFaults(latency: .milliseconds(5)))
            return url.deletingPathExtension().lastPathComponent
        }
    }

    public func remove() { state.withLock { $0.inserted = nil } }

    /// The demo's cards come and go by key (F5, F6), not by watching.
    public func statusLine() async -> AdminStatusLine {
        AdminStatusLine(subject: "reader", ok: true, detail: "the demo's card slot (F5 / F6)")
    }

    public func watch(_ post: @escaping @Sendable (JourneyEvent) -> Void) -> Task<Void, Never>? { nil }

    public var isCardInserted: Bool { state.withLock { $0.inserted != nil } }

    public func readPerson(progress: @escaping @Sendable (Int) -> Void) async throws(ThaiIDCardError) -> ThaiIDCardPerson {
        guard let card = state.withLock({ $0.inserted }) else {
            throw .transport(SmartCardError(.noCard))
        }
        let channel = SlotChannel(card: card, slot: self)
        return try ThaiIDCardReader(channel: channel).readPerson(progress: progress)
    }

    /// A channel that fails as a pulled card does once the slot is emptied.
    final class SlotChannel: CardChannel {
        let inner: VirtualCardChannel
        let card: VirtualThaiIDCard
        let slot: DemoCardSlot

        init(card: VirtualThaiIDCard, slot: DemoCardSlot) {
            self.card = card
            self.slot = slot
            inner = VirtualCardChannel(card: card)
        }

        var atr: ATR { inner.atr }

        func transmit(_ command: [UInt8]) throws -> [UInt8] {
            guard slot.state.withLock({ $0.inserted === card }) else {
                throw SmartCardError(.cardRemoved, code: PCSCReturnCode.removedCard, detail: "demo card pulled")
            }
            return try inner.transmit(command)
        }
    }
}
