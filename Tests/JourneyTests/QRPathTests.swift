import NHSO
import Testing
import ThaiIDCard
@testable import Journey

@Suite struct QRPathTests {
    static let configuration = JourneyConfiguration(hcode: "10757", qrAuthenticationURL: "https://qr.example/10757", phoneWaitSeconds: 30)
    static let id = Samples.patient.citizenID
    static let authentication = PhoneAuthentication(
        patient: Patient(citizenID: id, nameTH: "สมชาย ใจดี"),
        service: ClaimType(claimType: ServiceCode.general, claimTypeName: "เข้ารับบริการรักษาทั่วไป"),
        submitted: .init(claimCode: ClaimCode("PP1172534798")!, claimDateTime: "2026-11-28T09:30:00", origin: .phone)
    )

    /// The QR shown, the id typed and confirmed: NHSO is being asked.
    func waiting() -> Driver {
        var driver = Driver(Self.configuration)
        driver.send(.chooseOtherWay, .digit(3), .enter)
        for digit in Self.id.digits { driver.send(.digit(digit.wholeNumberValue!)) }
        driver.send(.enter)
        return driver
    }

    @Test func theQRThenTheIDThenNHSOIsAskedWithTheUnit() {
        var driver = Driver(Self.configuration)
        driver.send(.chooseOtherWay, .digit(3))
        #expect(driver.state.step == .identifying(.qr(.scan)))
        #expect(driver.state.visit == .first)
        driver.send(.enter)
        #expect(driver.state.step == .identifying(.qr(.typeID(NumberEntry(.citizenID)))))
        driver = waiting()
        #expect(driver.state.step == .identifying(.qr(.waiting(Self.id, secondsLeft: 30))))
        #expect(driver.effects == [
            .record(.first, .identified(citizenID: Self.id.digits, path: .qr)),
            .awaitPhoneAuthentication(.first, pid: Self.id.digits, hcode: "10757"),
        ])
    }

    @Test func theCodeNHSOListsIsShownAndPrinted() {
        var driver = waiting()
        let effects = driver.send(.result(.current, .phoneAuthenticated(Self.authentication)))
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.submitted.claimCode.value == "PP1172534798")
        #expect(issued.submitted.origin == .phone)
        guard case .printSlip(.first, let slip) = effects.first else { Issue.record("\(effects)"); return }
        #expect(slip.maskedCitizenID == Self.id.masked)
        // The patient takes the slip and the kiosk returns to the start.
        driver.send(.slipPrinted, .enter)
        #expect(driver.state.step == .attract)
    }

    @Test func anAnswerAboutSomeoneElseIsNotShown() {
        var driver = waiting()
        var other = Self.authentication
        other.patient = Patient(citizenID: CitizenID("3500100345671")!, nameTH: "ทองคำ มีสุข")
        driver.send(.result(.current, .phoneAuthenticated(other)))
        #expect(driver.state.step == .problem(.answerForAnotherPerson))
    }

    @Test func theWaitCountsDownThenOffersARetryThatAsksAgain() {
        var driver = waiting()
        driver.tick(29)
        #expect(driver.state.step == .identifying(.qr(.waiting(Self.id, secondsLeft: 1))))
        let ended = driver.send(.tick)
        #expect(driver.state.step == .problem(.phoneAuthenticationNotFound(retry: Self.id)))
        #expect(ended.contains(.cancel(.first)))
        let again = driver.send(.retry)
        #expect(driver.state.step == .identifying(.qr(.waiting(Self.id, secondsLeft: 30))))
        #expect(again.contains(.awaitPhoneAuthentication(.first, pid: Self.id.digits, hcode: "10757")))
    }

    @Test func theWaitIsNotCutShortByTheIdleClock() {
        let driver = waiting()
        #expect(driver.state.idleSecondsLeft == nil)
        #expect(driver.state.needsTicks)
    }

    @Test func cancellingTheWaitStopsAskingAndRecordsWhy() {
        var driver = waiting()
        let effects = driver.send(.back)
        #expect(driver.state.step == .attract)
        #expect(effects == [.cancel(.first), .record(.first, .ended(.cancelledByPatient, detail: "left while waiting for the phone"))])
        // An answer after that is dropped.
        #expect(driver.send(.result(.first, .phoneAuthenticated(Self.authentication))).isEmpty)
        #expect(driver.state.step == .attract)
    }

    @Test func anErrorWaitingCannotMendEndsWithoutARetry() {
        var driver = waiting()
        driver.send(.result(.current, .phoneAuthenticationFailed(.tokenRejected(status: 401))))
        #expect(driver.state.step == .problem(.nhso(.tokenRejected(status: 401), retry: nil)))
    }

    @Test func aCardInsertedWhileTheQRIsShownStartsTheCardPath() {
        var driver = Driver(Self.configuration)
        driver.send(.chooseOtherWay, .digit(3))
        let effects = driver.send(.cardInserted)
        #expect(effects == [.cancel(.first), .readCard(.second)])
        #expect(driver.state.step == .identifying(.card))
    }

    @Test func aWrongIDIsToldAndNothingIsAsked() {
        var driver = Driver(Self.configuration)
        driver.send(.chooseOtherWay, .digit(3), .enter)
        for digit in "1101700203451" { driver.send(.digit(digit.wholeNumberValue!)) }
        let effects = driver.send(.enter)
        #expect(effects.isEmpty)
        guard case .identifying(.qr(.typeID(let entry))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(entry.message == .wrongCheckDigit)
        #expect(entry.digits == "1101700203451")
    }

    @Test func withoutAQRAddressThePathSendsToTheCounter() {
        var driver = Driver()
        driver.send(.chooseOtherWay, .digit(3))
        #expect(driver.state.step == .identifying(.atCounter(.qr)))
    }
}
