import ArgumentParser
import Foundation
import Journey
import KioskConfig
import Logging
import NHSO
import TerminalUI

/// `authen-kiosk run --config FILE`: the kiosk (or station) on the real card reader and NHSO.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the kiosk full screen on the configured card reader and NHSO.",
        discussion: """
            The configuration is checked before the screen is taken: problems are listed with their keys \
            (exit 2); a missing or unsafe token file stops it too (exit 3). Examples: kiosk-config/.
            """
    )

    @Option(help: "The configuration file (YAML).")
    var config: String

    func run() async throws {
        Diagnostics.bootstrapLogging()
        let settings: KioskSettings
        do {
            settings = try await KioskConfigurationFile.load(path: config)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        guard settings.nhso.backend == .direct else {
            // With the agent, the agent owns the reader and reads the card itself; the kiosk's
            // journey for that (person from the agent's read) is not built yet.
            printError("\(config): nhso.backend 'agent' is not supported by `run` yet; use 'direct' with the kiosk token.")
            throw ExitCode(2)
        }
        let token: KioskToken
        do {
            if let file = settings.nhso.tokenFile {
                token = try KioskToken.load(file: file)
            } else if let fromEnvironment = KioskToken.fromEnvironment() {
                token = fromEnvironment
            } else {
                throw NHSOError.tokenMissing
            }
        } catch let error as NHSOError {
            printError(error.staffMessage)
            throw ExitCode(3)
        }
        guard let assets = AssetLocator.find() else {
            printError("The assets folder (texts) was not found: set AUTHEN_KIOSK_ASSETS")
            throw ExitCode(2)
        }
        let catalog = try TextCatalog.load(assets: assets)
        let nhso = NHSOHTTPService.cloud(
            zone: settings.nhso.zone, token: token, baseURL: settings.nhso.baseURL,
            timeouts: NHSOTimeouts(request: .seconds(settings.nhso.timeoutSeconds)), logger: Logger(label: "authen-kiosk.nhso")
        )
        let cards = PCSCCardSource(reader: settings.reader)
        let runtime = KioskRuntime(
            journey: Journey(configuration: settings.journey),
            renderer: ScreenRenderer(catalog: catalog, configuration: settings.journey),
            cards: cards, nhso: nhso,
            printer: FileSlipPrinter(directory: URL(fileURLWithPath: settings.slipsDirectory)),
            journal: JournalFile(url: URL(fileURLWithPath: settings.journalPath)),
            adminPIN: settings.adminPIN, pcscCards: cards,
            headerNote: settings.hospitalName.isEmpty ? nil : settings.hospitalName
        )
        await runtime.runOnOwnThread()
    }
}
