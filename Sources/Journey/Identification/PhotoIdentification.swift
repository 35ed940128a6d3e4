import NHSO
import ThaiIDCard

/// The photo path: the patient's id → the camera (preview, countdown, confirm or retake) → identified,
/// with the photo's id (the app holds the picture).
struct PhotoIdentification {
    func reduce(_ step: PhotoStep, _ event: JourneyEvent, visit: VisitID) -> IdentificationTransition {
        switch step {
        case .patientID(var entry):
            guard event.isEntryInput else { return .ignored }
            switch entry.handle(event) {
            case .editing: return .step(.photo(.patientID(entry)), [])
            case .cancelled: return .leave
            case .done: return .step(.photo(.camera(patient: entry.citizenID!, PhotoCapture())), [.startCamera(visit)])
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
        case .patientID(var entry):
            guard event.isEntryInput else { return .ignored }
            switch entry.handle(event) {
            case .editing: return .step(.proxyPhoto(.patientID(entry)), [])
            case .cancelled: return .leave
            case .done: return .step(.proxyPhoto(.guardianID(patient: entry.citizenID!, NumberEntry(.citizenID))), [])
            }

        case .guardianID(let patient, var entry):
            guard event.isEntryInput else { return .ignored }
            switch entry.handle(event) {
            case .editing: return .step(.proxyPhoto(.guardianID(patient: patient, entry)), [])
            case .cancelled: return .step(.proxyPhoto(.patientID(NumberEntry(.citizenID, digits: patient.digits))), [])
            case .done(let digits) where digits == patient.digits:
                // The guardian is someone else: the same id is a typing slip, said as a wrong id.
                return .step(.proxyPhoto(.guardianID(patient: patient, entry.withMessage(.sameAsPatient))), [])
            case .done: return .step(.proxyPhoto(.document(ProxyPhotoForm(patient: patient, guardian: entry.citizenID!))), [])
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
