import Foundation
import SmartCard

/// A `CardChannel` straight to a virtual card in the same process, with the link-level faults (pull,
/// mute, latency) a real reader would show. For unit tests and for the demo kiosk, which runs
/// without pcscd.
public final class VirtualCardChannel: CardChannel, @unchecked Sendable {
    public let card: VirtualThaiIDCard
    public private(set) var exchangeCount = 0

    public init(card: VirtualThaiIDCard) {
        self.card = card
        card.reset()
    }

    public var atr: ATR { card.atr }

    public func transmit(_ command: [UInt8]) throws -> [UInt8] {
        let faults = card.faults
        if let pullAfter = faults.pullAfter, exchangeCount >= pullAfter {
            throw SmartCardError(.cardRemoved, code: PCSCReturnCode.removedCard, detail: "SCardTransmit")
        }
        if let muteAfter = faults.muteAfter, exchangeCount >= muteAfter {
            throw SmartCardError(.unresponsiveCard, code: PCSCReturnCode.unresponsiveCard, detail: "SCardTransmit")
        }
        exchangeCount += 1
        if faults.latency > .zero { Thread.sleep(forTimeInterval: faults.latency.seconds) }
        return card.respond(to: command)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
