import ESCPOS
import Foundation

/// What a slip file tells a scanner: the texts of its QR codes and barcodes, in order (the printer draws
/// them from these commands). The whole stream must decode: a stray byte fails the test.
func printedCodes(_ url: URL) throws -> [String] {
    let commands = try ESCPOSDecoder.decode(Array(try Data(contentsOf: url)))
    guard commands.first == .initialize, commands.last == .cut else { return ["not a whole slip"] }
    return commands.compactMap { command in
        switch command {
        case .qrCode(let data, _, _), .code128(let data, _, _): String(decoding: data, as: UTF8.self)
        default: nil
        }
    }
}
