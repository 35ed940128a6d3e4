import Foundation

/// The swatches `authen-kiosk palette` draws: one row per style with its name, ten cells of its
/// background, ten full blocks of its foreground, and a Thai and English sample with the contrast the
/// palette promises. The pixel tests read the swatches at these places.
public enum PaletteLayout {
    public static let firstRow = 2, backgroundColumn = 16, foregroundColumn = 26, swatchWidth = 10

    public static func grid(_ palette: TerminalPalette, heading: String, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: max(width, 60), height: max(height, firstRow + CellStyle.named.count + 1))
        grid.put(heading, row: 0, column: 1, style: .normal)
        for (index, style) in CellStyle.named.enumerated() {
            let row = firstRow + index
            grid.put("\(style)", row: row, column: 1, style: .normal)
            grid.fill(row: row, column: backgroundColumn, width: swatchWidth, height: 1, style: style)
            grid.put(String(repeating: "\u{2588}", count: swatchWidth), row: row, column: foregroundColumn, style: style)
            let contrast = palette.contrast(style).map { String(format: "%.1f:1", $0) } ?? "terminal's own"
            grid.put(" ยินดีต้อนรับ Welcome \(contrast) ", row: row, column: foregroundColumn + swatchWidth + 1, style: style)
        }
        return grid
    }
}
