import NHSO
import ThaiIDCard

/// The staff path. Kiosk: the desk and a queue slip, no visit sent. Station: the patient's id → the staff
/// member's card, checked against the staff list → identified, with the staff member as the verifier.
struct StaffIdentification {
    let configuration: JourneyConfiguration

    func reduce(_ step: StaffStep, _ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        switch step {
        case .toDesk(let reference, _):
            switch event {
            case .result(let visit, .slipPrinted):
                return .step(.staff(.toDesk(reference: reference, slip: .printed)), [.record(visit, .printed)])
            case .result(let visit, .slipFailed(let reason)):
                return .step(.staff(.toDesk(reference: reference, slip: .failed(reason))), [.record(visit, .printFailed(reason: reason))])
            case .enter, .back: return .finished
            default: return .ignored
            }

        case .patientID(let entry):
            return .typing(entry, event, editing: { .staff(.patientID($0)) }) {
                .step(.staff(.staffCard(patient: $0.citizenID!, reading: false, notice: nil)), [])
            }

        case .staffCard(let patient, let reading, _):
            if event == .back && !reading {
                return .step(.staff(.patientID(NumberEntry(.citizenID, digits: patient.digits))), [])
            }
            func waiting(_ notice: VerifierCardNotice?, reading: Bool = false) -> IdentificationStep {
                .staff(.staffCard(patient: patient, reading: reading, notice: notice))
            }
            switch VerifierCardRead(patient: patient, reading: reading).handle(event) {
            case .read:
                return .step(waiting(nil, reading: true), [.readVerifierCard(visit)])
            case .notice(let notice, let cancel):
                return .step(waiting(notice), cancel ? [.cancel(visit)] : [])
            case .verifier(let staff) where !configuration.staffIDs.contains(staff.citizenID.digits):
                return .step(waiting(.notOnStaffList), [])
            case .verifier(let staff):
                let proxy = Proxy(citizenID: staff.citizenID, name: staff.nameTH, role: .staffRecorder, relationship: .caretakingOfficer)
                return .identified(Identification(patient: Patient(citizenID: patient, nameTH: ""), path: .staff, proxy: proxy))
            case .ignored:
                return .ignored
            }
        }
    }
}
