import Foundation
import Journey
import KioskConfig
import Printing

extension KioskSettings.Printer {
    /// The transport `connection` names.
    public var transport: any PrinterTransport {
        switch connection {
        case .files(let folder): FilePrinter(folder: URL(fileURLWithPath: folder))
        case .device(let path): DevicePrinter(path: path, timeoutSeconds: timeoutSeconds)
        case .network(let host, let port): NetworkPrinter(host: host, port: port, timeoutSeconds: timeoutSeconds, asksStatus: asksStatus)
        case .cups(let queue): CUPSPrinter(queue: queue, timeoutSeconds: timeoutSeconds)
        }
    }
}

extension ReceiptSlipPrinter {
    /// The slip printer a configuration describes, with the templates and texts from `assets` (or the
    /// hospital's template folder).
    public static func configured(_ printer: KioskSettings.Printer, hospitalName: String, hospitalCode: String, assets: URL,
                                  texts: [Language: [String: String]]) throws(SlipTemplates.LoadError) -> ReceiptSlipPrinter {
        let folder = printer.templates.map { URL(fileURLWithPath: $0) } ?? assets.appendingPathComponent("slips")
        return ReceiptSlipPrinter(
            printer: ReceiptPrinter(transport: printer.transport, settings: printer.settings),
            templates: try SlipTemplates.load(folder: folder, assets: assets), texts: texts,
            place: SlipPlace(hospitalName: hospitalName, hospitalCode: hospitalCode, kioskName: printer.kioskName, logo: printer.logo)
        )
    }
}
