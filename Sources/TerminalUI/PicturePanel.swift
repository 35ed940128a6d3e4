import Journey

/// A picture drawn in cells with half blocks: each cell shows two pixels, one above the other, in the
/// nearest of the terminal's 256 colours (scaled to fit, the aspect kept).
struct PicturePanel {
    let image: PixelImage
    let columns: Int
    let rows: Int

    /// The largest panel for `image` in `columns` × `rows` cells (a cell is about twice as tall as wide,
    /// so a cell row holds two pixel rows).
    init(_ image: PixelImage, fitting columns: Int, rows: Int) {
        self.image = image
        let scale = min(Double(columns) / Double(image.width), Double(rows * 2) / Double(image.height))
        self.columns = max(1, Int(Double(image.width) * scale))
        self.rows = max(1, Int(Double(image.height) * scale / 2))
    }

    func draw(into grid: inout CellGrid, row: Int, column: Int) {
        for r in 0..<rows {
            for c in 0..<columns {
                let x = c * image.width / columns
                let top = Self.xterm256(image.pixel(x: x, y: (2 * r) * image.height / (2 * rows)))
                let bottom = Self.xterm256(image.pixel(x: x, y: (2 * r + 1) * image.height / (2 * rows)))
                grid.put("▀", row: row + r, column: column + c, style: .pixels(top: top, bottom: bottom))
            }
        }
    }

    /// The nearest colour of xterm's 6×6×6 cube (16–231) or grey ramp (232–255).
    static func xterm256(_ rgb: (UInt8, UInt8, UInt8)) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ v: UInt8) -> Int { levels.enumerated().min { abs($0.element - Int(v)) < abs($1.element - Int(v)) }!.offset }
        let (r, g, b) = (level(rgb.0), level(rgb.1), level(rgb.2))
        let cube = (levels[r], levels[g], levels[b])
        let average = (Int(rgb.0) + Int(rgb.1) + Int(rgb.2)) / 3
        let greyIndex = min(23, max(0, (average - 3) / 10))
        let grey = 8 + 10 * greyIndex
        func distance(_ a: (Int, Int, Int)) -> Int {
            let d = (a.0 - Int(rgb.0), a.1 - Int(rgb.1), a.2 - Int(rgb.2))
            return d.0 * d.0 + d.1 * d.1 + d.2 * d.2
        }
        return distance((grey, grey, grey)) < distance(cube) ? UInt8(232 + greyIndex) : UInt8(16 + 36 * r + 6 * g + b)
    }
}
