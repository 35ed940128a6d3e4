import Journey
import NHSO

/// The lines about the person on the review screen, label and value: a short list for a patient at a
/// kiosk (the id masked: others may be looking), the full one staff check at a counter (domain notes §3:
/// id, name, sex, birth date, age, rights and every unit).
struct PersonPanel {
    let review: JourneyStep.Review
    let language: Language
    let catalog: TextCatalog
    let mobileRequired: Bool

    private func t(_ key: String) -> String { catalog.text(key, language) }
    private var rights: RightsCheck { review.rights }

    var forPatient: [(String, String)] {
        [
            (t("review.name"), review.person.name(in: language)),
            (t("review.id"), review.person.citizenID.masked),
            (t("review.mainRight"), rights.mainInscl?.agentText ?? "-"),
            (t("review.subRight"), rights.subInscl?.agentText ?? "-"),
            (t("review.mainUnit"), Self.unit(rights.hospMain)),
        ] + actedBy + [mobile]
    }

    var forStaff: [(String, String)] {
        [
            (t("review.name"), review.person.name(in: language)),
            (t("review.id"), review.person.citizenID.formatted),
            (t("station.sexBirthAge"), [sex, birthDate, age].filter { !$0.isEmpty }.joined(separator: " · ")),
            (t("review.mainRight"), rights.mainInscl?.agentText ?? "-"),
            (t("review.subRight"), rights.subInscl?.agentText ?? "-"),
            (t("review.mainUnit"), Self.unit(rights.hospMain)),
            (t("station.primaryUnit"), Self.unit(rights.hospSub)),
            (t("station.referralUnit"), Self.unit(rights.hospMainOp)),
        ] + actedBy + [mobile]
    }

    /// Who authenticated for the patient, as what and how related (NHSO's words).
    private var actedBy: [(String, String)] {
        guard let proxy = review.identification.proxy else { return [] }
        // A guardian with another photo ID has no card to read a name from: their id stands for them.
        let who = proxy.name.isEmpty ? proxy.citizenID.masked : proxy.name
        let document = proxy.document.map { " · \($0.thai)" } ?? ""
        return [(t("review.actedBy"), "\(who) (\(proxy.role.thai) · \(proxy.relationship.thai)\(document))")]
    }

    private var mobile: (String, String) {
        let empty = t(mobileRequired ? "review.mobileRequired" : "review.mobileOptional")
        return (t("review.mobile"), review.mobile.isEmpty ? empty : review.mobile)
    }

    static func unit(_ hospital: Hospital?) -> String {
        hospital.map { "\($0.hcode) \($0.hname)" } ?? "-"
    }

    /// NHSO sends `ชาย` / `หญิง`; anything else is shown as sent.
    private var sex: String {
        switch rights.sex {
        case "ชาย": t("station.male")
        case "หญิง": t("station.female")
        case let other?: other
        case nil: ""
        }
    }

    /// `25230415` → `15/04/2523`, the Buddhist-era date NHSO's own screens show; `00` parts (unknown
    /// day or month) stay as they are.
    private var birthDate: String {
        guard let text = rights.birthDate, text.count == 8, text.allSatisfy(\.isNumber) else { return "" }
        let digits = Array(text)
        return "\(String(digits[6...7]))/\(String(digits[4...5]))/\(String(digits[0...3]))"
    }

    /// NHSO's `45 ปี 3 เดือน 12 วัน`, its units in the reader's language.
    private var age: String {
        guard let text = rights.age, !text.isEmpty else { return "" }
        guard language == .english else { return text }
        return text.replacingThaiUnits()
    }
}

extension String {
    /// `ปี` / `เดือน` / `วัน` → `y` / `m` / `d`.
    fileprivate func replacingThaiUnits() -> String {
        split(separator: " ").map { word -> String in
            switch word {
            case "ปี": "y"
            case "เดือน": "m"
            case "วัน": "d"
            default: String(word)
            }
        }.joined(separator: " ")
    }
}
