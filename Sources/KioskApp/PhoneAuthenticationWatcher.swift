import Foundation
import Journey
import NHSO
import ThaiIDCard

/// The QR path's wait: asks check-authen-status until it lists today's authentication of the patient at
/// this unit — what the patient's phone did — and answers with its code. It asks at once (the patient
/// usually finishes on the phone before typing the id), then backs off from 1 s to 2 s between asks:
/// a code that appears is on screen within about 2 s plus NHSO's answer time. Errors waiting may mend
/// (network, 5xx, 408, 429) are asked again; others end the wait. Cancelled with the visit's tasks.
public struct PhoneAuthenticationWatcher: Sendable {
    let nhso: any NHSOService
    let serviceDate: String
    /// The earliest service time a phone's code may carry (`yyyy-MM-ddTHH:mm:ss`, Thai time): a code
    /// from earlier in the day (this morning's card visit, another unit's) is not this patient's phone.
    let notBefore: String
    let firstPause: Duration
    let longestPause: Duration

    /// How long before the wait began the phone's authentication may have been done: the patient scans
    /// the QR and authenticates before typing the id.
    public static let phoneLead: TimeInterval = 15 * 60

    public init(nhso: any NHSOService, now: Date = Date(), firstPause: Duration = .seconds(1), longestPause: Duration = .seconds(2)) {
        self.nhso = nhso
        serviceDate = ThaiTime.today(now)
        notBefore = ThaiTime.format(now.addingTimeInterval(-Self.phoneLead), "yyyy-MM-dd'T'HH:mm:ss")
        self.firstPause = firstPause
        self.longestPause = longestPause
    }

    /// The authentication once NHSO lists it, or why asking failed; `nil` when cancelled.
    public func wait(pid: String, hcode: String?) async -> EffectResult? {
        var pause = firstPause
        while !Task.isCancelled {
            do throws(NHSOError) {
                let status = try await nhso.checkAuthenStatus(pid: pid, serviceDate: serviceDate, serviceCode: nil)
                if let found = Self.authentication(in: status, pid: pid, serviceDate: serviceDate, notBefore: notBefore, hcode: hcode) {
                    return .phoneAuthenticated(found)
                }
            } catch {
                if !error.isTransient { return Task.isCancelled ? nil : .phoneAuthenticationFailed(error) }
            }
            try? await Task.sleep(for: pause)
            pause = min(longestPause, pause * 1.5)
        }
        return nil
    }

    /// The latest code at this unit for `pid` made since `notBefore` (on the service date), with the
    /// person's name as NHSO has it.
    public static func authentication(in status: AuthenStatus, pid: String, serviceDate: String, notBefore: String, hcode: String?) -> PhoneAuthentication? {
        guard status.personalId == nil || status.personalId == pid, let id = CitizenID(pid) else { return nil }
        let today = status.histories(hcode: hcode).filter {
            $0.serviceDateTime.hasPrefix(serviceDate) && String($0.serviceDateTime.prefix(19)) >= notBefore
        }
        guard let latest = today.max(by: { $0.serviceDateTime < $1.serviceDateTime }) else { return nil }
        let name = [status.firstName, status.middleName, status.lastName].compactMap { $0 }
            .map { ServerText.clean($0) }.filter { !$0.isEmpty }.joined(separator: " ")
        return PhoneAuthentication(
            patient: Patient(citizenID: id, nameTH: name),
            service: ClaimType(claimType: latest.service.code, claimTypeName: ServerText.clean(latest.service.name)),
            submitted: .init(claimCode: latest.claimCode, claimDateTime: latest.serviceDateTime, origin: .phone)
        )
    }
}
