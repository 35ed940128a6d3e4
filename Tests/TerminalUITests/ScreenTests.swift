import Foundation
@testable import Journey
import NHSO
import Testing
import ThaiIDCard
@testable import TerminalUI
import VirtualThaiIDCard

enum UISamples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = try! TextCatalog.load(assets: root.appendingPathComponent("assets"))
    static let configuration = JourneyConfiguration(idleSeconds: 30, countdownSeconds: 10, qrAuthenticationURL: "http://127.0.0.1:18189/testzone/qr/10757")
    static let renderer = ScreenRenderer(catalog: catalog, configuration: configuration)

    static let person: Patient = {
        let card = try! VirtualThaiIDCard(personFile: root.appendingPathComponent("Tests/Fixtures/cards/somchai.json"))
        return Patient(card: try! ThaiIDCardReader(channel: VirtualCardChannel(card: card)).readPerson())
    }()

    static let rights = RightsCheck(
        pid: person.citizenID.digits, mainInscl: InsuranceRight(code: "UCS", name: "สิทธิหลักประกันสุขภาพแห่งชาติ"),
        subInscl: InsuranceRight(code: "89", name: "ช่วงอายุ 12-59 ปี"),
        claimTypes: [ClaimType(claimType: ServiceCode.general, claimTypeName: ServiceCode.names[ServiceCode.general]!),
                     ClaimType(claimType: ServiceCode.haemodialysis, claimTypeName: ServiceCode.names[ServiceCode.haemodialysis]!)],
        correlationId: "c-1", hospMain: Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า")
    )

    static var review: JourneyStep.Review { .init(person: person, rights: rights, selectedService: 0, mobile: "") }

    static let issued = JourneyStep.Issued(
        person: person, service: rights.claimTypes[0],
        submitted: .init(claimCode: ClaimCode("PP1172534798")!, claimDateTime: "2026-11-27T09:30:00", origin: .issued), slip: .printed
    )

    static let sizes = [(80, 24), (120, 34), (160, 45)]

    static let steps: [JourneyStep] = [
        .attract, .chooseIdentity(focus: .qr), .identifying(.atCounter(.photo)), .identifying(.card), .checkingRights(.card(person)), .review(review),
        .mobileNumber(review, NumberEntry(.mobile(optional: true), digits: "081")),
        .identifying(.qr(.scan)), .identifying(.qr(.typeID(NumberEntry(.citizenID, digits: "11017")))),
        .identifying(.qr(.waiting(person.citizenID, secondsLeft: 120))), .problem(.phoneAuthenticationNotFound(retry: person.citizenID)),
        .identifying(.proxyCard(.patientID(NumberEntry(.citizenID)))),
        .identifying(.proxyCard(.guardianCard(patient: person.citizenID, reading: false, notice: .isThePatientsCard))),
        .identifying(.proxyCard(.guardianCard(patient: person.citizenID, reading: true, notice: nil))),
        .identifying(.proxyCard(.relation(ProxyChoice(patient: CitizenID("1100200778894")!, guardian: person)))),
        .identifying(.staff(.toDesk(reference: "ABC234", slip: .failed("no paper")))),
        .identifying(.photo(.camera(patient: person.citizenID, PhotoCapture()))),
        .identifying(.proxyPhoto(.document(ProxyPhotoForm(patient: person.citizenID, guardian: CitizenID("3500100345671")!)))),
        .identifying(.staff(.staffCard(patient: person.citizenID, reading: false, notice: .notOnStaffList))), .submitting(review, seconds: 12), .pending(review, reference: "ABC234"), .claimCode(issued),
        .problem(.outOfService), .problem(.answerForAnotherPerson), .problem(.nhso(.visitRejected(message: "ไม่พบสิทธิ"), retry: nil)),
        .problem(.cardRemovedBeforeConfirm), .problem(.nhso(.unreachable(reason: "x"), retry: .checkRights(.card(person)))),
    ]
}

@Suite struct CatalogTests {
    @Test func bothLanguagesHaveTheSameTexts() {
        let thai = Set(UISamples.catalog.texts[.thai]!.keys)
        let english = Set(UISamples.catalog.texts[.english]!.keys)
        #expect(thai == english)
        #expect(thai.count > 40)
    }

