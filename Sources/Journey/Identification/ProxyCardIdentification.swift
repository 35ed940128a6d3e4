import NHSO
import ThaiIDCard

/// The guardian's-card path: the patient's id → the guardian's card read → as what and how related →
/// identified (the rights checked are the patient's).
struct ProxyCardIdentification {
    func reduce(_ step: ProxyCardStep, _ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        switch step {
        case .patientID(let entry):
            return .typing(entry, event, editing: { .proxyCard(.patientID($0)) }) {
                .step(.proxyCard(.guardianCard(patient: $0.citizenID!, reading: false, notice: nil)), [])
            }

        case .guardianCard(let patient, let reading, _):
            if event == .back && !reading {
                return .step(.proxyCard(.patientID(NumberEntry(.citizenID, digits: patient.digits))), [])
            }
            func waiting(_ notice: VerifierCardNotice?, reading: Bool = false) -> IdentificationStep {
                .proxyCard(.guardianCard(patient: patient, reading: reading, notice: notice))
            }
            switch VerifierCardRead(patient: patient, reading: reading).handle(event) {
            case .read: return .step(waiting(nil, reading: true), [.readVerifierCard(visit)])
            case .notice(let notice, let cancel): return .step(waiting(notice), cancel ? [.cancel(visit)] : [])
            case .verifier(let guardian): return .step(.proxyCard(.relation(ProxyChoice(patient: patient, guardian: guardian))), [])
            case .ignored: return .ignored
            }

        case .relation(var choice):
            switch choice.board.handle(event) {
            case .editing: return .step(.proxyCard(.relation(choice)), [])
            case .done: return identified(choice)
            case .back: return .step(.proxyCard(.guardianCard(patient: choice.patient, reading: false, notice: nil)), [])
            case .ignored: return .ignored
            }
        }
    }

    private func identified(_ choice: ProxyChoice) -> IdentificationTransition {
        let proxy = Proxy(citizenID: choice.guardian.citizenID, name: choice.guardian.nameTH, role: choice.role!, relationship: choice.relationship!)
        return .identified(Identification(patient: Patient(citizenID: choice.patient, nameTH: ""), path: .proxyCard, proxy: proxy))
    }
}
