import ArgumentParser
import Foundation
import SmartCard
import ThaiIDCard

/// `authen-kiosk bench …`: measurements that print their figures (not timed tests).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the kiosk's performance and print the figures.",
        subcommands: [CardReadBench.self, NHSOLoadBench.self, KioskBench.self, JournalBench.self, PathsBench.self, SlipBench.self, ReportBench.self]
    )
}

/// APDU exchanges and wall time of a card read, text only and with the photo.
struct CardReadBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card-read",
        abstract: "Read the card in the reader repeatedly; print exchanges and wall time.",
        discussion: "Benchmarks/card-read.sh runs it against the virtual card at --latency-ms 5."
    )

    @Option(name: .long, help: "The reader holding the card (default: the first with a card).")
    var reader: String?

    @Option(name: .long, help: "Reads of each kind.")
    var runs = 20

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let context = try PCSCContext()
        let found = try context.waitForCard(reader: reader, timeout: .seconds(10))
        print("reader: \(found.reader)   ATR: \(found.atr)   runs: \(runs) each")
        for withPhoto in [false, true] {
            var times: [Double] = []
            var exchanges: Set<Int> = []
            var photoBytes = 0
            for _ in 0..<runs {
                let connection = try context.connect(reader: found.reader)
                let start = ContinuousClock.now
                let person = try ThaiIDCardReader(channel: connection).readPerson(includePhoto: withPhoto)
                times.append((ContinuousClock.now - start).milliseconds)
                exchanges.insert(connection.exchangeCount)
                photoBytes = person.photo?.count ?? 0
                connection.disconnect()
            }
            times.sort()
            let label = withPhoto ? "text + photo" : "text only   "
            var line = "\(label)  exchanges: \(exchanges.sorted().map(String.init).joined(separator: "/"))"
            line += "   wall ms: min \(format(times.first!))  median \(format(times[times.count / 2]))"
            line += "  max \(format(times.last!))"
            if withPhoto {
                let chunks = (photoBytes + ThaiIDCardLayout.photoChunk - 1) / ThaiIDCardLayout.photoChunk
                let fullArea = ThaiIDCardLayout.Field.photo.length
                line += "   photo: \(photoBytes) bytes in \(chunks) chunks (area \(fullArea) bytes = 21 chunks)"
            }
            print(line)
        }
        try printBaseline(context: context, reader: found.reader)
    }

    /// For comparison: the plan most readers use — one READ per field and the photo as 20 fixed
    /// chunks of 255 bytes — on the same card.
    private func printBaseline(context: PCSCContext, reader: String) throws {
        let connection = try context.connect(reader: reader)
        defer { connection.disconnect() }
        let start = ContinuousClock.now
        _ = try connection.send(ThaiIDCardCommand.selectMOIApplet)
        for field in ThaiIDCardLayout.Field.allCases where field != .photo {
            _ = try connection.exchange(ThaiIDCardCommand.read(offset: field.offset, length: field.length))
        }
        let textExchanges = connection.exchangeCount
        let textTime = (ContinuousClock.now - start).milliseconds
        for chunk in 0..<20 {
            let offset = ThaiIDCardLayout.Field.photo.offset + chunk * 255
            _ = try connection.exchange(ThaiIDCardCommand.read(offset: offset, length: 255))
        }
        let allTime = (ContinuousClock.now - start).milliseconds
        print("baseline: one read per field: \(textExchanges) exchanges, \(format(textTime)) ms; "
            + "with 20 photo chunks: \(connection.exchangeCount) exchanges, \(format(allTime)) ms")
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