    @Test func everyKeyTheScreensUseExists() throws {
        let folder = UISamples.root.appendingPathComponent("Sources/TerminalUI")
        let source = try (FileManager.default.subpathsOfDirectory(atPath: folder.path)).filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        let keys = Set(source.matches(of: /t\("([a-zA-Z]+\.[a-zA-Z]+)"/).map { String($0.1) })
            .union(source.matches(of: /"((?:problem|code|station|entry|qr)\.[a-zA-Z]+)"/).map { String($0.1) })
        #expect(keys.count > 20)
        for key in keys { #expect(UISamples.catalog.texts[.thai]?[key] != nil, "missing \(key)") }
        for path in IdentityPath.allCases { #expect(UISamples.catalog.texts[.english]?["path.\(path.rawValue)"] != nil) }
    }

    @Test func placeholdersAreFilled() {
        #expect(UISamples.catalog.text("common.countdown", .english, ["seconds": "7"]) == "Returning to the start in 7 s")
        #expect(UISamples.catalog.text("no.such.key", .thai) == "no.such.key")
    }
}

@Suite struct ScreenTests {
    func render(_ step: JourneyStep, language: Language = .thai, card: Bool = false, idle: Int? = nil, size: (Int, Int) = (80, 24)) -> CellGrid {
        UISamples.renderer.render(JourneyState(step: step, language: language, cardPresent: card, idleSecondsLeft: idle), width: size.0, height: size.1)
    }

    @Test func theAttractScreenAsksForTheCardInThai() {
        let grid = render(.attract)
        #expect(grid.contains("กรุณาเสียบบัตรประชาชน"))
        #expect(grid.contains("English"))
        #expect(grid.action(atRow: 1, column: 79) == .toggleLanguage)
    }

    @Test func aReaderThatIsNotReadyIsSaidOnTheStartScreen() {
        var state = JourneyState(step: .attract)
        #expect(!UISamples.renderer.render(state, width: 80, height: 24).contains("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
        state.readerAvailable = false
        #expect(UISamples.renderer.render(state, width: 80, height: 24).contains("เครื่องอ่านบัตรยังไม่พร้อมใช้งาน"))
    }

    @Test func recordingTheVisitShowsTheSecondsSinceConfirm() {
        #expect(render(.submitting(UISamples.review, seconds: 12)).contains("12 วินาที"))
        #expect(render(.submitting(UISamples.review, seconds: 12), language: .english).contains("12 s"))
    }

    @Test func aPendingVisitGivesThePatientItsReferenceForStaff() {
        let grid = render(.pending(UISamples.review, reference: "K7QX2M"))
        #expect(grid.contains("K7QX2M"))
        #expect(grid.contains("กรุณาแจ้งเจ้าหน้าที่"))
        #expect(render(.pending(UISamples.review, reference: "K7QX2M"), language: .english).contains("Visit reference"))
    }

    @Test func aKioskWithoutItsJournalSaysItIsOutOfServiceOnTheStartScreen() {
        var state = JourneyState(step: .attract)
        state.journalAvailable = false
        let grid = UISamples.renderer.render(state, width: 80, height: 24)
        #expect(grid.contains("งดให้บริการชั่วคราว"))
        #expect(!grid.contains("กรุณาเสียบบัตรประชาชน"))
    }

    @Test func nhsosReasonForRefusingIsShownSanitised() {
        let grid = render(.problem(.nhso(.visitRejected(message: "ไม่พบสิทธิ\u{1B}[2J"), retry: nil)))
        #expect(grid.contains("ไม่พบสิทธิ"))
        #expect(!grid.contains("\u{1B}"))
    }

    @Test func englishIsOneToggleAway() {
        let grid = render(.attract, language: .english)
        #expect(grid.contains("Please insert your Thai ID card"))
        #expect(grid.contains("ภาษาไทย"))
    }

    @Test func theReviewShowsPersonRightsAndService() {
        let grid = render(.review(UISamples.review))
        #expect(grid.contains("นายสมชาย ใจดี"))
        #expect(grid.contains("1-1017-xxxxx-x5-0"))
        #expect(!grid.contains("1101700203450"))
        #expect(grid.contains("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(grid.contains("(89) ช่วงอายุ 12-59 ปี"))
        #expect(grid.contains("10757 รพ.พระนั่งเกล้า"))
        #expect(grid.contains("เข้ารับบริการรักษาทั่วไป"))
        #expect(grid.buttons.contains { $0.action == .enter && $0.height >= 3 })
        #expect(grid.buttons.contains { $0.action == .previousChoice })
    }

    @Test func theReadingScreenFillsItsBarAsTheReadGoesOn() {
        func bar(_ done: Int?) -> Int {
            var state = JourneyState(step: .identifying(.card))
            state.readProgress = done.map { .init(done: $0, total: 4) }
            return UISamples.renderer.render(state, width: 80, height: 24).text.filter { $0 == "█" }.count
        }
        #expect(bar(nil) == 0)
        #expect(bar(1) == 10)
        #expect(bar(4) == 40)
    }

    @Test func theClaimCodeIsLarge() {
        let grid = render(.claimCode(UISamples.issued))
        #expect(grid.contains("PP1172534798"))
        #expect(grid.contains(BigText.rows("PP1172534798")[0]))
        #expect(grid.contains("กรุณารับใบยืนยันการเข้ารับบริการ"))
        #expect(grid.action(atRow: 19, column: 40) == .enter)
    }

    @Test func withTheCardStillInThePatientIsAskedToTakeIt() {
        let grid = render(.claimCode(UISamples.issued), card: true)
        #expect(grid.contains("กรุณานำบัตรประชาชนออก"))
        #expect(!grid.buttons.contains { $0.action == .enter })
    }

    @Test func theCountdownShowsInItsLastSeconds() {
        #expect(!render(.review(UISamples.review), idle: 11).contains("กลับสู่หน้าแรกใน"))
        #expect(render(.review(UISamples.review), idle: 7).contains("กลับสู่หน้าแรกใน 7 วินาที"))
    }

    @Test func problemsSayWhatHappenedAndOfferARetryWhenItHelps() {
        let unreachable = render(.problem(.nhso(.unreachable(reason: "x"), retry: .checkRights(.card(UISamples.person)))), language: .english, size: (120, 34))
        #expect(unreachable.contains("NHSO cannot be reached right now."))
        #expect(unreachable.buttons.contains { $0.action == .retry })
        let removed = render(.problem(.cardRemovedBeforeConfirm))
        #expect(removed.text.contains("บัตรถูกดึงออกก่อนยืนยัน"))
        #expect(!removed.buttons.contains { $0.action == .retry })
    }

    @Test func theNumpadHasEveryKey() {
        let grid = render(.mobileNumber(UISamples.review, NumberEntry(.mobile(optional: true), digits: "081")))
        #expect(grid.contains("081-___-____"))
        for digit in 0...9 { #expect(grid.buttons.contains { $0.action == .digit(digit) }, "no key \(digit)") }
        #expect(grid.buttons.contains { $0.action == .backspace })
        #expect(grid.buttons.allSatisfy { $0.height >= 3 })
    }

    @Test(arguments: UISamples.sizes)
    func everyStepFitsEverySize(width: Int, height: Int) {
        for step in UISamples.steps {
            let grid = render(step, size: (width, height))
            #expect(grid.width == width && grid.height == height)
            for button in grid.buttons {
                #expect(button.row >= 0 && button.row + button.height <= height, "\(step): button off screen")
                #expect(button.column >= 0 && button.column + button.width <= width, "\(step): button off screen")
            }
        }
    }
}

@Suite("Spoken prompts")
struct VoicePromptCatalogTests {
    @Test func everyPromptIsInBothLanguages() throws {
        let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("assets")
        for language in ["th", "en"] {
            let texts = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: assets.appendingPathComponent("text/\(language).json")))
            for key in ["voice.attract", "voice.choose", "voice.wait", "voice.qr", "voice.followScreen", "voice.counter", "voice.review",
                        "voice.mobile", "voice.pending", "voice.code", "voice.problem"] {
                #expect(texts[key]?.isEmpty == false, "\(key) in \(language)")
            }
        }
    }
}
