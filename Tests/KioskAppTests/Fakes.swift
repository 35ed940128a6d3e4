import Camera
import Foundation
import Journey
import KioskApp
import NHSO
import Synchronization
import ThaiIDCard
import VirtualThaiIDCard
import VisitJournal

enum Cards {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cards")

    static func person(_ name: String) -> ThaiIDCardPerson {
        let card = try! VirtualThaiIDCard(personFile: folder.appendingPathComponent("\(name).json"))
        return try! ThaiIDCardReader(channel: VirtualCardChannel(card: card)).readPerson()
    }

    static let somchai = person("somchai")
    static let malee = person("malee")
}

/// A reader whose card the test puts in and takes out; reads answer at once with the card in it.
final class FakeCardSource: CardSource {
    private let card = Mutex<ThaiIDCardPerson?>(nil)

    func insert(_ person: ThaiIDCardPerson?) { card.withLock { $0 = person } }

    func watch(_ post: @escaping @Sendable (JourneyEvent) -> Void) -> Task<Void, Never>? { nil }

    func read(progress post: @escaping @Sendable (EffectResult) -> Void) async -> EffectResult {
        guard let person = card.withLock({ $0 }) else { return .cardReadFailed(.transport(.init(.noCard))) }
        return .cardRead(person)
    }

    func statusLine() async -> AdminStatusLine {
        AdminStatusLine(subject: "reader", ok: true, detail: card.withLock { $0 == nil } ? "empty" : "a card")
    }
}

/// NHSO as the test wants it: rights for anyone (each check its own correlationId), answers delayed
/// per person and deaf to cancellation (as a slow network is), codes counted.
final class FakeNHSO: NHSOService {
    struct State {
        var delays: [String: Duration] = [:]
        var confirmDelay: Duration = .zero
        var confirms: [VisitRequest] = []
        var checks = 0
        var beforeConfirm: (@Sendable (VisitRequest) -> Void)?
        /// check-authen-status: `nil` answers as a kiosk without a token; `true` lists every code
        /// issued here, `false` lists none.
        var statusListsCodes: Bool?
    }
    let state = Mutex(State())

    func delay(_ pid: String, _ duration: Duration) { state.withLock { $0.delays[pid] = duration } }
    var confirms: [VisitRequest] { state.withLock { $0.confirms } }

    /// Waits without noticing cancellation.
    private func wait(_ duration: Duration) async {
        guard duration > .zero else { return }
        await withCheckedContinuation { done in
            DispatchQueue.global().asyncAfter(deadline: .now() + duration.seconds) { done.resume() }
        }
    }

    func checkRights(pid: String) async throws(NHSOError) -> RightsCheck {
        let (delay, n) = state.withLock { s in s.checks += 1; return (s.delays[pid] ?? .zero, s.checks) }
        await wait(delay)
        return RightsCheck(
            pid: pid, fname: pid, mainInscl: InsuranceRight(code: "UCS", name: "สิทธิหลักประกันสุขภาพแห่งชาติ"),
            claimTypes: [ClaimType(claimType: ServiceCode.general, claimTypeName: "ทั่วไป")], correlationId: "corr-\(pid)-\(n)"
        )
    }

    func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        let (delay, hook) = state.withLock { s in (s.confirmDelay, s.beforeConfirm) }
        hook?(visit)
        await wait(delay)
        let count = state.withLock { s in s.confirms.append(visit); return s.confirms.count }
        return ConfirmSaveResponse(pid: visit.pid, claimType: visit.claimType, correlationId: visit.correlationId,
                                   createdDate: "2026-11-28T09:00:00", claimCode: ClaimCode(String(format: "PP%010d", 1_172_534_797 + count)))
    }

    func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse { throw .unreachable(reason: "not used") }
    func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? { nil }
    func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> AuthenCodeList { [] }
    func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus {
        guard let lists = state.withLock({ $0.statusListsCodes }) else { throw .tokenMissing }
        let issued = state.withLock { $0.confirms.count }
        let histories = lists && issued > 0 ? [AuthenStatus.ServiceHistory(
            hospital: Hospital(hcode: "10757", hname: "x"), serviceDateTime: serviceDate + "T09:00:00",
            claimCode: ClaimCode(String(format: "PP%010d", 1_172_534_797 + issued))!, service: .init(code: serviceCode ?? "", name: "x")
        )] : []
        return AuthenStatus(statusAuthen: !histories.isEmpty, statusMessage: histories.isEmpty ? .notFound : .found, personalId: pid, serviceHistories: histories)
    }
}

/// A journal whose disk filled up: queued writes still go to `inner`, the synced one before confirm-save
/// fails.
struct FailingRecorder: VisitRecorder {
    let inner: VisitJournal

    func record(_ visit: VisitID, _ change: JournalChange, at now: Date, completion: @escaping @Sendable (Result<Void, JournalError>) -> Void) {
        inner.record(visit, change, at: now, completion: completion)
    }
    func recordNow(_ visit: VisitID, _ change: JournalChange, at now: Date) async throws(JournalError) {
        throw JournalError(path: "/full/disk", reason: "database or disk is full")
    }
}

struct NoPrinter: SlipPrinter {
    func print(_ slip: Slip) async throws {}
    func print(_ slip: QueueSlip) async throws {}
    func print(_ slip: PendingSlip) async throws {}
    func printTest(language: Language) async throws {}
    func statusLine() async -> AdminStatusLine { AdminStatusLine(subject: "printer", ok: true, detail: "none") }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// A kiosk core on fakes, with a real journal in a temporary folder.
struct Rig {
    let cards = FakeCardSource()
    let nhso = FakeNHSO()
    let journalPath: String
    let journal: VisitJournal
    let core: KioskCore

    /// `journalPath`: an earlier rig's journal, for a kiosk started again.
    init(configuration: JourneyConfiguration = JourneyConfiguration(hcode: "10757"), failingDisk: Bool = false, camera: FFmpegCamera? = nil,
         printer: any SlipPrinter = NoPrinter(), journalPath: String? = nil) throws {
        self.journalPath = journalPath ?? FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-app-\(UUID())/journal.sqlite").path
        journal = try VisitJournal(path: self.journalPath)
        let recorder: (any VisitRecorder)? = failingDisk ? FailingRecorder(inner: journal) : nil
        let queue = EventQueue()
        let effects = EffectRunner(cards: cards, nhso: nhso, printer: printer, journal: recorder ?? journal, camera: camera) { queue.post($0) }
        core = KioskCore(journey: Journey(configuration: configuration), queue: queue, effects: effects)
    }
}
