import Camera
import Foundation
import Journey
import KioskConfig
import Logging
import NHSO
import TerminalUI
import VisitJournal
import Workbench

/// Everything a kiosk talks to: the card source, NHSO, the printer and the journal. `run` builds them
/// from the configuration, `demo` from its built-in test zone and virtual cards; both then start the
/// kiosk the same way (`launch`).
public struct KioskServices: Sendable {
    public var cards: any CardSource
    public var nhso: any NHSOService
    public var printer: any SlipPrinter
    public var journal: VisitJournal
    public var logger: Logger
    /// The camera for the photo paths; `nil`: none.
    public var camera: FFmpegCamera?
    /// What the kiosk counts for the hospital's monitoring; `nil`: nothing is counted.
    public var metrics: KioskMetrics?

    public init(cards: any CardSource, nhso: any NHSOService, printer: any SlipPrinter, journal: VisitJournal,
                logger: Logger = Logger(label: "authen-kiosk"), camera: FFmpegCamera? = nil) {
        self.camera = camera
        self.cards = cards
        self.nhso = nhso
        self.printer = printer
        self.journal = journal
        self.logger = logger
    }

    /// The services a configuration names: with `direct` the kiosk reads the card through pcscd and
    /// calls NHSO's cloud API; with `agent` NHSO's agent owns the reader and does both.
    /// NHSO as a configuration reaches it (the cloud with the token, or the agent), for commands that
    /// need NHSO and no reader or printer (`authen-kiosk confirm --config`).
    public static func nhso(_ settings: KioskSettings, token: KioskToken?) -> (any NHSOService)? {
        let timeouts = NHSOTimeouts(request: .seconds(settings.nhso.timeoutSeconds))
        let logger = Logger(label: "authen-kiosk.nhso")
        switch settings.nhso.backend {
        case .direct:
            guard let token else { return nil }
            return NHSOHTTPService.cloud(zone: settings.nhso.zone, token: token, baseURL: settings.nhso.baseURL, statusBaseURL: settings.nhso.statusBaseURL,
                                         paths: NHSOPaths.cloud.replacing(settings.nhso.paths), timeouts: timeouts, logger: logger)
        case .agent:
            return NHSOHTTPService.agent(url: settings.nhso.agentURL, statusZone: settings.nhso.zone, statusToken: token,
                                         statusBaseURL: settings.nhso.statusBaseURL ?? settings.nhso.baseURL, paths: NHSOPaths.agent.replacing(settings.nhso.paths),
                                         timeouts: timeouts, logger: logger)
        }
    }

    public static func from(_ settings: KioskSettings, token: KioskToken?, printer: any SlipPrinter) throws(JournalError) -> KioskServices {
        let journal = try VisitJournal(path: settings.journalPath)
        guard let nhso = nhso(settings, token: token) else { preconditionFailure("the direct backend is only built with a token") }
        let camera = settings.camera.map(FFmpegCamera.init)
        switch settings.nhso.backend {
        case .direct:
            return KioskServices(cards: PCSCCardSource(reader: settings.reader, allowsVirtualReaders: settings.training), nhso: nhso, printer: printer,
                                 journal: journal, camera: camera)
        case .agent:
            let cards = AgentCardSource(url: settings.nhso.agentURL, timeouts: NHSOTimeouts(request: .seconds(settings.nhso.timeoutSeconds)),
                                        terminal: settings.reader, allowsVirtualReaders: settings.training, logger: Logger(label: "authen-kiosk.nhso"))
            return KioskServices(cards: cards, nhso: nhso, printer: printer, journal: journal, camera: camera)
        }
    }

    /// These services with what they do counted (`metrics`): NHSO's calls timed, the journey's outcomes
    /// and the devices' errors seen as they pass.
    public func measured() -> KioskServices {
        var measured = self
        let journal = self.journal
        let metrics = KioskMetrics(pendingVisits: { try? journal.unsettled().count })
        measured.metrics = metrics
        measured.nhso = MeasuredNHSOService(inner: nhso, metrics: metrics)
        return measured
    }

    /// A core for `journey` whose effects use these services.
    public func core(journey: Journey) -> KioskCore {
        let queue = EventQueue()
        let metrics = self.metrics
        let effects = EffectRunner(cards: cards, nhso: nhso, printer: printer, journal: journal, logger: logger, camera: camera, metrics: metrics) {
            metrics?.observe($0)
            queue.post($0)
        }
        return KioskCore(journey: journey, queue: queue, effects: effects)
    }

