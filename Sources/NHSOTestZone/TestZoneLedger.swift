import Foundation
import NHSO

/// An issued claim code and the visit it belongs to.
public struct Claim: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable { case confirmed, cancelled }

    public var claimCode: ClaimCode
    public var pid: String
    public var claimType: String
    public var hcode: String
    public var correlationId: String
    /// Local time of issue, `2023-04-11T13:20:36`.
    public var createdAt: String
    public var mobile: String
    public var hn: String?
    /// `KIOSK`, `AGENT`, `MOBILE`.
    public var sourceChannel: String
    public var status: Status

    public var serviceDate: Substring { createdAt.prefix(10) }
}

/// A visit saved as draft (no code yet).
public struct Draft: Sendable, Hashable, Codable {
    public var visit: VisitRequest
    public var hcode: String
    public var createdAt: String
}

/// What the test zone has recorded: claims, drafts, and the code counter. In memory; a `TestZoneStore`
/// makes it durable.
public actor TestZoneLedger {
    private(set) var claims: [Claim] = []
    private(set) var drafts: [Draft] = []
    private var lastCodeNumber: UInt64
    private let store: (any TestZoneStore)?

    public enum Refusal: Error, Sendable, Hashable {
        /// A code already exists for this person, service and day.
        case alreadyAuthenticated(Claim)
    }

    /// - Parameter store: where claims are kept across restarts; `nil` keeps them in memory only.
    public init(store: (any TestZoneStore)? = nil) throws {
        self.store = store
        let saved = try store?.load()
        claims = saved?.claims ?? []
        drafts = saved?.drafts ?? []
        // Codes have NHSO's shape (PP and ten digits) but start PP00000…, which NHSO's do not: a test
        // code on a slip or in a journal is told apart at a glance. The counter only grows, so a code is
        // never issued twice.
        lastCodeNumber = saved?.lastCodeNumber ?? 0
    }

    /// Issues a code, unless the person already has one for this service today.
    public func confirm(_ visit: VisitRequest, hcode: String, at now: String, channel: String) throws -> Claim {
        if let existing = claims.last(where: {
            $0.pid == visit.pid && $0.claimType == visit.claimType && $0.serviceDate == now.prefix(10) && $0.status == .confirmed
        }) {
            throw Refusal.alreadyAuthenticated(existing)
        }
        lastCodeNumber += 1
        let claim = Claim(
            claimCode: ClaimCode("PP" + String(String(lastCodeNumber).suffix(10)).leftPadded(to: 10))!, pid: visit.pid, claimType: visit.claimType,
            hcode: hcode, correlationId: visit.correlationId, createdAt: now, mobile: visit.mobile, hn: visit.hn,
            sourceChannel: channel, status: .confirmed
        )
        claims.append(claim)
        drafts.removeAll { $0.visit.correlationId == visit.correlationId }
        try store?.saveClaim(claim, lastCodeNumber: lastCodeNumber)
        return claim
    }

    public func saveDraft(_ visit: VisitRequest, hcode: String, at now: String) throws -> Draft {
        let draft = Draft(visit: visit, hcode: hcode, createdAt: now)
        drafts.removeAll { $0.visit.correlationId == visit.correlationId }
        drafts.append(draft)
        try store?.saveDraft(draft)
        return draft
    }

    /// Cancels a code (staff "delete confirmed entry"); the person may then be confirmed again that day.
    public func cancel(_ code: ClaimCode) throws -> Claim? {
        guard let index = claims.firstIndex(where: { $0.claimCode == code }) else { return nil }
        claims[index].status = .cancelled
        try store?.saveClaim(claims[index], lastCodeNumber: lastCodeNumber)
        return claims[index]
    }

    /// The latest confirmed code this unit obtained for the person.
    public func latest(pid: String, hcode: String) -> Claim? {
        claims.last { $0.pid == pid && $0.hcode == hcode && $0.status == .confirmed }
    }

    /// The five latest codes for the person, at every unit, newest first.
    public func latestFive(pid: String) -> [Claim] {
        Array(claims.filter { $0.pid == pid }.reversed().prefix(5))
    }

    /// Confirmed codes of a person on a day, oldest first.
    public func history(pid: String, date: String) -> [Claim] {
        claims.filter { $0.pid == pid && $0.serviceDate == date && $0.status == .confirmed }
    }

    public func allClaims() -> [Claim] { claims }
    public func allDrafts() -> [Draft] { drafts }
}

/// Durable storage for the ledger.
public protocol TestZoneStore: Sendable {
    func load() throws -> (claims: [Claim], drafts: [Draft], lastCodeNumber: UInt64)
    func saveClaim(_ claim: Claim, lastCodeNumber: UInt64) throws
    func saveDraft(_ draft: Draft) throws
}

extension String {
    /// The text with zeros before it, up to `length` characters.
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
