import ArgumentParser
import Foundation
import TerminalUI

/// `authen-kiosk palette`: the kiosk's colours as this terminal draws them, for IT checking a panel's
/// terminal (and for the tests, which measure the swatches in pixels): `PaletteLayout`.
struct PaletteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "palette",
        abstract: "Show the kiosk's screen colours as this terminal draws them (each style, with its contrast).",
        discussion: """
            Run it in the kiosk's own terminal (as its unit starts it) to see what patients will see. The \
            first line says how many colours the terminal announced (TERM) and which palette the kiosk \
            chose for it. Any key leaves.
            """
    )

    @Option(help: "Leave by itself after this many seconds (default: wait for a key).")
    var seconds: Int?

    func run() throws {
        let driver = TerminalDriver()
        driver.start()
        defer { driver.stop() }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? "unset"
        let heading = "TERM=\(term): \(driver.colorDescription); palette \(driver.palette.name)"
        let grid = PaletteLayout.grid(driver.palette, heading: heading, width: driver.size.width, height: driver.size.height)
        driver.draw(grid)
        let deadline = seconds.map { ContinuousClock.now + .seconds($0) }
        while !driver.isLost {
            if let deadline, ContinuousClock.now >= deadline { break }
            var input = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            _ = poll(&input, 1, 200)
            driver.noteInputEvents(input[0].revents)
            let keys = driver.pendingInput().filter { if case .resize = $0 { false } else { true } }
            if !keys.isEmpty { break }
        }
    }
}
