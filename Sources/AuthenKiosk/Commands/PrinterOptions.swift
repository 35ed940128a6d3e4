import ArgumentParser
import Foundation
import Journey
import KioskApp
import KioskConfig
import Printing
import TerminalUI

/// The printer a printing command uses: the one in a kiosk's configuration, or one given on the line.
struct PrinterOptions: ParsableArguments {
    @Option(help: "A kiosk configuration whose printer (and hospital) to use.")
    var config: String?

    @Option(name: .customLong("printer"), help: "usb:/dev/usb/lp0, tcp:HOST:9100, cups:QUEUE or file:/folder (instead of a configuration's).")
    var connection: String?

    @Option(help: "Paper width in mm: 58 or 80 (instead of the configuration's).")
    var width: Int?

    @Option(help: "raster or text (instead of the configuration's).")
    var mode: String?

    @Option(help: "The Thai code page's number for ESC t (text mode).")
    var codePage: UInt8?

    @Option(help: "native or raster: who draws the QR code and barcode.")
    var codes: String?

    /// The configured printer with the line's overrides, the hospital's name and code, and the assets.
    func resolve() async throws -> (printer: ReceiptSlipPrinter, settings: KioskSettings.Printer) {
        var printer = KioskSettings.Printer(connection: .files(folder: FileManager.default.currentDirectoryPath))
        var hospital = ("", "")
        if let config {
            let settings = try await KioskConfigurationFile.load(path: config)
            printer = settings.printer
            hospital = (settings.hospitalName, settings.hospitalCode)
        }
        if let connection {
            guard let parsed = KioskSettings.Printer.Connection(connection) else {
                throw ValidationError("--printer is usb:/dev/usb/lp0, tcp:HOST:9100, cups:QUEUE or file:/folder")
            }
            printer.connection = parsed
        }
        if let width {
            guard let paper = PrinterSettings.Paper(rawValue: width) else { throw ValidationError("--width is 58 or 80") }
            printer.settings.paper = paper
        }
        if let mode {
            guard let value = PrinterSettings.Mode(rawValue: mode) else { throw ValidationError("--mode is raster or text") }
            printer.settings.mode = value
        }
        if let codes {
            guard let value = PrinterSettings.Codes(rawValue: codes) else { throw ValidationError("--codes is native or raster") }
            printer.settings.codes = value
        }
        if let codePage { printer.settings.codePage = codePage }
        guard let assets = AssetLocator.find() else { throw ValidationError("The assets folder was not found: set AUTHEN_KIOSK_ASSETS") }
        let catalog = try TextCatalog.load(assets: assets)
        let slips = try ReceiptSlipPrinter.configured(printer, hospitalName: hospital.0, hospitalCode: hospital.1, assets: assets, texts: catalog.texts)
        return (slips, printer)
    }
}
