import Foundation
import Journey
import Logging
import NHSO
import VisitJournal

/// Settles, with NHSO, every visit a previous run left `submitting` or `pending` (it stopped, crashed or
/// lost power between confirm-save and its answer), before the kiosk takes the next patient.
///
/// NHSO is only asked, never sent anything: a code it holds is recorded (for reprint and for staff);
/// a lookup that answered without one marks the visit not submitted; a lookup that fails leaves it
/// pending, to be asked again later.
public struct Recovery: Sendable {
    let journal: VisitJournal
    let nhso: any NHSOService
    let logger: Logger

    public init(journal: VisitJournal, nhso: any NHSOService, logger: Logger = Logger(label: "authen-kiosk.recovery")) {
        self.journal = journal
        self.nhso = nhso
        self.logger = logger
    }

    /// What recovery found for one visit.
    public enum Outcome: Sendable, Hashable {
        case found(ClaimCode)
        case notSubmitted
        case stillPending(reason: String)
    }

    /// How long a `submitting` row may be another program's submit under way (above its 45 s limit).
    static let othersSubmitLimit: TimeInterval = 90

    /// After this long, recovery stops asking about a visit.
    static let leftToStaff: TimeInterval = 3 * 86_400

    public struct Settled: Sendable, Hashable {
        public var visit: JournalVisit
        public var outcome: Outcome
    }

    /// Settles the visits that need it, except those `inFlight` says a submit of this run is still
    /// working on (asked for each visit as it is settled). Visits a stopped kiosk left before confirm are
    /// closed as abandoned on the first run.
    /// - Parameter includeOlder: also visits sent more than 10 minutes ago (the start-up run and one pass
    ///   in ten ask about them; asking every 30 s for hours would only load NHSO). Visits sent more than
    ///   3 days ago are no longer asked about: they are staff's, and logged.
    /// - Parameter leavesOthersSubmits: the running kiosk's passes: `submitting` rows under 90 s old are
    ///   not this kiosk's (those are `inFlight`) and may be another program's submit under way.
    @discardableResult
    public func run(inFlight: @Sendable (VisitID) -> Bool = { _ in false }, closeInterrupted: Bool = false,
                    includeOlder: Bool = true, leavesOthersSubmits: Bool = false, now: Date = Date()) async -> [Settled] {
        if closeInterrupted {
            for visit in (try? journal.interrupted()) ?? [] {
                try? await journal.recordIfUnchanged(visit, .ended(.kioskStopped, detail: "the kiosk stopped before the visit was confirmed"))
            }
        }
        let unsettled: [JournalVisit]
        do {
            unsettled = try journal.unsettled()
        } catch {
            logger.error("journal cannot be read for recovery", metadata: ["reason": "\(error)"])
            return []
        }
        var settled: [Settled] = []
        for visit in unsettled {
            guard let id = visit.visitID, !inFlight(id) else { continue }
            let age = now.timeIntervalSince(visit.submittedAt ?? visit.startedAt)
            if age > Self.leftToStaff {
                if closeInterrupted {
                    logger.warning("a visit NHSO could not settle for 3 days: staff must look it up", metadata: ["visit": "\(visit.reference)"])
                }
                continue
            }
            if age > 600 && !includeOlder { continue }
            // A row another program on this journal may still be sending (`authen-kiosk confirm --config`)
            // is left to it for the submit's own time limit: asked about too early, before NHSO has
            // recorded it, it would be marked not submitted.
            if leavesOthersSubmits, visit.state == .submitting, age < Self.othersSubmitLimit { continue }
            let outcome = await settle(visit, isInFlight: { inFlight(id) })
            settled.append(Settled(visit: visit, outcome: outcome))
        }
        return settled
    }

    /// Writes what recovery concluded, unless a submit of this run has taken the visit up meanwhile.
    private func conclude(_ visit: JournalVisit, _ change: JournalChange, isInFlight: () -> Bool) async {
        guard !isInFlight() else { return }
        try? await journal.recordIfUnchanged(visit, change)
    }

    private func settle(_ visit: JournalVisit, isInFlight: () -> Bool) async -> Outcome {
        guard let pid = visit.citizenID, let service = visit.service, let serviceDate = visit.serviceDate else {
            // A row without what a lookup needs cannot be settled by asking; staff must look.
            await conclude(visit, .ended(.notSubmitted, detail: "the journal row lacks the person or the service"), isInFlight: isInFlight)
            return .notSubmitted
        }
        let request = VisitRequest(pid: pid, claimType: service, mobile: visit.mobile ?? "", correlationId: visit.correlationId ?? "", hcode: visit.hcode)
        do throws(NHSOError) {
            let submitter = VisitSubmitter(service: nhso)
            if let record = try await submitter.existingCode(for: request, serviceDate: serviceDate) {
                let origin = submitter.origin(of: record, for: request)
                await conclude(visit, .coded(record.claimCode, claimDateTime: record.claimDateTime, origin: origin), isInFlight: isInFlight)
                logger.notice("recovered a visit's code from NHSO", metadata: ["visit": "\(visit.reference)", "claimCode": "\(record.claimCode)"])
                return .found(record.claimCode)
            }
            await conclude(visit, .ended(.notSubmitted, detail: "NHSO holds no code for this visit"), isInFlight: isInFlight)
            logger.notice("a visit NHSO never recorded", metadata: ["visit": "\(visit.reference)"])
            return .notSubmitted
        } catch {
            await conclude(visit, .pending, isInFlight: isInFlight)
            logger.warning("a visit could not be settled yet", metadata: ["visit": "\(visit.reference)", "reason": "\(error.staffMessage)"])
            return .stillPending(reason: error.staffMessage)
        }
    }
}
