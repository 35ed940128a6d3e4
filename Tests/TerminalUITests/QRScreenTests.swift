import Foundation
import Journey
import QRCode
import Testing
@testable import TerminalUI

/// The QR on screen is read back by an independent decoder (zbar's `zbarimg`) from an image made of
/// the cell grid exactly as drawn: what a phone's camera would see.
@Suite struct QRScreenTests {
    static let url = "http://127.0.0.1:18189/testzone/qr/10757"

    func render(width: Int, height: Int, url: String = url) -> CellGrid {
        let configuration = JourneyConfiguration(qrAuthenticationURL: url)
        let renderer = ScreenRenderer(catalog: UISamples.catalog, configuration: configuration)
        return renderer.render(JourneyState(step: .identifying(.qr(.scan))), width: width, height: height)
    }

    @Test(arguments: [(80, 24), (120, 34), (160, 45)])
    func theQRDecodesToTheConfiguredAddress(width: Int, height: Int) throws {
        let grid = render(width: width, height: height)
        #expect(try decode(grid) == Self.url)
    }

    @Test func aLargerScreenDrawsALargerCode() {
        func qrCells(_ grid: CellGrid) -> Int { grid.cells.filter { $0.style == .qr }.count }
        #expect(qrCells(render(width: 160, height: 45)) > 3 * qrCells(render(width: 80, height: 24)))
    }

    @Test func everyModuleIsDrawnInTheKiosksQRColoursWithItsQuietZone() throws {
        let grid = render(width: 80, height: 24)
        let code = try QRCode(Self.url)
        let rows = (0..<grid.height).filter { row in (0..<grid.width).contains { grid[row, $0].style == .qr } }
        // Two modules per row, quiet zone included, at one cell per module on 80×24.
        #expect(rows.count == (code.sizeWithQuietZone + 1) / 2)
        let columns = (0..<grid.width).filter { grid[rows[0], $0].style == .qr }
        #expect(columns.count == code.sizeWithQuietZone)
        // The quiet zone: the first two cell rows and four columns are light.
        #expect(grid.line(rows[0]).trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(columns.prefix(4).allSatisfy { grid[rows[5], $0].text == " " })
    }

    @Test func aScreenTooSmallSaysSoAndDrawsNoBrokenCode() {
        let long = "https://example.org/" + String(repeating: "authentication/", count: 8)
        let grid = render(width: 80, height: 24, url: long)
        #expect(!grid.cells.contains { $0.style == .qr })
        #expect(grid.text.contains("หน้าจอเล็กเกินไปสำหรับ QR"))
    }

    /// The grid's QR cells as a black-and-white image (each cell one pixel wide, two tall: its halves),
    /// scaled up, decoded by zbarimg.
    func decode(_ grid: CellGrid) throws -> String {
        var pixels: [[Bool]] = []  // true = dark
        for row in 0..<grid.height {
            let cells = (0..<grid.width).filter { grid[row, $0].style == .qr }
            guard !cells.isEmpty else { continue }
            let top = cells.map { ["█", "▀"].contains(grid[row, $0].text) }
            let bottom = cells.map { ["█", "▄"].contains(grid[row, $0].text) }
            pixels += [top, bottom]
        }
        let scale = 6
        let width = (pixels.first?.count ?? 0) * scale
        var image = Data("P5\n\(width) \(pixels.count * scale)\n255\n".utf8)
        for line in pixels {
            let scaled = line.flatMap { Array(repeating: $0 ? UInt8(0) : 255, count: scale) }
            for _ in 0..<scale { image.append(contentsOf: scaled) }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID()).pgm")
        try image.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--quiet", "--raw", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
