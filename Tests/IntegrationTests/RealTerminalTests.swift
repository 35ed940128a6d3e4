import Foundation
import Testing
import TerminalUI

/// The kiosk in a real xterm on a virtual X display (Xvfb), with the Thai font hospitals install
/// (`fonts-thai-tlwg`): keys and clicks sent by xdotool, the window captured by xwd and read as pixels.
/// The xterm's own default colours are set to two colours outside the 256-colour palette, which the kiosk
/// cannot use: any such pixel inside the text area is a cell drawn in the terminal's defaults.
@Suite(.serialized) struct RealTerminalTests {
    static let columns = 100, rows = 30
    /// Colours outside xterm's 256-colour palette: the kiosk cannot draw them, so any such pixel is the
    /// terminal's default showing through.
    static let defaultBackground: (Int, Int, Int) = (255, 16, 240)
    static let defaultForeground: (Int, Int, Int) = (16, 255, 128)

    final class XTerm {
        private(set) var display = ""
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("xterm-\(UUID())")
        var window = ""
        private var serverPID = ""

        /// What an X step waited for and did not see.
        struct NotReady: Error, CustomStringConvertible { let description: String }

        /// Xvfb and xterm run detached (started by a shell that exits at once): a daemon that keeps the
        /// descriptors Foundation's `Process` watches would keep it waiting (see `TmuxKiosk`). Xvfb picks
        /// a free display itself (`-displayfd`): a display number chosen here could still be held by the
        /// previous test's server, killed but not yet gone, and the xterm would never open its window.
        /// - Parameters:
        ///   - term: what xterm announces (`-tn`).
        ///   - arguments: the kiosk's; the demo with its output here by default.
        ///   - colours: xterm's own background and foreground.
        init(term: String = "xterm-256color", arguments: [String]? = nil, colours: (String, String) = ("'#ff10f0'", "'#10ff80'")) throws {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let displayFile = output.appendingPathComponent("display"), pidFile = output.appendingPathComponent("pid")
            try detached("/usr/bin/Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>\(displayFile.path) & echo $! >\(pidFile.path)")
            try waitUntil("Xvfb to say its display") {
                let number = (try? String(contentsOf: displayFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                guard !number.isEmpty else { return false }
                self.display = ":\(number)"
                return true
            }
            serverPID = (try? String(contentsOf: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            try waitUntil("Xvfb on \(display) to answer") { (try? self.x(["/usr/bin/xdpyinfo", "-display", self.display])) != nil }
            let kiosk = [
                "env", "LANG=C.UTF-8", "AUTHEN_KIOSK_ASSETS=\(Harness.packageRoot.appendingPathComponent("assets").path)",
                Harness.executable("authen-kiosk").path,
            ] + (arguments ?? ["demo", "--output", output.path])
            try detached("DISPLAY=\(display) /usr/bin/xterm -tn \(term) -geometry \(RealTerminalTests.columns)x\(RealTerminalTests.rows)+0+0 "
                + "-fa 'Tlwg Mono' -fs 12 -bg \(colours.0) -fg \(colours.1) -title authen-kiosk-test\(display) -e \(kiosk.joined(separator: " "))")
            try waitUntil("xterm's window on \(display)") {
                self.window = (try? self.x(["/usr/bin/xdotool", "search", "--name", "authen-kiosk-test\(self.display)$"]))?
                    .split(separator: "\n").first.map(String.init) ?? ""
                return !self.window.isEmpty
            }
        }

        deinit {
            // SIGKILL: started through a shell, they may have inherited SIGTERM ignored.
            _ = try? x(["/usr/bin/pkill", "-9", "-f", "xterm.*authen-kiosk-test\(display) "])
            if !serverPID.isEmpty { _ = try? x(["/bin/kill", "-9", serverPID]) }
            try? FileManager.default.removeItem(at: output)
        }

        private func detached(_ command: String) throws {
            try TmuxKiosk.spawnAndWait(["/bin/sh", "-c", "\(command) >/dev/null 2>&1 &"])
        }

        @discardableResult
        func x(_ argv: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: argv[0])
            process.arguments = Array(argv.dropFirst())
            process.environment = ["DISPLAY": display, "PATH": "/usr/bin:/bin"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw POSIXError(.EIO) }
            return String(decoding: data, as: UTF8.self)
        }

        /// Waits up to 30 s: on a loaded two-core machine the first xterm with a Thai font takes seconds.
        func waitUntil(_ what: String = "the condition", _ condition: () -> Bool) throws {
            let deadline = ContinuousClock.now + .seconds(30)
            while !condition() {
                guard ContinuousClock.now < deadline else { throw NotReady(description: "waited 30 s for \(what)") }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }

        /// A key press through XTEST to the focused window (xterm ignores synthetic events sent to it).
        func key(_ name: String) throws { try x(["/usr/bin/xdotool", "windowfocus", "--sync", window, "key", name]) }

        /// A click at the middle of the cell (row, column), 0-based.
        func click(row: Int, column: Int) throws {
            let (x, y) = try screenshot().centre(row: row, column: column)
            try self.x(["/usr/bin/xdotool", "mousemove", "--window", window, "\(x)", "\(y)", "click", "1"])
        }

        /// The window as pixels (xwd, converted by ImageMagick to binary PPM).
        func screenshot() throws -> Pixels {
            let file = output.appendingPathExtension("xwd")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try x(["/usr/bin/xwd", "-silent", "-id", window, "-out", file.path])
            let ppm = output.appendingPathExtension("ppm")
            try x(["/usr/bin/convert", "xwd:\(file.path)", "-depth", "8", "ppm:\(ppm.path)"])
            return try Pixels(ppm: Data(contentsOf: ppm))
        }

        var journal: String { (try? journalListing(output.appendingPathComponent("journal.sqlite"))) ?? "" }
    }

    struct Pixels {
        let width: Int, height: Int
        let bytes: [UInt8]

        init(ppm: Data) throws {
            // "P6\n<w> <h>\n255\n" then RGB.
            var fields: [String] = []
            var index = 0
            let bytes = [UInt8](ppm)
            while fields.count < 4 {
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
                    // A comment (ImageMagick writes the window's name): to the end of its line.
                    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                    continue
                }
                var field = ""
                while index < bytes.count, bytes[index] != 0x20 && bytes[index] != 0x0A { field.append(Character(UnicodeScalar(bytes[index]))); index += 1 }
                fields.append(field)
            }
            guard fields[0] == "P6", let w = Int(fields[1]), let h = Int(fields[2]), fields[3] == "255" else { throw POSIXError(.EINVAL) }
            width = w
            height = h
            self.bytes = Array(bytes[(index + 1)...])
        }

        /// The pixel at the middle of the cell (row, column), 0-based; xterm keeps a 2-pixel border
        /// round its cells.
        func centre(row: Int, column: Int) -> (x: Int, y: Int) {
            let border = 2.0
            let cellWidth = (Double(width) - 2 * border) / Double(RealTerminalTests.columns)
            let cellHeight = (Double(height) - 2 * border) / Double(RealTerminalTests.rows)
            return (Int(border + (Double(column) + 0.5) * cellWidth), Int(border + (Double(row) + 0.5) * cellHeight))
        }

        func pixel(_ x: Int, _ y: Int) -> (Int, Int, Int) {
            let i = (y * width + x) * 3
            return (Int(bytes[i]), Int(bytes[i + 1]), Int(bytes[i + 2]))
        }
    }

    @Test func aClickOnConfirmWorksAndEveryPixelIsInTheKiosksColours() throws {
        let term = try XTerm()
        Thread.sleep(forTimeInterval: 1.5)
        try term.key("F5")
        Thread.sleep(forTimeInterval: 1.5)
        // The text area (inside xterm's 2-pixel border): no pixel in the terminal's default colours.
        let shot = try term.screenshot()
        var defaults = 0, total = 0
        for y in stride(from: 4, to: shot.height - 4, by: 2) {
            for x in stride(from: 4, to: shot.width - 4, by: 2) {
                let p = shot.pixel(x, y)
                total += 1
                if p == Self.defaultBackground || p == Self.defaultForeground { defaults += 1 }
            }
        }
        #expect(total > 10_000)
        #expect(defaults == 0, "\(defaults) of \(total) pixels in the terminal's default colours")
        // The kiosk's own background: black in a blank area, not the terminal's magenta.
        #expect(shot.pixel(shot.width / 100, shot.height / 2) == (0, 0, 0))
        // A click on Confirm (bottom buttons, rows 25-27 of 30, right half) records the visit.
        #expect(!term.journal.contains("PP"))
        try term.click(row: 26, column: 65)
        try term.waitUntil { term.journal.contains("PP") }
    }

    /// Every style at 7:1 or more as a real xterm draws it, under each TERM the kiosk may meet: xterm's
    /// own (`TERM=xterm`, 8 colours; xterm says so unless told otherwise), 16, 88 and 256 colours, and
    /// none. `authen-kiosk palette` draws each style's background and, in full blocks, its foreground;
    /// both are read back as pixels. Bold text in colours 0–7 is drawn bright by xterm: bold black on
    /// cyan came out grey (2:1) under `TERM=xterm`.
    @Test(arguments: ["xterm", "xterm-16color", "xterm-88color", "xterm-256color", "xterm-mono"])
    func everyStyleKeepsAAAContrastAsARealXtermDrawsIt(term: String) throws {
        // The units' own colours: white on black.
        let xterm = try XTerm(term: term, arguments: ["palette", "--seconds", "30"], colours: ("black", "white"))
        Thread.sleep(forTimeInterval: 1.5)
        let shot = try xterm.screenshot()
        for (index, style) in CellStyle.named.enumerated() {
            let row = PaletteLayout.firstRow + index
            let back = shot.centre(row: row, column: PaletteLayout.backgroundColumn + PaletteLayout.swatchWidth / 2)
            let fore = shot.centre(row: row, column: PaletteLayout.foregroundColumn + PaletteLayout.swatchWidth / 2)
            let (background, foreground) = (shot.pixel(back.x, back.y), shot.pixel(fore.x, fore.y))
            let contrast = TerminalPalette.contrast(background, foreground)
            #expect(contrast >= 7, "\(term), \(style): \(foreground) on \(background) is \(String(format: "%.2f", contrast)):1")
        }
    }
}
