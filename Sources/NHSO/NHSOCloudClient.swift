import Logging

/// NHSO's cloud API, authenticated with the hospital's kiosk token (`direct` backend).
public final class NHSOCloudClient: NHSOService {
    let calls: NHSOCalls

    /// - Parameters:
    ///   - baseURL: the zone's address; `zone.baseURL` unless a test-zone simulator stands in for it.
    public init(
        zone: NHSOZone, token: KioskToken, baseURL: String? = nil, timeouts: NHSOTimeouts = NHSOTimeouts(),
        logger: Logger = Logger(label: "authen-kiosk.nhso")
    ) {
        let transport = HTTPTransport(baseURL: baseURL ?? zone.baseURL, token: token, timeouts: timeouts, logger: logger)
        calls = NHSOCalls(transport: transport, paths: .cloud)
    }


    public func checkRights(pid: String) async throws(NHSOError) -> RightsCheck {
        try await calls.checkRights(pid: pid)
    }

    public func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        try await calls.confirmSave(visit)
    }

    public func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse {
        try await calls.saveAsDraft(visit)
    }

    public func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? {
        try await calls.latestAuthenCode(pid: pid)
    }

    public func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> [AuthenCodeRecord] {
        try await calls.latestAuthenCodesAllHospitals(pid: pid)
    }

    public func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus {
        try await calls.checkAuthenStatus(pid: pid, serviceDate: serviceDate, serviceCode: serviceCode)
    }
}
