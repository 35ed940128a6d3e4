import ArgumentParser
import Camera
import Foundation
import Hummingbird
import Journey
import KioskApp
import KioskConfig
import Logging
import NHSO
import NHSOTestZone
import Printing
import TerminalUI
import VisitJournal

/// `authen-kiosk demo`: the whole kiosk on a fresh machine, with no reader, no pcscd and no network:
/// NHSO's test zone runs inside the program (on loopback), and the card reader is a virtual one
/// driven by keys (F5 inserts a demo card, F6 pulls it out).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the kiosk full screen on its built-in NHSO test zone and virtual ID cards.",
        discussion: "F5 inserts a demo card (each press the next person), F6 pulls it out, F7 (on the QR path) has the patient's phone authenticate, F2 switches Thai/English, F12 then the PIN and Enter opens the admin menu (9 leaves)."
    )

    @Option(help: "The admin PIN: F12, this PIN and Enter open the admin menu.")
    var adminPIN = "1234"

    @Flag(help: "Ask for a mobile number before confirming.")
    var mobileRequired = false

    @Flag(help: "Run as a registration counter for staff (full person details, no idle timeout) instead of a kiosk.")
    var station = false

    @Option(help: "At a station (--station): seconds without a key before staff are signed out.")
    var signOutSeconds = 600

    @Option(help: "Seconds before an idle screen returns to the start.")
    var idleSeconds = 60

    @Option(help: "Only these demo cards, by name, comma-separated (e.g. somchai,lifetime).")
    var cards: String?

    @Flag(help: "Start with NHSO's test zone answering every request with an error (to see the retry screen).")
    var nhsoDown = false

    @Option(name: .customLong("printer"), help: "Print the demo's slips: usb:/dev/usb/lp0, tcp:HOST:9100 or cups:QUEUE (default: .escpos files in the output folder's slips/).")
    var printerConnection: String?

    @Option(help: "The printer's paper: 58 or 80 (mm).")
    var paper = 80

    @Option(help: "Serve the kiosk's metrics as Prometheus text at http://127.0.0.1:PORT/metrics.")
    var metricsPort: Int?

    @Flag(help: "Speak each screen's prompt (espeak-ng).")
    var voice = false

    @Option(help: "Save each spoken prompt as a .wav in this folder instead of speaking it (implies --voice).")
    var voiceSaveTo: String?

    @Option(help: "Folder for slips and the journal.")
    var output = FileManager.default.temporaryDirectory.appendingPathComponent("authen-kiosk-demo").path

    func run() async throws {
        var quiet = Logger(label: "authen-kiosk")
        quiet.logLevel = .critical
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        guard let assets = AssetLocator.find() else {
            throw ValidationError("The assets folder (texts) was not found: set AUTHEN_KIOSK_ASSETS")
        }
        let catalog = try TextCatalog.load(assets: assets)
        // The repository's test cards, or the installed package's copy beside its assets.
        let cardsFolder = ProcessInfo.processInfo.environment["AUTHEN_KIOSK_DEMO_CARDS"].map { URL(fileURLWithPath: $0) }
            ?? [assets.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/cards"), assets.deletingLastPathComponent().appendingPathComponent("cards")]
                .first { FileManager.default.fileExists(atPath: $0.path) }
            ?? assets.deletingLastPathComponent().appendingPathComponent("cards")
        let slot = try DemoCardSlot(cardDirectory: cardsFolder, only: cards.map { Set($0.split(separator: ",").map(String.init)) })

        // NHSO's test zone, in process, on a loopback port of its own.
        let testZone = try await EmbeddedTestZone(
            zone: TestZone(population: try Population.bundled(), ledger: try TestZoneLedger()),
            faults: TestZoneFaults(errorRate: nhsoDown ? 1 : 0)
        )
        defer { testZone.stop() }
        let nhso = NHSOHTTPService.cloud(
            zone: .test, token: KioskToken(TestZoneConfiguration.defaultTestToken)!, baseURL: testZone.url, logger: quiet
        )

        // The photo paths' camera: ffmpeg's moving test pattern, through the same code as a real camera.
        let camera = FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg") ? FFmpegCamera(settings: CameraSettings(input: .testPattern)) : nil
        var configuration = JourneyConfiguration(
            mode: station ? .station : .kiosk, mobileRequired: mobileRequired, idleSeconds: idleSeconds, hcode: "10757",
            qrAuthenticationURL: "\(testZone.url)/testzone/qr/10757", verifiedVisits: true,
            // At a demo station, Somchai (the first demo card) is on the staff list.
            staffIDs: ["1101700203450"], cameraAvailable: camera != nil
        )
        if station { configuration.stationIdleSeconds = signOutSeconds }
        // F7: the patient's phone authenticates (what NHSO's app does once the QR is scanned).
        let zone = testZone.zone
        let phone: @Sendable (String) -> Void = { pid in
            Task { _ = await zone.mobileAuthentication(pid: pid, claimType: ServiceCode.general, hcode: "10757", path: "/testzone/mobile-authentication") }
        }
        let outputFolder = URL(fileURLWithPath: output)
        let printer = try ReceiptSlipPrinter.configured(
            try DemoCommand.printer(printerConnection, slips: outputFolder.appendingPathComponent("slips").path, paper: paper),
            hospitalName: "โรงพยาบาลสาธิต (Demo Hospital)", hospitalCode: "10757", assets: assets, texts: catalog.texts
        )
        var services = KioskServices(
            cards: slot, nhso: nhso, printer: printer,
            journal: try VisitJournal(path: outputFolder.appendingPathComponent("journal.sqlite").path), logger: quiet, camera: camera
        )
        guard AdminPIN.isAcceptable(adminPIN), let pinHash = AdminPIN.hash(adminPIN, saltBytes: Array("authen-kiosk-demo".utf8.prefix(16))) else { throw ValidationError("--admin-pin is 4 to 12 digits") }
        // Shut down leaves the demo: it never turns off the machine it is shown on.
        let admin = AdminSetup(pinHash: pinHash, shutdownCommand: [], nhsoSummary: "the demo's built-in test zone at \(testZone.url)",
                               tokenSummary: "the test zone's token")
        if metricsPort != nil { services = services.measured() }
        let pidFile = outputFolder.appendingPathComponent("kiosk.pid").path
        KioskPIDFile.write(pidFile)
        let outcome = await services.launch(
            journey: Journey(configuration: configuration), renderer: ScreenRenderer(catalog: catalog, configuration: configuration),
            admin: admin, retentionDays: 30, demoSlot: slot, demoPhone: phone, metricsAt: metricsPort.map { ("127.0.0.1", $0) },
            voice: voice || voiceSaveTo != nil ? VoiceGuide(settings: VoiceGuide.Settings(saveTo: voiceSaveTo), catalog: catalog) : nil,
            workbench: station ? WorkbenchSetup(staffIDs: configuration.staffIDs, signOutAfter: TimeInterval(signOutSeconds),
                                                exportFolder: outputFolder.appendingPathComponent("reports").path, zone: "test", tokenFile: nil,
                                                tokenSummary: "the demo's test-zone token") : nil
        )
        testZone.stop()
        KioskPIDFile.remove(pidFile)
        try LeavingKiosk.carryOut(outcome, shutdownCommand: [])
    }

    /// The demo's printer: `.escpos` files unless `--printer` names a real one.
    static func printer(_ connection: String?, slips: String, paper: Int) throws -> KioskSettings.Printer {
        guard let parsedPaper = PrinterSettings.Paper(rawValue: paper) else { throw ValidationError("--paper is 58 or 80") }
        let parsed = try connection.map {
            guard let parsed = KioskSettings.Printer.Connection($0) else {
                throw ValidationError("--printer is usb:/dev/usb/lp0, tcp:HOST:9100, cups:QUEUE or file:/folder")
            }
            return parsed
        } ?? .files(folder: slips)
        return KioskSettings.Printer(connection: parsed, settings: PrinterSettings(paper: parsedPaper), kioskName: "Demo")
    }
}
