import ArgumentParser
import Foundation
import Journey
import Printing

/// `authen-kiosk print-test`: the installer's test slip, and the printer's status.
struct PrintTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-test",
        abstract: "Print a test slip: Thai with stacked marks, the printer's code-page table, a QR code and a barcode.",
        discussion: """
        Reads the printer's status first where its connection allows (USB device, network port). If the Thai \
        lines print as wrong letters in text mode, the code-page table shows which ESC t number is Thai on \
        this model: set printer.codePage to it. Exit status: 0 printed; 6 the printer has a problem or cannot \
        be reached.
        """
    )

    @OptionGroup var printer: PrinterOptions

    @Option(help: "The slip's language: th or en.")
    var language = "th"

    func run() async throws {
        let (slips, settings) = try await printer.resolve()
        print("printer: \(slips.printer.transport.summary), \(settings.settings.paper.rawValue) mm, \(settings.settings.mode.rawValue) mode, codes \(settings.settings.codes.rawValue)")
        do {
            if let status = try await slips.printer.status() {
                print("status: " + (PrintingError(status).map { "\($0)" } ?? "ready") + (status.paperNearEnd ? " (paper nearly out)" : ""))
            } else {
                print("status: this connection does not report it")
            }
            try await slips.printer.print(slips.testElements(language: language == "en" ? .english : .thai), named: "print-test")
            print("test slip sent")
        } catch {
            printError("not printed: \(error)")
            if case .notAnswering = error as? PrintingError, case .network = settings.connection {
                printError("a network printer that takes slips but never answers status questions needs printer.status: false")
            }
            throw ExitCode(6)
        }
    }
}
