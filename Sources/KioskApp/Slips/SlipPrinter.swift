import Journey

/// Where slips go: claim codes, queue slips that send a patient to the registration desk, and the
/// reference of a visit left pending.
public protocol SlipPrinter: Sendable {
    func print(_ slip: Slip) async throws
    func print(_ slip: QueueSlip) async throws
    func print(_ slip: PendingSlip) async throws
    /// The installer's test slip.
    func printTest(language: Language) async throws
    /// The printer as staff see it in the admin menu.
    func statusLine() async -> AdminStatusLine
}
