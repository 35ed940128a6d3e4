import QRCode

/// A QR code drawn in cells: two modules per cell row with half blocks (a cell is about twice as tall
/// as wide, so a module is one column by half a row: square), dark modules on a light field in the
/// kiosk's own colours, with the 4-module quiet zone, scaled up as far as the space allows.
struct QRPanel {
    let code: QRCode
    /// Terminal cells per module, across (and half-rows per module, down).
    let scale: Int

    /// The largest panel that fits `columns` × `rows`; `nil` when even one cell per module does not
    /// (a broken code is never drawn).
    init?(_ code: QRCode, fitting columns: Int, rows: Int) {
        let side = code.sizeWithQuietZone
        let scale = min(columns / side, (rows * 2) / side)
        guard scale >= 1 else { return nil }
        self.code = code
        self.scale = scale
    }

    var width: Int { code.sizeWithQuietZone * scale }
    var height: Int { (code.sizeWithQuietZone * scale + 1) / 2 }

    /// Whether the half-row `y`, column `x` of the panel is dark.
    private func isDark(halfRow y: Int, column x: Int) -> Bool {
        let quiet = QRCode.quietZone
        return code.isDark(row: y / scale - quiet, column: x / scale - quiet)
    }

    func draw(into grid: inout CellGrid, row: Int, column: Int) {
        for r in 0..<height {
            var line = ""
            for x in 0..<width {
                let top = isDark(halfRow: 2 * r, column: x)
                let bottom = isDark(halfRow: 2 * r + 1, column: x)
                line += top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " ")
            }
            grid.put(line, row: row + r, column: column, style: .qr)
        }
    }
}
