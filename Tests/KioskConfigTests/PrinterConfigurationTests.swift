import Foundation
@testable import KioskConfig
import Printing
import Testing

@Suite struct PrinterConfigurationTests {
    func load(_ printer: String) async throws -> KioskSettings {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID()).yaml").path
        try ("""
            hospital:
              hcode: "10757"
              kioskName: OPD 1
            admin:
              pinHash: "$y$j9T$16BnBZl60.PO4wkmp7NW$Ta/zBpwUvnHAaaiPFEyKvIKNlElnHOn/XBWITkO.g8C"
            output:
              slips: /tmp/kiosk-slips

            """ + printer).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        return try await KioskConfigurationFile.load(path: path)
    }

    @Test func withoutAPrinterSlipsAreFilesInTheSlipsFolder() async throws {
        let settings = try await load("")
        #expect(settings.printer.connection == .files(folder: "/tmp/kiosk-slips"))
        #expect(settings.printer.settings == PrinterSettings())
        #expect(settings.printer.kioskName == "OPD 1")
    }

    @Test func everyConnectionAndSetting() async throws {
        let settings = try await load("""
            printer:
              connection: tcp:192.168.1.50:9101
              paper: 58
              mode: text
              codePage: 21
              codes: raster
              cancelKanjiMode: false
              font: Loma
              timeoutSeconds: 5
              status: false
              logo: /etc/authen-kiosk/logo.png
            """)
        #expect(settings.printer.connection == .network(host: "192.168.1.50", port: 9101))
        #expect(settings.printer.settings == PrinterSettings(paper: .mm58, mode: .text, codes: .raster, codePage: 21, cancelKanjiMode: false, font: "Loma"))
        #expect(settings.printer.timeoutSeconds == 5 && !settings.printer.asksStatus)
        #expect(settings.printer.logo == "/etc/authen-kiosk/logo.png")
        #expect(KioskSettings.Printer.Connection("usb:/dev/usb/lp0") == .device(path: "/dev/usb/lp0"))
        #expect(KioskSettings.Printer.Connection("cups:RECEIPT") == .cups(queue: "RECEIPT"))
        #expect(KioskSettings.Printer.Connection("tcp:printer.local") == .network(host: "printer.local", port: 9100))
    }

    @Test func mistakesAreNamedByKey() async throws {
        await #expect {
            try await load("""
                printer:
                  connection: lpt1
                  paper: 76
                  mode: text
                  codes: drawn
                  codePage: 300
                """)
        } throws: { error in
            let text = "\(error)"
            return text.contains("printer.connection is 'lpt1'") && text.contains("printer.paper is '76'")
                && text.contains("printer.codes is 'drawn'") && text.contains("printer.codePage is '300'")
                && text.contains("printer.mode is text but printer.codePage is not set")
        }
    }
}
