import ESCPOS

/// A slip's elements as the ESC/POS bytes one printer gets, in raster or text mode.
public struct SlipEncoder: Sendable {
    public var settings: PrinterSettings

    public init(settings: PrinterSettings) { self.settings = settings }

    /// Rows a `GS v 0` band: small enough for the buffers of cheap printers.
    static let bandRows = 256

    public func bytes(_ elements: [SlipElement]) -> [UInt8] {
        commands(elements).flatMap(\.bytes)
    }

    public func commands(_ elements: [SlipElement]) -> [ESCPOSCommand] {
        var commands: [ESCPOSCommand] = [.initialize]
        if settings.cancelKanjiMode { commands.append(.cancelKanjiMode) }
        switch settings.mode {
        case .raster: commands += raster(elements)
        case .text: commands += text(elements)
        }
        // `GS V 66` feeds the last line past the cutter itself: no blank paper before it.
        return commands + [.cut]
    }

    func raster(_ elements: [SlipElement]) -> [ESCPOSCommand] {
        SlipRasterizer(settings: settings).blocks(elements).flatMap { block -> [ESCPOSCommand] in
            switch block {
            case .raster(let bitmap): bitmap.bands(ofRows: Self.bandRows).map { .raster($0) }
            case .nativeQR(let text): native(qr: text)
            case .nativeBarcode(let text): native(barcode: text)
            case .printerText: codePageTable()
            }
        }
    }

    func native(qr text: String) -> [ESCPOSCommand] {
        [.align(.center), .qrCode(data: Array(text.utf8), moduleSize: settings.qrModule, correction: .medium), .feed(lines: 1), .align(.left)]
    }

    func native(barcode text: String) -> [ESCPOSCommand] {
        [.align(.center), .code128(data: Array(text.utf8), height: settings.barcodeHeight, moduleWidth: settings.paper == .mm80 ? 3 : 2), .feed(lines: 1), .align(.left)]
    }

    func text(_ elements: [SlipElement]) -> [ESCPOSCommand] {
        var commands: [ESCPOSCommand] = []
        if let page = settings.codePage { commands.append(.codePage(page)) }
        let rasterizer = SlipRasterizer(settings: settings)
        for element in elements {
            switch element {
            case .text(let text, let style):
                let scale = style.size == .huge ? 2 : 1
                commands += [.align(style.alignment == .center ? .center : .left), .bold(style.bold),
                             .size(width: scale, height: style.size == .large || style.size == .huge ? 2 : 1)]
                commands += Self.wrap(text, cells: settings.paper.columns / scale).map { .line(ThaiCodePage.encode($0)) }
                commands += [.size(width: 1, height: 1), .bold(false), .align(.left)]
            case .qr(let text) where settings.codes == .native: commands += native(qr: text)
            case .barcode(let text) where settings.codes == .native: commands += native(barcode: text)
            case .rule: commands.append(.line(Array(repeating: UInt8(ascii: "-"), count: settings.paper.columns)))
            case .feed(let lines): commands.append(.feed(lines: lines))
            case .codePageTable: commands += codePageTable()
            case .qr, .barcode, .logo:
                commands += rasterizer.draw(element).bands(ofRows: Self.bandRows).map { .raster($0) }
            }
        }
        return commands
    }

    /// `ESC t` with the configured page (0 if none), then 0xA0–0xFF, 16 a line after their hex label.
    func codePageTable() -> [ESCPOSCommand] {
        var commands: [ESCPOSCommand] = [.codePage(settings.codePage ?? 0), .line(Array("ESC t \(settings.codePage ?? 0)".utf8))]
        for high in UInt8(0xA)...UInt8(0xF) {
            let label = Array(String(high, radix: 16, uppercase: true).utf8) + Array("0:".utf8)
            commands.append(.line(label + (0...15).flatMap { [UInt8(ascii: " "), high << 4 | UInt8($0)] }))
        }
        return commands
    }

    /// Lines of at most `cells` printer cells, broken at spaces where possible (marks stay with their
    /// consonant).
    static func wrap(_ text: String, cells: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if ThaiCodePage.cells(candidate) <= cells { line = candidate; continue }
            if !line.isEmpty { lines.append(line) }
            line = ""
            // A word longer than a line (Thai is written without spaces) is cut at the cell limit.
            for character in word {
                if ThaiCodePage.cells(line + String(character)) > cells { lines.append(line); line = "" }
                line.append(character)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
