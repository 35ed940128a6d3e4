import Foundation
import Journey
import NHSO
import Synchronization

/// What a hospital's monitoring wants of each kiosk, counted as the kiosk runs and given out as
/// Prometheus text: authentications by identity path and outcome, NHSO's latency by call, reader,
/// printer and camera errors, paper out, and the visits waiting for NHSO's answer.
public final class KioskMetrics: Sendable {
    fileprivate struct State {
        var pathOfVisit: [VisitID: IdentityPath] = [:]
        var authentications: [Key: Int] = [:]
        var errors: [Key: Int] = [:]
        var latency: [String: Histogram] = [:]
    }

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

    /// What the journey asked to record, and the answers of its effects.
    public func observe(_ effect: JourneyEffect) {
        guard case .record(let visit, let record) = effect else { return }
        state.withLock { state in
            switch record {
            case .identified(_, let path): state.pathOfVisit[visit] = path
            case .pending: state.count(visit, outcome: "pending")
            case .ended(let reason, _): state.count(visit, outcome: reason.rawValue)
            case .rights, .printed, .printFailed: break
            }
        }
    }

    public func observe(_ event: JourneyEvent) {
        guard case .result(let visit, let result) = event else { return }
        state.withLock { state in
            switch result {
            case .visitSubmitted: state.count(visit, outcome: "coded")
            case .phoneAuthenticated: state.pathOfVisit[visit] = .qr; state.count(visit, outcome: "coded")
            case .cardReadFailed(let error): state.errors[Key(labels: ["reader", Self.kind(of: "\(error)")]), default: 0] += 1
            case .agentReadFailed: state.errors[Key(labels: ["reader", "agent"]), default: 0] += 1
            case .cameraFailed: state.errors[Key(labels: ["camera", "failed"]), default: 0] += 1
            case .slipFailed(let reason), .referenceSlipFailed(let reason):
                state.errors[Key(labels: ["printer", reason.contains("paper") ? "paper out" : Self.kind(of: reason)]), default: 0] += 1
            default: break
            }
        }
    }

    /// How long one of NHSO's calls took (`call`: rights, confirmSave…).
    public func observeNHSO(_ call: String, seconds: Double) {
        state.withLock { $0.latency[call, default: Histogram()].add(seconds) }
    }

    /// A short, label-safe phrase for an error's kind: its words, without ids, numbers or signs (an id
    /// in a label would make a series a patient, and a label per patient).
    static func kind(of text: String) -> String {
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter && $0.isASCII) }).joined(separator: " ")
        return String(words.prefix(48)).trimmingCharacters(in: .whitespaces).ifEmpty("other")
    }

    // MARK: Prometheus text

    public func render() -> String {
        let (authentications, errors, latency) = state.withLock { ($0.authentications, $0.errors, $0.latency) }
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
        }
        family("authen_kiosk_up", "gauge", "1 while the kiosk runs.")
        lines.append("authen_kiosk_up 1")
        family("authen_kiosk_authentications_total", "counter", "Visits by identity path and outcome (coded, pending, or why there was no code).")
        for (key, value) in authentications.sorted(by: { $0.key < $1.key }) {
            lines.append("authen_kiosk_authentications_total{path=\"\(key.labels[0])\",outcome=\"\(key.labels[1])\"} \(value)")
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
    /// A visit's outcome, once: the first one counts (a coded visit that later prints is still coded).
    mutating func count(_ visit: VisitID, outcome: String) {
        guard let path = pathOfVisit.removeValue(forKey: visit) else { return }
        authentications[KioskMetrics.Key(labels: [path.rawValue, outcome]), default: 0] += 1
    }
}
