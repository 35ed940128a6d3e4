import CPangoCairo
import ESCPOS
import QRCode

/// A slip made ready for the printer: pictures the host drew, and the codes the printer draws itself.
public enum SlipBlock: Sendable, Hashable {
    case raster(Bitmap)
    case nativeQR(String)
    case nativeBarcode(String)
    /// Text-mode lines in the printer's own font (the code-page table).
    case printerText
}

/// Draws a slip's elements on the host, at the paper's width, one dot a pixel.
public struct SlipRasterizer: Sendable {
    public var settings: PrinterSettings

    public init(settings: PrinterSettings) { self.settings = settings }

    var width: Int { settings.paper.dots }

    /// The slip as blocks: consecutive drawn parts are joined into one picture; with native codes the
    /// QR and barcode stay commands, in their place.
    public func blocks(_ elements: [SlipElement]) -> [SlipBlock] {
        var blocks: [SlipBlock] = [], pending: [Bitmap] = []
        func flush() {
            if !pending.isEmpty { blocks.append(.raster(Bitmap.stacked(pending))) }
            pending = []
        }
        for element in elements {
            switch element {
            case .qr(let text) where settings.codes == .native:
                flush()
                blocks.append(.nativeQR(text))
            case .barcode(let text) where settings.codes == .native && Code128.modules(text) != nil:
                flush()
                blocks.append(.nativeBarcode(text))
            case .codePageTable:
                flush()
                blocks.append(.printerText)
            default:
                pending.append(draw(element))
            }
        }
        flush()
        return blocks
    }

    /// The whole slip as one picture, codes drawn on the host: what `slip-preview` saves.
    public func picture(_ elements: [SlipElement]) -> Bitmap {
        Bitmap.stacked(elements.map(draw))
    }

    func draw(_ element: SlipElement) -> Bitmap {
        switch element {
        case .text(let text, let style):
            let drawn = TextRenderer(family: settings.font, sizes: settings.textSizes).render(text, style: style, width: width)
            return Bitmap.stacked([drawn, Bitmap(width: width, height: 4)])
        case .qr(let text): return qr(text)
        case .barcode(let text): return barcode(text)
        case .rule:
            var rule = Bitmap(width: width, height: 14)
            rule.fill(x: 0, y: 6, width: width, height: 2)
            return rule
        case .logo(let path): return logo(path) ?? Bitmap(width: width, height: 1)
        case .feed(let lines): return Bitmap(width: width, height: 30 * lines)
        case .codePageTable:
            // The printer prints this in its own font; a picture can only say so.
            return draw(.text("[ESC t \(settings.codePage.map(String.init) ?? "-"): 0xA0–0xFF]", SlipTextStyle(size: .small)))
        }
    }

    func qr(_ text: String) -> Bitmap {
        guard let code = try? QRCode(text) else { return Bitmap(width: width, height: 1) }
        let module = settings.qrModule, side = code.sizeWithQuietZone * module
        var bitmap = Bitmap(width: width, height: side)
        let left = (width - side) / 2
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                bitmap.fill(x: left + (column + QRCode.quietZone) * module, y: (row + QRCode.quietZone) * module, width: module, height: module)
            }
        }
        return bitmap
    }

    func barcode(_ text: String) -> Bitmap {
        guard let modules = Code128.modules(text) else { return Bitmap(width: width, height: 1) }
        // Narrower modules when the code would not fit the paper.
        let module = max(1, min(settings.barcodeModule, width / modules.count))
        var bars = Bitmap(width: width, height: settings.barcodeHeight)
        let left = max(0, (width - modules.count * module) / 2)
        for (index, dark) in modules.enumerated() where dark {
            bars.fill(x: left + index * module, y: 0, width: module, height: settings.barcodeHeight)
        }
        let caption = TextRenderer(family: settings.font, sizes: settings.textSizes)
            .render(text, style: SlipTextStyle(size: .small, alignment: .center), width: width)
        return Bitmap.stacked([bars, caption, Bitmap(width: width, height: 6)])
    }

    /// A PNG scaled down to the paper's width if wider, centred; `nil` if it cannot be read.
    func logo(_ path: String) -> Bitmap? {
        guard let image = cairo_image_surface_create_from_png(path), cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { return nil }
        defer { cairo_surface_destroy(image) }
        let imageWidth = Double(cairo_image_surface_get_width(image)), imageHeight = Double(cairo_image_surface_get_height(image))
        guard imageWidth > 0, imageHeight > 0 else { return nil }
        let scale = min(1, Double(width) / imageWidth)
        let height = Int((imageHeight * scale).rounded(.up))
        // Luminance onto white, then dark dots where the picture is darker than mid grey.
        let canvas = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(canvas) }
        let cr = cairo_create(canvas)!
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_translate(cr, (Double(width) - imageWidth * scale) / 2, 0)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_flush(canvas)
        var bitmap = Bitmap(width: width, height: height)
        guard let data = cairo_image_surface_get_data(canvas) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(canvas))
        for y in 0..<height {
            for x in 0..<width {
                let pixel = (data + y * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0[x] }
                let luminance = (Int(pixel >> 16 & 0xFF) * 299 + Int(pixel >> 8 & 0xFF) * 587 + Int(pixel & 0xFF) * 114) / 1000
                if luminance < 128 { bitmap[x, y] = true }
            }
        }
        return bitmap
    }
}

extension Bitmap {
    /// Saves the bitmap as a black-on-white PNG (through Cairo).
    public func writePNG(to path: String) throws(PrintingError) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw .cannotWrite(path: path, reason: "no memory") }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<height {
            (data + y * stride).withMemoryRebound(to: UInt32.self, capacity: width) { row in
                for x in 0..<width { row[x] = self[x, y] ? 0x000000 : 0xFFFFFF }
            }
        }
        cairo_surface_mark_dirty(surface)
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cannotWrite(path: path, reason: String(cString: cairo_status_to_string(status)))
        }
    }
}
