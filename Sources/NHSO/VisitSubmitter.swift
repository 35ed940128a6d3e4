import Foundation

/// Submits a visit so that it never yields two claim codes, whatever the network does.
///
/// A retry reuses the visit's `correlationId`. After a failure that leaves it unknown whether NHSO
/// recorded the visit (a timeout, a lost connection, a 5xx), it asks NHSO for the person's codes first,
/// and sends again only if that lookup answered and found nothing; a lookup that fails ends the submit
/// as `.visitOutcomeUnknown` (the visit stays pending for recovery). A 400 is answered with the existing
/// code when NHSO has one ("already authenticated today"), else it is NHSO's refusal.
public struct VisitSubmitter: Sendable {
    public let service: any NHSOService
    /// Confirm attempts in all, the first included.
    public var attempts: Int
    /// Wait before the second attempt; doubled for each later one.
    public var backoff: Duration

    public init(service: any NHSOService, attempts: Int = 3, backoff: Duration = .milliseconds(500)) {
        self.service = service
        self.attempts = max(1, attempts)
        self.backoff = backoff
    }

    /// A claim code for the visit, and how it was obtained.
    public struct Submitted: Sendable, Hashable {
        public enum Origin: String, Sendable, Hashable {
            /// NHSO issued it in answer to this submission.
            case issued
            /// The answer was lost (or unreadable), but NHSO had recorded this visit: the code was fetched.
            case recovered
            /// The person already had a code for this service today (from this kiosk or elsewhere).
            case alreadyIssuedToday
            /// The patient authenticated on their phone (the QR path); NHSO's check-authen-status
            /// listed the code it issued.
            case phone
        }

        public var claimCode: ClaimCode
        public var claimDateTime: String
        public var origin: Origin

        public init(claimCode: ClaimCode, claimDateTime: String, origin: Origin) {
            self.claimCode = claimCode
            self.claimDateTime = claimDateTime
            self.origin = origin
        }
    }

    /// - Parameters:
    ///   - serviceDate: today, `YYYY-MM-DD`, in Thai time.
    ///   - mayHaveBeenRecorded: an earlier attempt of this visit went unanswered: look before sending.
    public func submit(_ visit: VisitRequest, serviceDate: String, mayHaveBeenRecorded: Bool = false) async throws(NHSOError) -> Submitted {
        var delay = backoff
        var uncertain: NHSOError? = mayHaveBeenRecorded ? .unreachable(reason: "an earlier attempt was not answered") : nil
        for attempt in 1...attempts {
            if let previous = uncertain {
                // An attempt that went unanswered may still be landing at NHSO: give it time before
                // asking whether it did.
                if attempt > 1 {
                    try? await Task.sleep(for: delay)
                    delay *= 2
                }
                if let found = try await lookUp(visit, serviceDate: serviceDate, after: previous) { return found }
            }
            let answer: ConfirmSaveResponse
            do throws(NHSOError) {
                answer = try await service.confirmSave(visit)
            } catch .visitRejected(let message) {
                if let found = try await lookUp(visit, serviceDate: serviceDate, after: .visitRejected(message: message)) { return found }
                if uncertain != nil {
                    // After an unanswered attempt, a 400 is most likely that attempt's "already
                    // authenticated" whose code is not listed yet: pending, for recovery to settle.
                    throw .visitOutcomeUnknown(reason: "NHSO refused a resend (\(message)) after an unanswered attempt, and does not list its code yet")
                }
                throw .visitRejected(message: message)
            } catch where error.isTransient {
                uncertain = error
                continue
            }
            if let code = answer.claimCode, answer.pid == nil || answer.pid == visit.pid {
                return Submitted(claimCode: code, claimDateTime: answer.createdDate ?? Self.now(), origin: .issued)
            }
            // Committed, but the code cannot be read (or the answer names someone else): look it up.
            let committed = NHSOError.visitOutcomeUnknown(reason: "NHSO recorded the visit but its answer could not be read")
            if let found = try await lookUp(visit, serviceDate: serviceDate, after: committed) { return found }
            throw committed
        }
        // The last attempt may have been recorded before its answer was lost.
        let last = uncertain ?? .unreachable(reason: "not attempted")
        if let found = try await lookUp(visit, serviceDate: serviceDate, after: last) { return found }
        throw last
    }

