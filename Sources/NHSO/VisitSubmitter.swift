/// Submits a visit so that it never yields two claim codes, whatever the network does.
///
/// A retry reuses the visit's `correlationId`. After a failure that leaves it unknown whether NHSO
/// recorded the visit (a timeout, a lost connection, a 5xx), it first asks NHSO for the latest code of
/// the person before trying again. NHSO's "already authenticated today" (400) is answered with the
/// existing code, which is as good for the patient and the hospital.
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
        public enum Origin: Sendable, Hashable {
            /// NHSO issued it in answer to this submission.
            case issued
            /// The answer was lost, but NHSO had recorded this visit: the code was fetched afterwards.
            case recovered
            /// The person already had a code for this service today (from this kiosk or elsewhere).
            case alreadyIssuedToday
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

    /// - Parameter serviceDate: today, `YYYY-MM-DD`, in Thai time.
    public func submit(_ visit: VisitRequest, serviceDate: String) async throws(NHSOError) -> Submitted {
        var delay = backoff
        var lastError = NHSOError.unreachable(reason: "not attempted")
        for attempt in 1...attempts {
            if attempt > 1 {
                // The previous attempt may have been recorded before its answer was lost.
                if let existing = try? await existingCode(for: visit, serviceDate: serviceDate) {
                    return Submitted(claimCode: existing.claimCode, claimDateTime: existing.claimDateTime, origin: origin(of: existing, for: visit))
                }
                try? await Task.sleep(for: delay)
                delay *= 2
            }
            do {
                let answer = try await service.confirmSave(visit)
                return Submitted(claimCode: answer.claimCode, claimDateTime: answer.createdDate, origin: .issued)
            } catch .alreadyAuthenticated {
                let existing = try await existingCode(for: visit, serviceDate: serviceDate)
                guard let existing else { throw .alreadyAuthenticated(existing: nil) }
                return Submitted(claimCode: existing.claimCode, claimDateTime: existing.claimDateTime, origin: origin(of: existing, for: visit))
            } catch where error.isTransient {
                lastError = error
            }
        }
        throw lastError
    }

    /// Today's code for this person and service, from this unit's latest or, failing that, from the
    /// five latest at every unit.
    func existingCode(for visit: VisitRequest, serviceDate: String) async throws(NHSOError) -> AuthenCodeRecord? {
        func matches(_ record: AuthenCodeRecord) -> Bool {
            record.claimType == visit.claimType && record.serviceDate == serviceDate && record.status != "cancelled"
                && (visit.hcode == nil || record.hcode == visit.hcode)
        }
        if let latest = try await service.latestAuthenCode(pid: visit.pid), matches(latest) { return latest }
        return try await service.latestAuthenCodesAllHospitals(pid: visit.pid).first(where: matches)
    }

    private func origin(of record: AuthenCodeRecord, for visit: VisitRequest) -> Submitted.Origin {
        record.correlationId == visit.correlationId ? .recovered : .alreadyIssuedToday
    }
}
