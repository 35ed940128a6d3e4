import Dispatch
import Foundation
import ESCPOS

/// One receipt printer: slips are drawn and sent one at a time, in order, on a queue of their own, so
/// a slow or silent printer never holds the screen or another task.
public final class ReceiptPrinter: Sendable {
    public let transport: any PrinterTransport
    public let encoder: SlipEncoder
    private let queue = DispatchQueue(label: "authen-kiosk.printer")

    public init(transport: any PrinterTransport, settings: PrinterSettings) {
        // A printer that resets, or an `lp` that exits, mid-slip must be an error, not the end of the kiosk.
        signal(SIGPIPE, SIG_IGN)
        self.transport = transport
        encoder = SlipEncoder(settings: settings)
    }

    /// Draws and sends a slip; `name` names its file or job (made safe for a file name here).
    public func print(_ elements: [SlipElement], named name: String) async throws(PrintingError) {
        let (transport, encoder) = (self.transport, self.encoder)
        let name = Self.safeName(name)
        let outcome: Result<Void, PrintingError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(PrintingError) in
                    try transport.deliver(encoder.bytes(elements), named: name)
                })
            }
        }
        try outcome.get()
    }

    /// The printer's own status, where the transport can ask.
    public func status() async throws(PrintingError) -> PrinterStatus? {
        let transport = self.transport
        let outcome: Result<PrinterStatus?, PrintingError> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(PrintingError) in try transport.status() }) }
        }
        return try outcome.get()
    }

    /// Letters, digits, `-` and `_` only: a claim code or a reference, never a path.
    static func safeName(_ name: String) -> String {
        let kept = String(name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
        return kept.isEmpty ? "slip" : String(kept.prefix(64))
    }
}
