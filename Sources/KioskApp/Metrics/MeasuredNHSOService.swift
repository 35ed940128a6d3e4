import NHSO

/// NHSO's service with each call timed for the metrics: the same answers, the same errors.
struct MeasuredNHSOService: NHSOService {
    let inner: any NHSOService
    let metrics: KioskMetrics

    private func timed<T>(_ call: String, _ body: () async throws(NHSOError) -> T) async throws(NHSOError) -> T {
        let started = ContinuousClock.now
        defer { metrics.observeNHSO(call, seconds: (ContinuousClock.now - started).milliseconds / 1000) }
        return try await body()
    }

    func checkRights(pid: String) async throws(NHSOError) -> RightsCheck {
        try await timed("rights") { () async throws(NHSOError) in try await inner.checkRights(pid: pid) }
    }

    func confirmSave(_ visit: VisitRequest) async throws(NHSOError) -> ConfirmSaveResponse {
        try await timed("confirmSave") { () async throws(NHSOError) in try await inner.confirmSave(visit) }
    }

    func saveAsDraft(_ visit: VisitRequest) async throws(NHSOError) -> DraftResponse {
        try await timed("saveAsDraft") { () async throws(NHSOError) in try await inner.saveAsDraft(visit) }
    }

    func latestAuthenCode(pid: String) async throws(NHSOError) -> AuthenCodeRecord? {
        try await timed("latestAuthenCode") { () async throws(NHSOError) in try await inner.latestAuthenCode(pid: pid) }
    }

    func latestAuthenCodesAllHospitals(pid: String) async throws(NHSOError) -> AuthenCodeList {
        try await timed("latestFive") { () async throws(NHSOError) in try await inner.latestAuthenCodesAllHospitals(pid: pid) }
    }

    func checkAuthenStatus(pid: String, serviceDate: String, serviceCode: String?) async throws(NHSOError) -> AuthenStatus {
        try await timed("checkAuthenStatus") { () async throws(NHSOError) in
            try await inner.checkAuthenStatus(pid: pid, serviceDate: serviceDate, serviceCode: serviceCode)
        }
    }
}