    /// The code NHSO holds for this visit, if any; a lookup that cannot answer turns `cause` into
    /// `.visitOutcomeUnknown`, so nothing is sent on a guess.
    private func lookUp(_ visit: VisitRequest, serviceDate: String, after cause: NHSOError) async throws(NHSOError) -> Submitted? {
        let existing: AuthenCodeRecord?
        do {
            existing = try await existingCode(for: visit, serviceDate: serviceDate)
        } catch {
            throw .visitOutcomeUnknown(reason: "\(cause.staffMessage); then NHSO could not be asked whether it was recorded: \(error.staffMessage)")
        }
        return existing.map { Submitted(claimCode: $0.claimCode, claimDateTime: $0.claimDateTime, origin: origin(of: $0, for: visit)) }
    }

    /// Today's code for this person and service at this unit: from this unit's latest, the five latest at
    /// every unit, or — where a kiosk token is configured — check-authen-status (NHSO's documented record).
    /// `nil` only when a list that proves absence answered without it; throws when none could.
    public func existingCode(for visit: VisitRequest, serviceDate: String) async throws(NHSOError) -> AuthenCodeRecord? {
        func matches(_ record: AuthenCodeRecord) -> Bool {
            guard record.status != "cancelled" else { return false }
            // The visit's own correlationId names its code whatever date NHSO stamped on it.
            if let id = record.correlationId, id == visit.correlationId { return true }
            return record.claimType == visit.claimType && record.serviceDate == serviceDate
                && (visit.hcode == nil || record.hcode == visit.hcode)
        }
        var failure: NHSOError?
        var absenceProven = false
        do {
            if let latest = try await service.latestAuthenCode(pid: visit.pid), matches(latest) { return latest }
        } catch { failure = error }
        do {
            let five = try await service.latestAuthenCodesAllHospitals(pid: visit.pid)
            if let found = five.first(where: matches) { return found }
            // It proves absence only if nothing was skipped and it reaches back to the service date: five
            // codes all newer than the day (a visit left pending over a weekend) say nothing of it.
            let reachesTheDay = five.count < 5 || five.contains { $0.serviceDate < serviceDate }
            if five.unreadable == 0 && reachesTheDay { absenceProven = true }
        } catch { failure = error }
        do {
            let status = try await service.checkAuthenStatus(pid: visit.pid, serviceDate: serviceDate, serviceCode: visit.claimType)
            let day = status.histories(serviceCode: visit.claimType, hcode: visit.hcode).filter { $0.serviceDateTime.hasPrefix(serviceDate) }
            if let history = day.first {
                return AuthenCodeRecord(
                    pid: visit.pid, claimType: visit.claimType, claimCode: history.claimCode, hcode: history.hospital.hcode,
                    hname: history.hospital.hname, claimDateTime: history.serviceDateTime
                )
            }
            // Only NHSO's own "not found" messages, with every entry read, prove absence.
            if status.unreadableHistories == 0, status.statusMessage == .notFound || status.statusMessage == .notFoundForService
                || (status.statusMessage == .found && !status.serviceHistories.isEmpty) {
                absenceProven = true
            }
        } catch .tokenMissing {
            // No token: check-authen-status is not available here.
        } catch { failure = error }
        if absenceProven { return nil }
        throw failure ?? .malformedAnswer(detail: "NHSO's lists could not prove whether a code exists (entries unreadable, or older than the list reaches)")
    }

    /// How a code found by a lookup relates to the visit: its own (the same correlationId, or NHSO does
    /// not say), or one the person already had today.
    public func origin(of record: AuthenCodeRecord, for visit: VisitRequest) -> Submitted.Origin {
        record.correlationId == nil || record.correlationId == visit.correlationId ? .recovered : .alreadyIssuedToday
    }

    static func now() -> String { ThaiTime.format(Date(), "yyyy-MM-dd'T'HH:mm:ss") }
}
