import Synchronization

/// Misbehaviour the test zone can put on, to prove the kiosk copes: set by flags at start or at run time
/// through `POST /testzone/faults`.
public struct TestZoneFaults: Sendable, Hashable, Codable {
    /// Added to every answer.
    public var latencyMs: Int = 0
    /// Share of requests (0…1) answered `503 Service Unavailable` instead of being served.
    public var errorRate: Double = 0
    /// Requests are never answered (the client's timeout ends them).
    public var hang: Bool = false
    /// confirm-save records the code, then the answer is lost: the client sees no reply.
    public var dropAfterCommit: Bool = false
    /// Answers are cut in the middle, so they are not valid JSON.
    public var malformedJSON: Bool = false
    /// A duplicate confirm-save (already authenticated today) is answered 400 *with* `errors[]`, as a
    /// validation failure looks: whether NHSO does so is not documented, so a client must cope.
    public var duplicateWithErrors: Bool = false
    /// A committed confirm-save is answered with its claim code only (no pid, correlationId, createdDate).
    public var partialCommitBody: Bool = false
    /// Added to the agent's card reads only (the agent checks rights online while it reads): the read
    /// answers about the card that was in the reader when it began.
    public var agentReadLatencyMs: Int = 0

    public init(
        latencyMs: Int = 0, errorRate: Double = 0, hang: Bool = false, dropAfterCommit: Bool = false, malformedJSON: Bool = false,
        duplicateWithErrors: Bool = false, partialCommitBody: Bool = false, agentReadLatencyMs: Int = 0
    ) {
        self.agentReadLatencyMs = agentReadLatencyMs
        self.duplicateWithErrors = duplicateWithErrors
        self.partialCommitBody = partialCommitBody
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.hang = hang
        self.dropAfterCommit = dropAfterCommit
        self.malformedJSON = malformedJSON
    }

    enum CodingKeys: String, CodingKey {
        case latencyMs, errorRate, hang, dropAfterCommit, malformedJSON, duplicateWithErrors, partialCommitBody, agentReadLatencyMs
    }

    /// Every field optional, so `POST /testzone/faults {"hang": true}` names only what it changes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        latencyMs = try c.decodeIfPresent(Int.self, forKey: .latencyMs) ?? 0
        errorRate = try c.decodeIfPresent(Double.self, forKey: .errorRate) ?? 0
        hang = try c.decodeIfPresent(Bool.self, forKey: .hang) ?? false
        dropAfterCommit = try c.decodeIfPresent(Bool.self, forKey: .dropAfterCommit) ?? false
        malformedJSON = try c.decodeIfPresent(Bool.self, forKey: .malformedJSON) ?? false
        duplicateWithErrors = try c.decodeIfPresent(Bool.self, forKey: .duplicateWithErrors) ?? false
        partialCommitBody = try c.decodeIfPresent(Bool.self, forKey: .partialCommitBody) ?? false
        agentReadLatencyMs = try c.decodeIfPresent(Int.self, forKey: .agentReadLatencyMs) ?? 0
    }

    /// How long a hung request waits before the server gives up on it.
    static let hangLimit = Duration.seconds(600)
}

/// The faults in force, changeable while the server runs.
final class FaultSwitch: Sendable {
    private let state: Mutex<TestZoneFaults>

    init(_ faults: TestZoneFaults) { state = Mutex(faults) }

    var current: TestZoneFaults { state.withLock { $0 } }

    func set(_ faults: TestZoneFaults) { state.withLock { $0 = faults } }
}
