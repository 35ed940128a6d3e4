import NHSO

/// How a test zone behaves: its zone, the kiosk tokens it accepts (each belongs to one unit), and the
/// unit of the agent-compatible paths.
public struct TestZoneConfiguration: Sendable {
    /// The token the test zone accepts by default, for unit 10757 (รพ.พระนั่งเกล้า).
    public static let defaultTestToken = "testzone-kiosk-token-10757"
    /// A production-zone token: the test zone refuses it with 401, as NHSO refuses a token of the other
    /// zone.
    public static let defaultProductionToken = "production-kiosk-token-10757"

    public var zone: NHSOZone
    /// Kiosk tokens of this zone and the unit each was issued to.
    public var tokens: [String: Hospital]
    /// Tokens of the other zone (refused with a message that says so).
    public var otherZoneTokens: Set<String>
    /// The unit whose Secure Smartcard Agent the agent-compatible paths stand in for.
    public var agentUnit: Hospital
    public var agentTerminalName: String
    /// Where visits of patients authenticated without their own card are accepted (under `/authencode`
    /// for the cloud, as is for the agent). NHSO publishes no such path: set it elsewhere to make the
    /// simulator disagree with the kiosk's assumption (`--verified-path`).
    public var verifiedPath: String

    public init(
        zone: NHSOZone = .test,
        tokens: [String: Hospital] = [defaultTestToken: Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า")],
        otherZoneTokens: Set<String> = [defaultProductionToken],
        agentUnit: Hospital = Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า"),
        agentTerminalName: String = "NHSO Test Zone Reader 00",
        verifiedPath: String = "/api/nhso-service/confirm-save-verified"
    ) {
        self.verifiedPath = verifiedPath
        self.zone = zone
        self.tokens = tokens
        self.otherZoneTokens = otherZoneTokens
        self.agentUnit = agentUnit
        self.agentTerminalName = agentTerminalName
    }
}
