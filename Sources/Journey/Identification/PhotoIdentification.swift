import NHSO
import ThaiIDCard

/// The photo path: the patient's id → the camera (preview, countdown, confirm or retake) → identified,
/// with the photo's id (the app holds the picture).
struct PhotoIdentification {
    func reduce(_ step: PhotoStep, _ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        switch step {
        case .patientID(let entry):
            return .typing(entry, event, editing: { .photo(.patientID($0)) }) {
                .step(.photo(.camera(patient: $0.citizenID!, PhotoCapture())), [.startCamera(visit)])
            }
        case .camera(let patient, var capture):
            switch capture.handle(event, visit: visit) {
            case .editing(let effects): return .step(.photo(.camera(patient: patient, capture)), effects)
            case .ignored: return .ignored
            case .back:
                return .step(.photo(.patientID(NumberEntry(.citizenID, digits: patient.digits))), [.stopCamera(visit)])
            case .done(let photo):
                return .identified(Identification(patient: Patient(citizenID: patient, nameTH: ""), path: .photo, photoID: photo.id))
            }
        }
    }
}

/// The proxy-photo path: patient's id → guardian's id → kind of ID and reason → the guardian's photo
/// with that ID → as what and how related → identified.
struct ProxyPhotoIdentification {
    func reduce(_ step: ProxyPhotoStep, _ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        switch step {
        case .patientID(let entry):
            return .typing(entry, event, editing: { .proxyPhoto(.patientID($0)) }) {
                .step(.proxyPhoto(.guardianID(patient: $0.citizenID!, NumberEntry(.citizenID))), [])
            }

        case .guardianID(let patient, let entry):
            return .typing(entry, event, editing: { .proxyPhoto(.guardianID(patient: patient, $0)) },
                           cancelled: .step(.proxyPhoto(.patientID(NumberEntry(.citizenID, digits: patient.digits))), [])) { done in
                // The guardian is someone else: the same id is a typing slip, said as a wrong id.
                guard done.citizenID != patient else { return .step(.proxyPhoto(.guardianID(patient: patient, done.withMessage(.sameAsPatient))), []) }
                return .step(.proxyPhoto(.document(ProxyPhotoForm(patient: patient, guardian: done.citizenID!))), [])
            }

        case .document(var form):
            switch form.board.handle(event) {
            case .editing: return .step(.proxyPhoto(.document(form)), [])
            case .done: return .step(.proxyPhoto(.camera(form, PhotoCapture())), [.startCamera(visit)])
            case .back: return .step(.proxyPhoto(.guardianID(patient: form.patient, NumberEntry(.citizenID, digits: form.guardian.digits))), [])
            case .ignored: return .ignored
            }

        case .camera(var form, var capture):
            switch capture.handle(event, visit: visit) {
            case .editing(let effects): return .step(.proxyPhoto(.camera(form, capture)), effects)
            case .ignored: return .ignored
            case .back: return .step(.proxyPhoto(.document(form)), [.stopCamera(visit)])
            case .done(let photo):
                form.photo = photo
                let choice = ProxyChoice(patient: form.patient, guardian: Patient(citizenID: form.guardian, nameTH: ""))
                return .step(.proxyPhoto(.relation(form, choice)), [])
            }

        case .relation(let form, var choice):
            switch choice.board.handle(event) {
            case .editing: return .step(.proxyPhoto(.relation(form, choice)), [])
            case .back: return .step(.proxyPhoto(.camera(form, PhotoCapture())), [.startCamera(visit)])
            case .ignored: return .ignored
            case .done:
                let proxy = Proxy(citizenID: form.guardian, name: "", role: choice.role!, relationship: choice.relationship!,
                                  document: form.document, noCardReason: form.reason)
                return .identified(Identification(patient: Patient(citizenID: form.patient, nameTH: ""), path: .proxyPhoto,
                                                  proxy: proxy, photoID: form.photo?.id))
            }
        }
    }
}
