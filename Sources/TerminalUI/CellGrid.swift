/// How a cell is drawn.
public enum CellStyle: Sendable, Hashable {
    case normal
    case title
    case emphasis
    case button
    /// The button Enter presses (the default choice).
    case selectedButton
    /// The choice the arrow keys have moved to: Enter takes it.
    case focusedButton
    case warning
    case code
    case muted
    /// A QR code's modules: dark on light, as readers expect.
    case qr
    /// Two pixels of a picture (a camera preview, a photo) in one cell: the upper half block drawn in
    /// `top`, the cell's background `bottom`; both xterm 256-colour numbers.
    case pixels(top: UInt8, bottom: UInt8)

    /// The styles with fixed colours (every style but pictures').
    public static let named: [CellStyle] = [.normal, .title, .emphasis, .button, .selectedButton, .focusedButton, .warning, .code, .muted, .qr]
}

/// One terminal cell: the text drawn there (a base character and the marks that sit on it), or empty
/// text for the second half of a wide character.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: CellStyle

    public static let blank = Cell(text: " ", style: .normal)
}

/// A rectangle of cells: what a screen looks like, before any terminal is involved. Tests assert on it;
/// the ncurses driver copies it to the terminal row by row.
public struct CellGrid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the buttons are, for mouse and touch taps.
    public private(set) var buttons: [Button] = []

    public struct Button: Sendable, Hashable {
        public var action: UIAction
        public var row: Int
        public var column: Int
        public var width: Int
        public var height: Int

        public func contains(row r: Int, column c: Int) -> Bool {
            (row..<row + height).contains(r) && (column..<column + width).contains(c)
        }
    }

    public init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes text from (row, column) onwards; what does not fit is cut. Returns the columns used.
    /// Marks of width 0 join the cell before them; a wide character takes two cells.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .normal) -> Int {
        guard (0..<height).contains(row) else { return 0 }
        var col = column
        for scalar in Sanitizer.clean(text).unicodeScalars {
            let w = TerminalWidth.of(scalar)
            if w == 0 {
                if col > column, col - 1 < width, col - 1 >= 0 {
                    // Attach to the last drawn cell (the first half if it was wide).
                    var target = col - 1
                    if cells[row * width + target].text.isEmpty, target > 0 { target -= 1 }
                    cells[row * width + target].text.unicodeScalars.append(scalar)
                }
                continue
            }
            guard col >= 0, col + w <= width else { break }
            cells[row * width + col] = Cell(text: String(scalar), style: style)
            if w == 2 { cells[row * width + col + 1] = Cell(text: "", style: style) }
            col += w
        }
        return col - column
    }

    /// Text centred on a row.
    @discardableResult
    public mutating func putCentered(_ text: String, row: Int, style: CellStyle = .normal) -> Int {
        let w = TerminalWidth.of(Sanitizer.clean(text))
        return put(text, row: row, column: max(0, (width - w) / 2), style: style)
    }

    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, style: CellStyle) {
        for r in max(0, row)..<min(height, row + h) {
            for c in max(0, column)..<min(width, column + w) {
                cells[r * width + c] = Cell(text: " ", style: style)
            }
        }
    }

    /// A button: a filled box at least three rows tall (a fingertip), its label centred. Only a screen
    /// with many choices (the 19 relationships on 80×24) lowers `minimumHeight`, to two.
    public mutating func button(_ label: String, action: UIAction, row: Int, column: Int, width w: Int, height h: Int = 3,
                                minimumHeight: Int = 3, selected: Bool = false, focused: Bool = false) {
        let style: CellStyle = focused ? .focusedButton : selected ? .selectedButton : .button
        let h = max(minimumHeight, h)
        fill(row: row, column: column, width: w, height: h, style: style)
        let labelWidth = TerminalWidth.of(label)
        put(label, row: row + h / 2, column: column + max(0, (w - labelWidth) / 2), style: style)
        buttons.append(Button(action: action, row: row, column: column, width: w, height: h))
    }

    /// The button under a tap, if any.
    public func action(atRow row: Int, column: Int) -> UIAction? {
        buttons.last { $0.contains(row: row, column: column) }?.action
    }

    /// A row as one string, as the terminal shows it (whole strings keep Thai marks on their base).
    public func line(_ row: Int) -> String {
        (0..<width).map { self[row, $0].text }.joined()
    }

    /// The whole screen as text, rows separated by newlines, trailing spaces kept.
    public var text: String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// Whether the text appears on the screen (on one row).
    public func contains(_ text: String) -> Bool {
        (0..<height).contains { line($0).contains(text) }
    }
}
