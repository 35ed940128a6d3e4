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

    public init(latencyMs: Int = 0, errorRate: Double = 0, hang: Bool = false, dropAfterCommit: Bool = false, malformedJSON: Bool = false) {
        self.latencyMs = latencyMs
        self.errorRate = errorRate
        self.hang = hang
        self.dropAfterCommit = dropAfterCommit
        self.malformedJSON = malformedJSON
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
