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
            switch event {
            case .cardInserted where !reading:
                return .step(.proxyCard(.guardianCard(patient: patient, reading: true, notice: nil)), [.readCard(visit)])
            case .cardRemoved where reading:
                return .step(.proxyCard(.guardianCard(patient: patient, reading: false, notice: .removed)), [.cancel(visit)])
            case .result(_, .cardRead(let card)) where reading:
                guard card.citizenID != patient else {
                    return .step(.proxyCard(.guardianCard(patient: patient, reading: false, notice: .isThePatientsCard)), [])
                }
                return .step(.proxyCard(.relation(ProxyChoice(patient: patient, guardian: Patient(card: card)))), [])
            case .result(_, .cardReadFailed(let error)) where reading:
                return .step(.proxyCard(.guardianCard(patient: patient, reading: false, notice: error.isCardRemoved ? .removed : .unreadable)), [])
            case .result(_, .agentRead(let rights)) where reading:
                // NHSO's agent reads the card and checks the rights of whoever it belongs to: the guardian.
                guard let guardian = Patient(agentRead: rights), guardian.citizenID != patient else {
                    return .step(.proxyCard(.guardianCard(patient: patient, reading: false, notice: .isThePatientsCard)), [])
                }
                return .step(.proxyCard(.relation(ProxyChoice(patient: patient, guardian: guardian))), [])
            case .result(_, .agentReadFailed) where reading:
                return .step(.proxyCard(.guardianCard(patient: patient, reading: false, notice: .unreadable)), [])
            case .back where !reading:
                return .step(.proxyCard(.patientID(NumberEntry(.citizenID, digits: patient.digits))), [])
            default:
                return .ignored
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
