import Foundation
import Journey
import NHSO
import Synchronization

/// What a hospital's monitoring wants of each kiosk, counted as the kiosk runs and given out as
/// Prometheus text: authentications by identity path and outcome, NHSO's latency by call, reader,
/// printer and camera errors, paper out, and the visits waiting for NHSO's answer.
public final class KioskMetrics: Sendable {
    fileprivate struct State {
        /// Each visit's path and latest outcome, oldest first (a visit retried after a failure ends
        /// with the outcome of its last attempt: counted once, as it ended).
        var visits: [VisitID: (path: String, outcome: String?, order: Int)] = [:]
        var nextOrder = 0
        var errors: [Key: Int] = [:]
        var latency: [String: Histogram] = [:]
    }

    /// Visits remembered for the counts: months of a busy kiosk.
    static let visitsKept = 100_000

    /// Labels, in a fixed order.
    struct Key: Hashable, Comparable {
        var labels: [String]
        static func < (a: Key, b: Key) -> Bool { a.labels.lexicographicallyPrecedes(b.labels) }
    }

    struct Histogram {
        static let bounds: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
        var counts = [Int](repeating: 0, count: bounds.count)
        var sum = 0.0
        var count = 0

        mutating func add(_ seconds: Double) {
            for (index, bound) in Self.bounds.enumerated() where seconds <= bound { counts[index] += 1 }
            sum += seconds
            count += 1
        }
    }

    private let state = Mutex(State())
    /// The visits waiting for NHSO's answer, asked at each scrape (the journal knows).
    let pendingVisits: @Sendable () -> Int?

    public init(pendingVisits: @escaping @Sendable () -> Int? = { nil }) {
        self.pendingVisits = pendingVisits
    }

    // MARK: Observing

    /// What the journey asked for: where a visit starts tells its path (a card read, a phone awaited);
    /// its records tell the path for certain and how it ended.
    public func observe(_ effect: JourneyEffect) {
        state.withLock { state in
            switch effect {
            case .readCard(let visit): state.start(visit, path: IdentityPath.card.rawValue)
            case .awaitPhoneAuthentication(let visit, _, _): state.start(visit, path: IdentityPath.qr.rawValue, replacing: true)
            case .record(let visit, .identified(_, let path)): state.start(visit, path: path.rawValue, replacing: true)
            case .record(let visit, .pending): state.end(visit, outcome: "pending")
            case .record(let visit, .ended(let reason, _)): state.end(visit, outcome: reason.rawValue)
            default: break
            }
        }
    }

    public func observe(_ event: JourneyEvent) {
        guard case .result(let visit, let result) = event else { return }
        state.withLock { state in
            switch result {
            case .visitSubmitted: state.end(visit, outcome: "coded")
            case .phoneAuthenticated: state.start(visit, path: IdentityPath.qr.rawValue, replacing: true); state.end(visit, outcome: "coded")
            case .cardReadFailed: state.errors[Key(labels: ["reader", "card unreadable"]), default: 0] += 1
            case .agentReadFailed: state.errors[Key(labels: ["reader", "agent failed"]), default: 0] += 1
            case .cameraFailed: state.errors[Key(labels: ["camera", "failed"]), default: 0] += 1
            case .slipFailed(let reason), .referenceSlipFailed(let reason):
                state.errors[Key(labels: ["printer", Self.printerKind(reason)]), default: 0] += 1
            default: break
            }
        }
    }

    /// How long one of NHSO's calls took (`call`: rights, confirmSave…).
    public func observeNHSO(_ call: String, seconds: Double) {
        state.withLock { $0.latency[call, default: Histogram()].add(seconds) }
    }

    /// A printer's failure as one of a few fixed kinds: free text in a label (a file name, an address)
    /// would make a series per slip.
    static func printerKind(_ reason: String) -> String {
        let text = reason.lowercased()
        if text.contains("out of paper") { return "paper out" }
        if text.contains("cover") { return "cover open" }
        if text.contains("offline") { return "offline" }
        if text.contains("answer") || text.contains("time") { return "not answering" }
        if text.contains("reach") || text.contains("connect") { return "unreachable" }
        return "other"
    }

    // MARK: Prometheus text

    public func render() -> String {
        let (visits, errors, latency) = state.withLock { ($0.visits, $0.errors, $0.latency) }
        var authentications: [Key: Int] = [:]
        for visit in visits.values { if let outcome = visit.outcome { authentications[Key(labels: [visit.path, outcome]), default: 0] += 1 } }
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
        }
        family("authen_kiosk_up", "gauge", "1 while the kiosk runs.")
        lines.append("authen_kiosk_up 1")
        family("authen_kiosk_visits", "gauge", "Visits since the kiosk started, by identity path and how each ended (coded, pending, or why there was no code); a visit tried again counts once, as its last attempt ended.")
        for (key, value) in authentications.sorted(by: { $0.key < $1.key }) {
            lines.append("authen_kiosk_visits{path=\"\(key.labels[0])\",outcome=\"\(key.labels[1])\"} \(value)")
        }
        family("authen_kiosk_errors_total", "counter", "Reader, printer and camera errors by kind; paper out is a printer error of its own.")
        for (key, value) in errors.sorted(by: { $0.key < $1.key }) {
            lines.append("authen_kiosk_errors_total{device=\"\(Self.escape(key.labels[0]))\",kind=\"\(Self.escape(key.labels[1]))\"} \(value)")
        }
        family("authen_kiosk_paper_out_total", "counter", "Slips not printed because the printer was out of paper.")
        lines.append("authen_kiosk_paper_out_total \(errors[Key(labels: ["printer", "paper out"])] ?? 0)")
        family("authen_kiosk_nhso_request_seconds", "histogram", "How long NHSO (or its agent) took to answer, by call.")
        for (call, histogram) in latency.sorted(by: { $0.key < $1.key }) {
            for (index, bound) in Histogram.bounds.enumerated() {
                lines.append("authen_kiosk_nhso_request_seconds_bucket{call=\"\(call)\",le=\"\(bound)\"} \(histogram.counts[index])")
            }
            lines.append("authen_kiosk_nhso_request_seconds_bucket{call=\"\(call)\",le=\"+Inf\"} \(histogram.count)")
            lines.append("authen_kiosk_nhso_request_seconds_sum{call=\"\(call)\"} \(histogram.sum)")
            lines.append("authen_kiosk_nhso_request_seconds_count{call=\"\(call)\"} \(histogram.count)")
        }
        if let pending = pendingVisits() {
            family("authen_kiosk_pending_visits", "gauge", "Visits sent to NHSO whose answer has not come (recovery settles them).")
            lines.append("authen_kiosk_pending_visits \(pending)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
    }
}

extension KioskMetrics.State {
    /// A visit begins on `path` (or turns out to be on it).
    mutating func start(_ visit: VisitID, path: String, replacing: Bool = false) {
        if var known = visits[visit] {
            if replacing { known.path = path; visits[visit] = known }
            return
        }
        visits[visit] = (path, nil, nextOrder)
        nextOrder += 1
        if visits.count > KioskMetrics.visitsKept, let oldest = visits.min(by: { $0.value.order < $1.value.order })?.key {
            visits.removeValue(forKey: oldest)
        }
    }

    /// How the visit ended, as far as now: a later attempt of the same visit replaces it.
    mutating func end(_ visit: VisitID, outcome: String) {
        if visits[visit] == nil { start(visit, path: "unknown") }
        visits[visit]?.outcome = outcome
    }
}
