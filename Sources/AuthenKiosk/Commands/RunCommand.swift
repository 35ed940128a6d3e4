import ArgumentParser
import Foundation
import Journey
import KioskApp
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

    /// On a box whose kiosk runs as its own user, root running the kiosk by hand would make the journal
    /// and the log root's, and the unit would then fail to start, over and over: the folder's owner.
    static func folderOwnerRootWouldTakeOver(_ settings: KioskSettings) -> String? {
        guard geteuid() == 0 else { return nil }
        var info = stat()
        let folder = URL(fileURLWithPath: settings.journalPath).deletingLastPathComponent().path
        guard stat(folder, &info) == 0, info.st_uid != 0 else { return nil }
        return getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "user \(info.st_uid)"
    }

    func run() async throws {
        // Warnings too: an unattended kiosk's log is how IT learns that NHSO or the agent was unreachable.
        Diagnostics.bootstrapLogging(defaultLevel: .warning)
        let logger = Logger(label: "authen-kiosk")
        /// Why the kiosk does not start: on standard error, and in the log (under systemd standard error
        /// is the kiosk's own terminal, gone as soon as the program ends).
        func refuse(_ line: String) {
            printError(line)
            logger.error("the kiosk does not start: \(line)")
            OutOfServiceScreen.showIfUnattended()
        }
        let settings: KioskSettings
        do {
            settings = try await KioskConfigurationFile.load(path: config)
        } catch {
            refuse("\(error)")
            throw ExitCode(2)
        }
        // The token: required by NHSO's cloud API; with the agent, only check-authen-status uses it.
        let token: KioskToken?
        do {
            token = try Self.loadToken(settings.nhso)
            if token == nil && settings.nhso.backend == .direct { throw NHSOError.tokenMissing }
        } catch let error as NHSOError {
            refuse(error.staffMessage)
            throw ExitCode(3)
        }
        if settings.journey.qrAuthenticationURL != nil && token == nil {
            // The QR path learns the code from check-authen-status, which needs the kiosk token.
            refuse("hospital.qrURL is set, but there is no kiosk token (nhso.tokenFile or NHSO_KIOSK_TOKEN): the QR path needs it for check-authen-status")
            throw ExitCode(3)
        }
        if let owner = Self.folderOwnerRootWouldTakeOver(settings) {
            let folder = URL(fileURLWithPath: settings.journalPath).deletingLastPathComponent().path
            refuse("run as root, but \(folder) is \(owner)'s: files made now would be root's and the kiosk could no longer write them. "
                + "Run it as that user (sudo -u \(owner) authen-kiosk run --config \(config)), or start its unit (systemctl start authen-kiosk)")
            throw ExitCode(2)
        }
        guard let assets = AssetLocator.find() else {
            refuse("The assets folder (texts) was not found: set AUTHEN_KIOSK_ASSETS")
            throw ExitCode(2)
        }
        let catalog = try TextCatalog.load(assets: assets)
        let printer: ReceiptSlipPrinter
        do {
            printer = try ReceiptSlipPrinter.configured(settings.printer, hospitalName: settings.hospitalName, hospitalCode: settings.hospitalCode,
                                                        assets: assets, texts: catalog.texts)
        } catch {
            refuse("\(error)")
            throw ExitCode(2)
        }
        do {
            try Diagnostics.keepStandardErrorOffScreen(logPath: settings.logPath)
        } catch {
            refuse("output.log '\(settings.logPath)' cannot be written: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        var services: KioskServices
        do {
            services = try KioskServices.from(settings, token: token, printer: printer)
            if settings.metrics != nil { services = services.measured() }
        } catch {
            refuse("\(error): the kiosk does not start without its journal (check the folder exists and is writable, and the disk has space)")
            throw ExitCode(2)
        }
        let workbench = Self.workbench(settings, tokenSummary: token.map { _ in settings.nhso.tokenFile.map { "loaded from \($0)" } ?? "loaded from NHSO_KIOSK_TOKEN" })
        var configuration = settings.journey
        // Staff who walked away leave no patient's details up: a visit left half-way is dropped after
        // the sign-out time (nothing of it was sent).
        if let workbench { configuration.stationIdleSeconds = Int(workbench.signOutAfter) }
        let journey = Journey(configuration: configuration)
        let nhso = settings.nhso
        let reached = nhso.backend == .agent ? "NHSO's agent at \(nhso.agentURL)" : (nhso.baseURL ?? "NHSO's \(nhso.zone.rawValue) address")
        let admin = AdminSetup(settings.admin, nhsoSummary: "\(nhso.zone.rawValue) zone, \(nhso.backend.rawValue): \(reached)",
                               tokenSummary: token.map { _ in nhso.tokenFile.map { "loaded from \($0)" } ?? "loaded from NHSO_KIOSK_TOKEN" })
        let pidFile = KioskPIDFile.path(besideJournal: settings.journalPath)
        KioskPIDFile.write(pidFile)
        let outcome = await services.launch(
            journey: journey, renderer: ScreenRenderer(catalog: catalog, configuration: configuration),
            admin: admin, retentionDays: settings.journalRetentionDays,
            headerNote: settings.hospitalName.isEmpty ? nil : settings.hospitalName,
            metricsAt: settings.metrics.map { ($0.host, $0.port) },
            voice: settings.voice.map { VoiceGuide(settings: VoiceGuide.Settings(command: $0.command, recordings: $0.recordings, saveTo: $0.saveTo), catalog: catalog) },
            workbench: workbench
        )
        KioskPIDFile.remove(pidFile)
        try LeavingKiosk.carryOut(outcome, shutdownCommand: settings.admin.shutdownCommand)
    }

    /// A station with a staff list gets the counter's workbench (staff sign in with their own card);
    /// without one nobody could sign in, and the station stays the patient journey alone (logged).
    static func workbench(_ settings: KioskSettings, tokenSummary: String?) -> WorkbenchSetup? {
        guard settings.journey.mode == .station else { return nil }
        guard !settings.journey.staffIDs.isEmpty else {
            Logger(label: "authen-kiosk").warning("this station has no staff list (staff.listFile): staff cannot sign in, and the counter's menus are off")
            return nil
        }
        let reports = settings.reportsDirectory ?? URL(fileURLWithPath: settings.journalPath).deletingLastPathComponent().appendingPathComponent("reports").path
        return WorkbenchSetup(staffIDs: settings.journey.staffIDs, signOutAfter: TimeInterval(settings.staffSignOutMinutes * 60), exportFolder: reports,
                              zone: settings.nhso.zone.rawValue, tokenFile: settings.nhso.tokenFile, tokenSummary: tokenSummary)
    }

    static func loadToken(_ settings: KioskSettings.NHSO) throws(NHSOError) -> KioskToken? {
        if let file = settings.tokenFile { return try KioskToken.load(file: file) }
        return KioskToken.fromEnvironment()
    }
}
