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
        // Warnings too: an unattended kiosk's log is how IT learns that NHSO or the agent was unreachable.
        Diagnostics.bootstrapLogging(defaultLevel: .warning)
        let settings: KioskSettings
        do {
            settings = try await KioskConfigurationFile.load(path: config)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        // The token: required by NHSO's cloud API; with the agent, only check-authen-status uses it.
        let token: KioskToken?
        do {
            token = try Self.loadToken(settings.nhso)
            if token == nil && settings.nhso.backend == .direct { throw NHSOError.tokenMissing }
        } catch let error as NHSOError {
            printError(error.staffMessage)
            throw ExitCode(3)
        }
        guard let assets = AssetLocator.find() else {
            printError("The assets folder (texts) was not found: set AUTHEN_KIOSK_ASSETS")
            throw ExitCode(2)
        }
        let catalog = try TextCatalog.load(assets: assets)
        do {
            try Diagnostics.keepStandardErrorOffScreen(logPath: settings.logPath)
        } catch {
            printError("output.log '\(settings.logPath)' cannot be written: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let (nhso, cards) = Self.backend(settings, token: token)
        let runtime = KioskRuntime(
            journey: Journey(configuration: settings.journey),
            renderer: ScreenRenderer(catalog: catalog, configuration: settings.journey),
            cards: cards, nhso: nhso,
            printer: FileSlipPrinter(directory: URL(fileURLWithPath: settings.slipsDirectory)),
            journal: JournalFile(url: URL(fileURLWithPath: settings.journalPath)),
            adminPIN: settings.adminPIN,
            headerNote: settings.hospitalName.isEmpty ? nil : settings.hospitalName
        )
        await runtime.runOnOwnThread()
    }

    private static func loadToken(_ settings: KioskSettings.NHSO) throws(NHSOError) -> KioskToken? {
        if let file = settings.tokenFile { return try KioskToken.load(file: file) }
        return KioskToken.fromEnvironment()
    }

    /// NHSO and the card reader: with `direct` the kiosk reads the card through pcscd and calls NHSO's
    /// cloud API; with `agent` NHSO's agent owns the reader and does both.
    private static func backend(_ settings: KioskSettings, token: KioskToken?) -> (any NHSOService, any CardSource) {
        let timeouts = NHSOTimeouts(request: .seconds(settings.nhso.timeoutSeconds))
        let logger = Logger(label: "authen-kiosk.nhso")
        switch settings.nhso.backend {
        case .direct:
            let nhso = NHSOHTTPService.cloud(
                zone: settings.nhso.zone, token: token!, baseURL: settings.nhso.baseURL, timeouts: timeouts, logger: logger
            )
            return (nhso, PCSCCardSource(reader: settings.reader))
        case .agent:
            let nhso = NHSOHTTPService.agent(
                url: settings.nhso.agentURL, statusZone: settings.nhso.zone, statusToken: token,
                statusBaseURL: settings.nhso.baseURL, timeouts: timeouts, logger: logger
            )
            let cards = AgentCardSource(url: settings.nhso.agentURL, timeouts: timeouts, terminal: settings.reader, logger: logger)
            return (nhso, cards)
        }
    }
}
