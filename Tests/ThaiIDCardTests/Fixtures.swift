import Foundation
import SmartCard
import ThaiIDCard
import VirtualThaiIDCard

/// The fixture cards in Tests/Fixtures/cards.
enum Fixtures {
    static let cards = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cards")

    static func card(_ name: String) -> URL { cards.appendingPathComponent("\(name).json") }

    static func photo(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: cards.appendingPathComponent("photos/\(name)")))
    }

    static func channel(_ name: String, faults: CardFaults = CardFaults()) throws -> VirtualCardChannel {
        VirtualCardChannel(card: try VirtualThaiIDCard(personFile: card(name), faults: faults))
    }

    static func read(_ name: String, photo: Bool = false, faults: CardFaults = CardFaults()) throws -> ThaiIDCardPerson {
        try ThaiIDCardReader(channel: channel(name, faults: faults)).readPerson(includePhoto: photo)
    }
}

/// Records every APDU on its way to another channel.
final class RecordingChannel: CardChannel {
    let inner: any CardChannel
    var sent: [[UInt8]] = []
    init(_ inner: any CardChannel) { self.inner = inner }
    var atr: ATR { inner.atr }
    func transmit(_ command: [UInt8]) throws -> [UInt8] {
        sent.append(command)
        return try inner.transmit(command)
    }
}
