import ArgumentParser
import Foundation
import SmartCard
import ThaiIDCard

/// `authen-kiosk read-card`: the quickest way for hospital IT to check a reader and a card.
struct ReadCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-card",
        abstract: "Wait for a Thai ID card, read it and print the person.",
        discussion: """
            Exit status: 0 read; 3 no smart-card service or no reader; 4 no card in time; 5 the card \
            could not be read (removed, damaged, not a Thai ID card).
            """
    )

    @Option(name: .long, help: "The reader to use (default: the first with a card).")
    var reader: String?

    @Option(name: .long, help: "Seconds to wait for a card.")
    var timeout: Double = 30

    @Option(name: .long, help: "Also read the photo and write the JPEG to this file.")
    var photo: String?

    @Option(name: .long, help: "Seconds the card may take to be read before it counts as not answering.")
    var readTimeout: Double = 15

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
        guard readTimeout > 0 else { throw ValidationError("--read-timeout must be more than 0 seconds") }
    }

    func run() throws {
        let person: ThaiIDCardPerson
        do {
            let context = try PCSCContext()
            let readers = try context.readers()
            if reader == nil, readers.isEmpty { throw SmartCardError(.noReader) }
            printError("Waiting up to \(Int(timeout)) s for a card in \(reader ?? "any reader")...")
            let found = try context.waitForCard(reader: reader, timeout: .milliseconds(Int64(timeout * 1000)))
            let withPhoto = photo != nil
            person = try Deadline.run(within: .milliseconds(Int64(readTimeout * 1000))) {
                let connection = try PCSCContext().connect(reader: found.reader)
                defer { connection.disconnect() }
                return try connection.withTransaction {
                    try ThaiIDCardReader(channel: connection).readPerson(includePhoto: withPhoto)
                }
            }
        } catch let error as SmartCardError {
            printError(error.description)
            throw ExitCode(Self.exitCode(for: error))
        } catch let error as ThaiIDCardError {
            printError(error.description)
            throw ExitCode(5)
        }
        if let photo, let bytes = person.photo {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: photo))
            } catch {
                printError("Cannot write the photo to \(photo): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        print(json ? PersonFormatter.json(person) : PersonFormatter.text(person, photoFile: photo))
    }

    static func exitCode(for error: SmartCardError) -> Int32 {
        switch error.kind {
        case .serviceNotRunning, .noReader: 3
        case .timeout, .noCard: 4
        default: 5
        }
    }
}

func printError(_ line: String) {
    try? FileHandle.standardError.write(contentsOf: Data(("authen-kiosk: " + line + "\n").utf8))
}
