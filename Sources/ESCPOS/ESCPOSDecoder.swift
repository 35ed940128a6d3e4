/// Reads an ESC/POS byte stream back into the commands the kiosk sends: for tests, and for looking at
/// a slip saved as a file. Anything else in the stream is refused with its offset, so a stray byte that
/// a printer would act on cannot hide.
public enum ESCPOSDecoder {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownCommand(offset: Int, bytes: [UInt8])
        case truncated(offset: Int)
        case malformedQR(offset: Int)

        public var description: String {
            switch self {
            case .unknownCommand(let offset, let bytes): "unknown command at byte \(offset): \(bytes.map { String($0, radix: 16) })"
            case .truncated(let offset): "the stream ends inside the command at byte \(offset)"
            case .malformedQR(let offset): "a QR code command at byte \(offset) is not the store-and-print sequence"
            }
        }
    }

    public static func decode(_ bytes: [UInt8]) throws(Failure) -> [ESCPOSCommand] {
        var reader = Reader(bytes: bytes)
        var commands: [ESCPOSCommand] = []
        var text: [UInt8] = []
        var barcodeHeight = 162, barcodeModule = 3
        while let byte = reader.peek() {
            let start = reader.offset
            switch byte {
            case 0x0A:
                reader.skip(1)
                commands.append(.line(text))
                text = []
            case 0x1B, 0x1C, 0x1D, 0x10:
                guard text.isEmpty else { throw .unknownCommand(offset: start, bytes: [byte]) }
                let pair = try reader.take(2)
                switch (pair[0], pair[1]) {
                case (0x1B, 0x40): commands.append(.initialize)
                case (0x1C, 0x2E): commands.append(.cancelKanjiMode)
                case (0x1B, 0x74): commands.append(.codePage(try reader.take(1)[0]))
                case (0x1B, 0x61):
                    guard let alignment = ESCPOSCommand.Alignment(rawValue: try reader.take(1)[0]) else { throw .unknownCommand(offset: start, bytes: pair) }
                    commands.append(.align(alignment))
                case (0x1B, 0x45): commands.append(.bold(try reader.take(1)[0] != 0))
                case (0x1D, 0x21):
                    let n = try reader.take(1)[0]
                    commands.append(.size(width: Int(n >> 4) + 1, height: Int(n & 0x0F) + 1))
                case (0x1B, 0x64): commands.append(.feed(lines: Int(try reader.take(1)[0])))
                case (0x1D, 0x76):
                    let header = try reader.take(6)
                    let bytesPerRow = Int(header[2]) | Int(header[3]) << 8, rows = Int(header[4]) | Int(header[5]) << 8
                    let data = try reader.take(bytesPerRow * rows)
                    guard bytesPerRow > 0, rows > 0, let bitmap = Bitmap(width: bytesPerRow * 8, height: rows, bytes: data) else {
                        throw .unknownCommand(offset: start, bytes: pair + header)
                    }
                    commands.append(.raster(bitmap))
                case (0x1D, 0x28): commands.append(try qr(&reader, start: start))
                case (0x1D, 0x68): barcodeHeight = Int(try reader.take(1)[0])
                case (0x1D, 0x48): _ = try reader.take(1)
                case (0x1D, 0x77): barcodeModule = Int(try reader.take(1)[0])
                case (0x1D, 0x6B):
                    let header = try reader.take(2)
                    guard header[0] == 73 else { throw .unknownCommand(offset: start, bytes: pair + header) }
                    let data = try reader.take(Int(header[1]))
                    // Code set B is chosen by its first two bytes, `{B`.
                    commands.append(.code128(data: Array(data.starts(with: [0x7B, 0x42]) ? data.dropFirst(2) : data[...]), height: barcodeHeight, moduleWidth: barcodeModule))
                case (0x1D, 0x56):
                    _ = try reader.take(2)
                    commands.append(.cut)
                default: throw .unknownCommand(offset: start, bytes: pair)
                }
            case 0x00..<0x20, 0x7F:
                throw .unknownCommand(offset: start, bytes: [byte])
            default:
                reader.skip(1)
                text.append(byte)
            }
        }
        if !text.isEmpty { throw .truncated(offset: reader.offset) }
        return commands
    }

    /// `GS ( k`: the five functions `ESCPOSCommand.qr` writes, read back as one QR code.
    static func qr(_ reader: inout Reader, start: Int) throws(Failure) -> ESCPOSCommand {
        var parameters: [UInt8: [UInt8]] = [:]
        var first = true
        while true {
            if !first {
                guard reader.peek() == 0x1D, let next = reader.peek(1), next == 0x28 else { break }
                _ = try reader.take(2)
            }
            first = false
            let header = try reader.take(3)
            let length = Int(header[1]) | Int(header[2]) << 8
            guard header[0] == 0x6B, length >= 2 else { throw .malformedQR(offset: start) }
            let body = try reader.take(length)
            guard body[0] == 0x31 else { throw .malformedQR(offset: start) }
            parameters[body[1]] = Array(body.dropFirst(2))
            if body[1] == 81 { break }
        }
        guard let size = parameters[67]?.first, let level = parameters[69]?.first.flatMap(ESCPOSCommand.QRCorrection.init(rawValue:)),
              let stored = parameters[80], stored.first == 0x30, parameters[81] != nil else { throw .malformedQR(offset: start) }
        return .qrCode(data: Array(stored.dropFirst()), moduleSize: Int(size), correction: level)
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        func peek(_ ahead: Int = 0) -> UInt8? { offset + ahead < bytes.count ? bytes[offset + ahead] : nil }
        mutating func skip(_ count: Int) { offset += count }
        mutating func take(_ count: Int) throws(Failure) -> [UInt8] {
            guard offset + count <= bytes.count else { throw .truncated(offset: offset) }
            defer { offset += count }
            return Array(bytes[offset..<offset + count])
        }
    }
}
