import ArgumentParser
import Foundation
import Journey
import KioskApp
import NHSO
import Printing
import TerminalUI

/// Time to build a claim slip's ESC/POS bytes (template, Pango drawing, 1-bit bands, encoding), and
/// their size, for 58 and 80 mm paper.
struct SlipBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slip",
        abstract: "Build claim slips repeatedly; print the time to build one (median, p95, first) and its size in bytes.",
        discussion: "Benchmarks/slip.sh runs it in a release build. Target: under 50 ms a raster slip."
    )

    @Option(help: "Slips of each kind.")
    var runs = 50

    func run() async throws {
        guard let assets = AssetLocator.find() else { throw ValidationError("The assets folder was not found: set AUTHEN_KIOSK_ASSETS") }
        let catalog = try TextCatalog.load(assets: assets)
        let templates = try SlipTemplates.load(folder: assets.appendingPathComponent("slips"), assets: assets)
        let slip = Slip(claimCode: ClaimCode("PP1172534798")!, claimDateTime: "2026-11-28T09:05:00",
                        service: ClaimType(claimType: ServiceCode.general, claimTypeName: ServiceCode.names[ServiceCode.general] ?? ""),
                        patientName: "นางสาว น้ำฝน ปั้นนั้น", maskedCitizenID: "1-1017-xxxxx-45-0", mainRight: "สิทธิหลักประกันสุขภาพแห่งชาติ",
                        path: .proxyCard, proxy: SlipProxy(name: "นายสมชาย ใจดี", maskedCitizenID: "1-1017-xxxxx-x5-0", role: .guardian, relationship: .father),
                        language: .thai)
        print("slip: claim, Thai, with a guardian; \(runs) builds each; times include the template, drawing and encoding")
        print("paper  mode    codes   first ms  median ms  p95 ms  bytes")
        for (paper, mode, codes) in [(PrinterSettings.Paper.mm58, PrinterSettings.Mode.raster, PrinterSettings.Codes.native),
                                     (.mm80, .raster, .native), (.mm58, .raster, .raster), (.mm80, .raster, .raster), (.mm80, .text, .native)] {
            let settings = PrinterSettings(paper: paper, mode: mode, codes: codes, codePage: 21)
            let printer = ReceiptSlipPrinter(
                printer: ReceiptPrinter(transport: FilePrinter(folder: FileManager.default.temporaryDirectory), settings: settings),
                templates: templates, texts: catalog.texts,
                place: SlipPlace(hospitalName: "โรงพยาบาลทดสอบ", hospitalCode: "10757", kioskName: "OPD 1")
            )
            let encoder = SlipEncoder(settings: settings)
            var times: [Double] = [], size = 0
            for _ in 0..<runs {
                let start = ContinuousClock.now
                size = encoder.bytes(printer.elements(slip)).count
                let elapsed = ContinuousClock.now - start
                times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            let sorted = times.dropFirst().sorted()
            print(String(format: "%-6@ %-7@ %-7@ %8.1f  %9.1f  %6.1f  %d", "\(paper.rawValue)mm", mode.rawValue, codes.rawValue,
                         times[0], sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 95 / 100)], size))
        }
    }
}