    /// Settles what a previous run left unfinished (for at most `recoveryBudget`; what remains is
    /// settled in the background), purges old visits, then runs the kiosk full screen until it is told to
    /// leave; a submit still under way is waited for (up to the journey's submit limit) before returning,
    /// and its outcome is in the journal. Returns how the admin menu (or a signal) ended it.
    @discardableResult
    /// - Parameter metricsAt: where to serve `metrics` as Prometheus text (loopback), if anywhere.
    /// - Parameter workbench: at a station, the counter's workbench (sign-in and NHSO's staff menus).
    public func launch(journey: Journey, renderer: ScreenRenderer, admin: AdminSetup, retentionDays: Int,
                       demoSlot: DemoCardSlot? = nil, demoPhone: (@Sendable (String) -> Void)? = nil, headerNote: String? = nil,
                       metricsAt: (host: String, port: Int)? = nil, voice: VoiceGuide? = nil,
                       workbench: WorkbenchSetup? = nil,
                       recoveryBudget: Duration = .seconds(20)) async -> KioskRuntime.Outcome {
        let serving = metrics.flatMap { metrics in metricsAt.map { address in
            let logger = self.logger
            return Task {
                do {
                    try await MetricsServer(metrics: metrics, host: address.host, port: address.port).run(logger: logger)
                } catch {
                    logger.error("metrics are not served", metadata: ["listen": "\(address.host):\(address.port)", "reason": "\(error)"])
                }
            }
        } }
        defer { serving?.cancel() }
        let recovery = Recovery(journal: journal, nhso: nhso, logger: logger)
        let unfinished = ((try? journal.unsettled()) ?? []).count
        if unfinished > 0 { print("authen-kiosk: asking NHSO about \(unfinished) unfinished visit(s) before taking patients…") }
        let startup = Task { await recovery.run(closeInterrupted: true) }
        // NHSO down must not keep the screen dark: past the budget the kiosk starts, and recovery goes on.
        let (first, finished) = AsyncStream<Void>.makeStream()
        Task { _ = await startup.value; finished.yield() }
        let timer = Task { try? await Task.sleep(for: recoveryBudget); finished.yield() }
        var firstOfThem = first.makeAsyncIterator()
        await firstOfThem.next()
        timer.cancel()
        do {
            try journal.purge(olderThanDays: retentionDays)
        } catch {
            logger.error("journal purge failed", metadata: ["reason": "\(error)"])
        }
        let core = core(journey: journey)
        let effects = core.effects
        let queue = core.queue
        let journal = self.journal
        // Every 30 s, whether the journal can be written again: a kiosk out of service comes back by itself.
        let probing = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(30))
                do {
                    try await journal.probe()
                    queue.post(.journalAvailable(true))
                } catch {
                    queue.post(.journalAvailable(false))
                }
            }
        }
        // Visits left pending (NHSO could not be asked, or could not prove the code absent) are asked
        // about again: every 30 s in their first 10 minutes, then every 5 minutes, for 3 days; then they
        // are left to staff (`authen-kiosk journal --unsettled` lists them).
        let recovering = Task {
            _ = await startup.value
            var pass = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(30))
                pass += 1
                await recovery.run(inFlight: { effects.submitsInFlight.contains($0) }, includeOlder: pass % 10 == 0, leavesOthersSubmits: true)
            }
        }
        defer {
            probing.cancel()
            recovering.cancel()
        }
        let console = AdminConsole(mode: journey.configuration.mode, attemptsBeforeLockout: admin.lockoutAttempts, lockoutSeconds: admin.lockoutSeconds)
        let actions = AdminActions(setup: admin, services: self, slips: effects.slips, language: journey.configuration.defaultLanguage) { queue.post(.admin($0)) }
        let runtime = KioskRuntime(core: core, renderer: renderer, cards: cards, console: console, adminActions: actions,
                                   demoSlot: demoSlot, demoPhone: demoPhone, headerNote: headerNote,
                                   voice: journey.configuration.mode == .kiosk ? voice : nil)
        if journey.configuration.mode == .station, let workbench {
            let actions = WorkbenchActions(setup: workbench, services: self) { queue.post(.workbench($0)) }
            runtime.attachWorkbench(Workbench(staffIDs: workbench.staffIDs, signOutAfter: workbench.signOutAfter), actions: actions)
        }
        let outcome = await runtime.runOnOwnThread()
        let running = core.effects.submitsInFlight
        if !running.isEmpty {
            print("authen-kiosk: waiting for \(running.count) visit(s) being recorded with NHSO…")
            let left = await core.effects.waitForSubmits(upTo: .seconds(journey.configuration.submitLimitSeconds))
            for visit in left {
                logger.warning("left while a visit was being recorded: recovery settles it at the next start", metadata: ["visit": "\(visit.reference)"])
            }
        }
        await core.effects.waitForPrints(upTo: .seconds(15))
        // A write after every queued one: once it is done, so are they (slips printed, visits ended).
        try? await journal.probe()
        return outcome
    }
}
