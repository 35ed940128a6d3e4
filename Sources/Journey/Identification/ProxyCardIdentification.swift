import NHSO
import ThaiIDCard

/// The guardian's-card path: the patient's id → the guardian's card read → as what and how related →
/// identified (the rights checked are the patient's).
struct ProxyCardIdentification {
    func reduce(_ step: ProxyCardStep, _ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        switch step {
        case .patientID(var entry):
            guard event.isEntryInput else { return .ignored }
            switch entry.handle(event) {
            case .editing: return .step(.proxyCard(.patientID(entry)), [])
            case .cancelled: return .leave
            case .done: return .step(.proxyCard(.guardianCard(patient: entry.citizenID!, reading: false, notice: nil)), [])
            }

        case .guardianCard(let patient, let reading, _):
            if event == .back && !reading {
                return .step(.proxyCard(.patientID(NumberEntry(.citizenID, digits: patient.digits))), [])
            }
            func waiting(_ notice: VerifierCardNotice?, reading: Bool = false) -> IdentificationStep {
                .proxyCard(.guardianCard(patient: patient, reading: reading, notice: notice))
            }
            switch VerifierCardRead(patient: patient, reading: reading).handle(event) {
            case .read: return .step(waiting(nil, reading: true), [.readCard(visit)])
            case .notice(let notice, let cancel): return .step(waiting(notice), cancel ? [.cancel(visit)] : [])
            case .verifier(let guardian): return .step(.proxyCard(.relation(ProxyChoice(patient: patient, guardian: guardian))), [])
            case .ignored: return .ignored
            }

        case .relation(var choice):
            switch event {
            case .digit(let digit) where choice.typed.count < 2:
                choice.typed.append(String(digit))
            case .backspace where !choice.typed.isEmpty:
                choice.typed.removeLast()
            case .enter where !choice.typed.isEmpty:
                if let number = Int(choice.typed), (1...ProxyChoice.itemCount).contains(number) { choice.pick(number - 1) }
                choice.typed = ""
            case .enter where choice.focus == ProxyChoice.continueIndex && choice.isComplete:
                return identified(choice)
            case .enter:
                choice.pick(choice.focus)
            case .select(let index) where (0..<ProxyChoice.itemCount).contains(index):
                choice.pick(index)
            case .select(ProxyChoice.continueIndex) where choice.isComplete:
                return identified(choice)
            case .nextChoice:
                choice.focus = (choice.focus + 1) % (ProxyChoice.itemCount + 1)
            case .previousChoice:
                choice.focus = (choice.focus + ProxyChoice.itemCount) % (ProxyChoice.itemCount + 1)
            case .back, .backspace:
                return .step(.proxyCard(.guardianCard(patient: choice.patient, reading: false, notice: nil)), [])
            default:
                return .ignored
            }
            return .step(.proxyCard(.relation(choice)), [])
        }
    }

    private func identified(_ choice: ProxyChoice) -> IdentificationTransition {
        let proxy = Proxy(citizenID: choice.guardian.citizenID, name: choice.guardian.nameTH, role: choice.role!, relationship: choice.relationship!)
        return .identified(Identification(patient: Patient(citizenID: choice.patient, nameTH: ""), path: .proxyCard, proxy: proxy))
    }
}
