/// What the kiosk asks of NHSO, whichever way it reaches it (the cloud API with the kiosk token, or the
/// local Secure Smartcard Agent).
public protocol NHSOService: Sendable {
    /// The person's rights today, with the services they may claim and the `correlationId` to echo.
    func checkRights(pid: String) async throws(NHSOError) -> RightsCheck
    /// Records the visit and returns its claim code. Any 2xx is a committed visit (its code may be
    /// unreadable: `ConfirmSaveResponse.unreadable`); any 400 is `.visitRejected`, which may be NHSO's
    /// "already authenticated today" or a validation failure: `VisitSubmitter` tells them apart.
    func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse
    /// Records the visit without asking for a code yet.
    func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse
    /// The latest code this unit obtained for the person, or `nil` if none.
    func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord?
    /// The five latest codes for the person, at every unit, newest first (with a count of entries that
    /// could not be read).
    func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> AuthenCodeList
    /// NHSO's record of the person's authentications on a day (`YYYY-MM-DD`), optionally for one service.
    func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus
}

/// NHSO runs two zones with different addresses and different tokens.
public enum NHSOZone: String, Sendable, Hashable, CaseIterable {
    case test
    case production

    /// The cloud API's base address in this zone.
    public var baseURL: String {
        switch self {
        case .test: "https://test.nhso.go.th"
        case .production: "https://nhso.go.th"
        }
    }
}

/// Where each call goes, relative to a base address: the one table of NHSO paths, each of which a
/// hospital can change from its configuration (`nhso.paths.<name>`). The agent's paths are NHSO's
/// (domain notes §4.1); for the cloud API NHSO publishes none but check-authen-status, so the cloud
/// keeps the agent's paths under `/authencode` — an assumption. `verifiedConfirmSave` (visits of
/// patients authenticated without their own card: photo, guardian, staff) is an assumption everywhere:
/// NHSO has only its web form for those.
public struct NHSOPaths: Sendable, Hashable {
    public var rights: String
    public var confirmSave: String
    public var verifiedConfirmSave: String
    public var saveAsDraft: String
    public var latestAuthenCode: String
    public var latestFive: String
    public var checkAuthenStatus: String

    public static let agent = NHSOPaths(prefix: "")
    public static let cloud = NHSOPaths(prefix: "/authencode")

    public init(prefix: String) {
        rights = prefix + "/api/smartcard/probe/"
        confirmSave = prefix + "/api/nhso-service/confirm-save"
        verifiedConfirmSave = prefix + "/api/nhso-service/confirm-save-verified"
        saveAsDraft = prefix + "/api/nhso-service/save-as-draft"
        latestAuthenCode = prefix + "/api/nhso-service/latest-authen-code/"
        latestFive = prefix + "/api/nhso-service/latest-5-authen-code-all-hospital/"
        checkAuthenStatus = "/authencodestatus/api/check-authen-status"
    }

    /// The paths by their configuration names (key paths are immutable values; Swift 6.0 does not yet
    /// mark them Sendable).
    nonisolated(unsafe) public static let names: [String: WritableKeyPath<NHSOPaths, String>] = [
        "rights": \.rights, "confirmSave": \.confirmSave, "verifiedConfirmSave": \.verifiedConfirmSave,
        "saveAsDraft": \.saveAsDraft, "latestAuthenCode": \.latestAuthenCode, "latestFive": \.latestFive,
        "checkAuthenStatus": \.checkAuthenStatus,
    ]

    /// These paths with some replaced, by name.
    public func replacing(_ overrides: [String: String]) -> NHSOPaths {
        var paths = self
        for (name, path) in overrides { if let key = Self.names[name] { paths[keyPath: key] = path } }
        return paths
    }
}
