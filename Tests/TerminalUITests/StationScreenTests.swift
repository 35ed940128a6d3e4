@testable import Journey
import NHSO
import Testing
@testable import TerminalUI

/// Station mode: the same journey, drawn for staff at the counter.
@Suite struct StationScreenTests {
    static let renderer = ScreenRenderer(catalog: UISamples.catalog, configuration: JourneyConfiguration(mode: .station))

    static var review: JourneyStep.Review {
        var review = UISamples.review
        review.rights.sex = "ชาย"
        review.rights.birthDate = "25230415"
        review.rights.age = "46 ปี 7 เดือน 12 วัน"
        review.rights.hospSub = Hospital(hcode: "04245", hname: "รพ.สต.บางกระสอ")
        review.rights.hospMainOp = Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า")
        return review
    }

    func render(_ step: JourneyStep, language: Language = .thai, size: (Int, Int) = (80, 24)) -> CellGrid {
        Self.renderer.render(JourneyState(step: step, language: language), width: size.0, height: size.1)
    }

    @Test func theStartScreenAddressesStaff() {
        let grid = render(.attract)
        #expect(grid.contains("เสียบบัตรประชาชนของผู้รับบริการ"))
        #expect(grid.contains("จุดลงทะเบียน"))
        #expect(!grid.contains("กรุณาเสียบบัตรประชาชน"))
        #expect(render(.attract, language: .english).contains("Insert the patient's Thai ID card"))
    }

    /// A station's screens address staff about the patient, never the patient: the chooser's question,
    /// and a way the station does not offer (the shipped station.yaml has no verified visits) says what
    /// staff can do, not "please go to the registration counter" at the counter itself.
    @Test func theOtherWaysAreWordedForStaff() {
        let chooser = render(.chooseIdentity(focus: .card))
        #expect(chooser.contains("ผู้รับบริการยืนยันตัวตนด้วยวิธีใด"))
        #expect(!chooser.contains("ท่านจะยืนยันตัวตนด้วยวิธีใด"))
        #expect(render(.chooseIdentity(focus: .card), language: .english).contains("How does the patient prove who they are?"))
        let atCounter = render(.identifying(.atCounter(.staff)), language: .english)
        #expect(atCounter.contains("This station does not offer this way"))
        #expect(!atCounter.contains("Please go to the registration counter"))
        #expect(render(.chooseIdentity(focus: .card), language: .english).contains("Staff act for the patient"))
        // A kiosk keeps the patient's wording.
        let kiosk = ScreenRenderer(catalog: UISamples.catalog, configuration: JourneyConfiguration(mode: .kiosk))
        #expect(kiosk.render(JourneyState(step: .chooseIdentity(focus: .card)), width: 80, height: 24).contains("ท่านจะยืนยันตัวตนด้วยวิธีใด"))
    }

    /// Every station wording stands for a text the screens use, in both languages.
    @Test func everyStationWordingHasItsPatientTextInBothLanguages() {
        for language in [Language.thai, .english] {
            let texts = UISamples.catalog.texts[language] ?? [:]
            let station = texts.keys.filter { $0.hasPrefix("atStation.") }
            #expect(station.count >= 20)
            for key in station { #expect(texts[String(key.dropFirst("atStation.".count))] != nil, "\(key)") }
            #expect(Set(station) == Set((UISamples.catalog.texts[language == .thai ? .english : .thai] ?? [:]).keys.filter { $0.hasPrefix("atStation.") }))
        }
    }

    @Test func staffSeeThePersonInFull() {
        let grid = render(.review(Self.review))
        #expect(grid.contains("1-1017-00203-45-0"))
        #expect(!grid.contains("xxxxx"))
        #expect(grid.contains("ชาย · 15/04/2523 · 46 ปี 7 เดือน 12 วัน"))
        #expect(grid.contains("04245 รพ.สต.บางกระสอ"))
        #expect(grid.contains("หน่วยบริการรับส่งต่อ"))
        // Every line fits above the service buttons on the smallest screen, the mobile number included.
        #expect(grid.contains(UISamples.catalog.text("review.mobile", .thai)))
    }

    @Test func inEnglishTheUnitsOfAgeAndSexAreTranslated() {
        let grid = render(.review(Self.review), language: .english, size: (120, 34))
        #expect(grid.contains("male · 15/04/2523 · 46 y 7 m 12 d"))
    }

    @Test func whatNHSODoesNotSendIsLeftOut() {
        var review = UISamples.review
        review.rights.sex = nil
        review.rights.birthDate = "garbage"
        review.rights.age = "46 ปี"
        let grid = render(.review(review))
        #expect(grid.contains(UISamples.catalog.text("station.sexBirthAge", .thai)))
        #expect(grid.contains("46 ปี"))
        #expect(!grid.contains("garbage"))
    }

    @Test func aRequiredMobileIsSaidToBeRequired() {
        let required = ScreenRenderer(catalog: UISamples.catalog, configuration: JourneyConfiguration(mode: .station, mobileRequired: true))
        let grid = required.render(JourneyState(step: .review(Self.review), language: .english), width: 80, height: 24)
        #expect(grid.contains("required: asked for after Confirm"))
        #expect(!render(.review(Self.review), language: .english).contains("required"))
    }

    @Test func aKioskStillMasksTheId() {
        let grid = UISamples.renderer.render(JourneyState(step: .review(Self.review)), width: 80, height: 24)
        #expect(grid.contains("1-1017-xxxxx-x5-0"))
        #expect(!grid.contains("15/04/2523"))
    }
}
