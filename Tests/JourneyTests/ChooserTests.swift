import Testing
@testable import Journey

@Suite struct ChooserTests {
    let qr = JourneyConfiguration(qrAuthenticationURL: "https://qr.example/10757")

    @Test func theChoicesAreNumberedInTheTreesOrder() {
        #expect(IdentityPath.allCases.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect([IdentityPath.card, .photo, .qr, .proxyCard, .proxyPhoto, .staff].map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test func aDigitChoosesItsPath() {
        var driver = Driver(qr)
        driver.send(.chooseOtherWay, .digit(3))
        #expect(driver.state.step == .identifying(.qr(.scan)))
        driver = Driver(qr)
        driver.send(.chooseOtherWay, .digit(6))
        #expect(driver.state.step == .identifying(.staff(.toDesk(reference: VisitID.first.reference, slip: .printing))))
        driver = Driver(qr)
        driver.send(.chooseOtherWay, .digit(1))
        #expect(driver.state.step == .attract, "the card path waits for the card")
    }

    @Test func digitsOutsideOneToSixDoNothing() {
        var driver = Driver(qr)
        driver.send(.chooseOtherWay, .digit(0), .digit(7), .digit(9))
        #expect(driver.state.step == .chooseIdentity(focus: .card))
    }

    @Test func arrowsMoveTheFocusRoundAndEnterTakesIt() {
        var driver = Driver(qr)
        driver.send(.chooseOtherWay)
        driver.send(.nextChoice, .nextChoice)
        #expect(driver.state.step == .chooseIdentity(focus: .qr))
        driver.send(.previousChoice, .previousChoice, .previousChoice)
        #expect(driver.state.step == .chooseIdentity(focus: .staff))
        driver.send(.nextChoice, .nextChoice, .nextChoice)
        #expect(driver.state.step == .chooseIdentity(focus: .qr))
        driver.send(.enter)
        #expect(driver.state.step == .identifying(.qr(.scan)))
    }

    @Test func backFromAPathReturnsToItsChoice() {
        var driver = Driver(qr)
        driver.send(.chooseOtherWay, .digit(3), .back)
        #expect(driver.state.step == .chooseIdentity(focus: .qr))
        #expect(driver.state.visit == nil)
        driver.send(.digit(5), .back)
        #expect(driver.state.step == .chooseIdentity(focus: .proxyPhoto))
    }

    @Test func withoutTheJournalNoPathStarts() {
        var driver = Driver(qr)
        driver.send(.journalAvailable(false), .chooseOtherWay, .digit(3))
        #expect(driver.state.step == .problem(.outOfService))
        #expect(driver.state.visit == nil)
    }
}
