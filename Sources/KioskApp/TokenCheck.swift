import NHSO

/// Whether NHSO takes a kiosk token: one check-authen-status question about an id that belongs to
/// nobody (nothing is recorded). Only NHSO's own answer counts: a decoded status means the token was
/// taken, 401/403 that it was refused, anything else (a proxy's page, a wrong path, a 5xx, no answer)
/// that it could not be told. Doctor and the counter's token page both ask it.
public enum TokenCheck: Sendable {
    case accepted
    case refused(status: Int)
    case unknown(String)

    /// A citizen id with a valid check digit that belongs to nobody.
    public static let probeID = "1000000000009"

    public static func ask(_ nhso: any NHSOService) async -> TokenCheck {
        do throws(NHSOError) {
            _ = try await nhso.checkAuthenStatus(pid: probeID, serviceDate: ThaiTime.today(), serviceCode: nil)
            return .accepted
        } catch .tokenRejected(let status) {
            return .refused(status: status)
        } catch {
            return .unknown(error.staffMessage)
        }
    }
}
