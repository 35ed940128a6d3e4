import Foundation
import ESCPOS

/// Slips saved as files, `NAME.escpos` (the exact bytes a printer would get), in a folder: for the demo,
/// for training kiosks without a printer, and to send to a printer later (`cat F > /dev/usb/lp0`).
/// Files are the kiosk's alone (0600): slips name patients.
public struct FilePrinter: PrinterTransport {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    public var summary: String { "slip files in \(folder.path)" }

    public func status() throws(PrintingError) -> PrinterStatus? { nil }

    public func deliver(_ bytes: [UInt8], named name: String) throws(PrintingError) {
        let url = folder.appendingPathComponent("\(name).escpos")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let partial = folder.appendingPathComponent(".\(name).escpos.partial")
            FileManager.default.createFile(atPath: partial.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
            guard FileManager.default.fileExists(atPath: partial.path) else { throw CocoaError(.fileWriteNoPermission) }
            // Whole or not at all: a reader never sees half a slip.
            guard rename(partial.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
