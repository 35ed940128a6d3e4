@testable import Journey
import NHSO
import SmartCard
import Testing
import ThaiIDCard

@Suite struct CardProblemTests {
    @Test(arguments: ["reading", "checking", "review", "mobile"])
    func pullingTheCardBeforeConfirmCancelsAndSaysSo(at step: String) {
        var driver = Driver()
        driver.send(.cardInserted)
        if step != "reading" { driver.send(.cardRead(Samples.person)) }
        if step == "review" || step == "mobile" { driver.send(.rightsChecked(Samples.rights)) }
        if step == "mobile" { driver.send(.digit(0)) }
        let effects = driver.send(.cardRemoved)
        #expect(driver.state.step == .problem(.cardRemovedBeforeConfirm))
        #expect(!driver.state.cardPresent)
        #expect(effects == [.cancel(.first), .record(.first, .ended(.cardRemoved, detail: "card removed before confirm"))])
        #expect(!driver.effects.contains { if case .submitVisit = $0 { true } else { false } })
    }

    @Test func pullingTheCardAfterConfirmLosesNothing() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .cardRemoved)
        guard case .submitting = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        driver.send(.visitSubmitted(Samples.submitted))
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.submitted.claimCode == Samples.submitted.claimCode)
    }

    @Test func aCardPulledMidReadIsARemovalNotADamagedCard() {
        var driver = Driver()
        driver.send(.cardInserted, .cardReadFailed(.transport(SmartCardError(.cardRemoved))))
        #expect(driver.state.step == .problem(.cardRemovedBeforeConfirm))
    }

    @Test func anUnreadableCardSaysWhyAndAnotherTryStartsWithTheNextInsertion() {
        var driver = Driver()
        let error = ThaiIDCardError.notAThaiIDCard(statusWord: 0x6A82)
        driver.send(.cardInserted, .cardReadFailed(error))
        #expect(driver.state.step == .problem(.cardUnreadable(error)))
        driver.send(.cardRemoved)
        // Another insertion is another visit.
        #expect(driver.send(.cardInserted) == [.readCard(.second)])
    }
}

@Suite struct NHSOProblemTests {
    @Test func anUnreachableNHSOCanBeRetriedForTheSamePerson() {
        var driver = Driver()
        driver.send(.cardInserted, .cardRead(Samples.person), .rightsCheckFailed(.unreachable(reason: "timed out")))
        #expect(driver.state.step == .problem(.nhso(.unreachable(reason: "timed out"), retry: .checkRights(.card(Samples.patient)))))
        #expect(driver.send(.retry) == [.checkRights(.first, pid: "1101700203450")])
        #expect(driver.state.step == .checkingRights(.card(Samples.patient)))
    }

    @Test func aPersonNHSODoesNotKnowCannotBeRetried() {
        var driver = Driver()
        driver.send(.cardInserted, .cardRead(Samples.person), .rightsCheckFailed(.personNotFound(pid: "1101700203450")))
        #expect(driver.state.step == .problem(.nhso(.personNotFound(pid: "1101700203450"), retry: nil)))
        #expect(driver.send(.retry).isEmpty)
        #expect(driver.state.step == .attract)
    }

    @Test func noServiceToClaimIsAProblemNotAnEmptyList() {
        var driver = Driver()
        var rights = Samples.rights
        rights.claimTypes = []
        rights.mainInscl = nil
        driver.toReview(rights: rights)
        #expect(driver.state.step == .problem(.noRights(rights)))
    }

    @Test func aFailedSubmitRetriesTheSameVisit() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .visitFailed(.server(status: 503, message: "busy")))
        guard case .problem(.nhso(_, retry: .submit(_, let submission)?)) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(submission.request.correlationId == "6f1c-correlation")
        // NHSO is asked whether the failed attempt was recorded before anything is sent again.
        #expect(submission.mayHaveBeenRecorded)
        #expect(driver.send(.retry) == [Samples.submit(retry: true)])
    }

    @Test func aRejectedTokenIsNotRetriedByThePatient() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .visitFailed(.tokenRejected(status: 401)))
        #expect(driver.state.step == .problem(.nhso(.tokenRejected(status: 401), retry: nil)))
    }
}

@Suite struct IdleTimeoutTests {
    @Test func anIdleReviewReturnsToTheStartWithAVisibleCountdown() {
        let configuration = JourneyConfiguration(idleSeconds: 30, countdownSeconds: 10)
        var driver = Driver(configuration)
        driver.toReview()
        driver.tick(19)
        #expect(driver.state.idleSecondsLeft == 11)
        #expect(!driver.state.showsCountdown(configuration))
        driver.tick(1)
        #expect(driver.state.showsCountdown(configuration))
        driver.tick(9)
        guard case .review = driver.state.step else { Issue.record("left early"); return }
        #expect(driver.send(.tick) == [.cancel(.first), .record(.first, .ended(.idleTimeout, detail: "no input before confirm"))])
        #expect(driver.state.step == .attract)
    }

    @Test func anyKeyRestartsTheCountdown() {
        var driver = Driver(JourneyConfiguration(idleSeconds: 30))
        driver.toReview()
        driver.tick(25)
        driver.send(.nextChoice)
        #expect(driver.state.idleSecondsLeft == 30)
    }

    @Test(arguments: [IdentityPath.photo, .qr, .staff])
    func otherScreensTimeOutToo(path: IdentityPath) {
        var driver = Driver(JourneyConfiguration(idleSeconds: 5))
        driver.send(.chooseOtherWay, .choosePath(path))
        #expect(driver.state.step.identificationPath == path)
        driver.tick(5)
        #expect(driver.state.step == .attract)
    }

    @Test func problemsTimeOutBackToTheStart() {
        var driver = Driver(JourneyConfiguration(idleSeconds: 5))
        driver.send(.cardInserted, .cardRemoved)
        driver.tick(5)
        #expect(driver.state.step == .attract)
    }

    @Test func theMachineIsNeverTimedOutByTheIdleClock() {
        var driver = Driver(JourneyConfiguration(idleSeconds: 5))
        driver.send(.cardInserted)
        driver.tick(50)
        #expect(driver.state.step == .identifying(.card))
        driver.send(.cardRead(Samples.person))
        driver.tick(50)
        #expect(driver.state.step == .checkingRights(.card(Samples.patient)))
    }

    @Test func stationsDoNotTimeOut() {
        var driver = Driver(JourneyConfiguration(mode: .station, idleSeconds: 5))
        driver.toReview()
        driver.tick(100)
        guard case .review = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(driver.state.idleSecondsLeft == nil)
    }

    /// A station whose staff sign in drops a visit left half-way after the sign-out time, so a staff
    /// member who walked away leaves no patient's details on screen.
    @Test func aSignedInStationDropsAVisitLeftHalfWay() {
        var configuration = JourneyConfiguration(mode: .station, idleSeconds: 5)
        configuration.stationIdleSeconds = 30
        var driver = Driver(configuration)
        driver.toReview()
        driver.tick(29)
        guard case .review = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        driver.tick(2)
        #expect(driver.state.visit == nil)
        guard case .attract = driver.state.step else { Issue.record("\(driver.state.step)"); return }
    }
}

@Suite struct NavigationTests {
    @Test func theOtherWaysAreReachedAndLeft() {
        var driver = Driver(JourneyConfiguration(cameraAvailable: false))
        driver.send(.enter)
        #expect(driver.state.step == .chooseIdentity(focus: .card))
        driver.send(.choosePath(.photo))
        #expect(driver.state.step == .identifying(.atCounter(.photo)))
        driver.send(.back)
        #expect(driver.state.step == .chooseIdentity(focus: .photo))
        driver.send(.choosePath(.card))
        #expect(driver.state.step == .attract)
    }

    @Test func aCardInsertedOnAnotherPathStartsTheCardPath() {
        var driver = Driver()
        driver.send(.chooseOtherWay, .choosePath(.photo))
        // The photo path's visit ends; the card's is another.
        #expect(driver.send(.cardInserted) == [.cancel(.first), .readCard(.second)])
    }

    @Test func theLanguageTogglesAnywhere() {
        var driver = Driver()
        #expect(driver.state.language == .thai)
        driver.send(.toggleLanguage)
        #expect(driver.state.language == .english)
        driver.toReview()
        driver.send(.toggleLanguage)
        #expect(driver.state.language == .thai)
        guard case .review = driver.state.step else { Issue.record("\(driver.state.step)"); return }
    }

    @Test func backOnTheReviewCancels() {
        var driver = Driver()
        driver.toReview()
        #expect(driver.send(.back) == [.cancel(.first), .record(.first, .ended(.cancelledByPatient, detail: "cancelled on the review"))])
        #expect(driver.state.step == .attract)
    }

    @Test func eventsThatDoNotBelongToAStepChangeNothing() {
        var driver = Driver()
        let before = driver.state
        driver.send(.slipPrinted, .visitSubmitted(Samples.submitted), .rightsChecked(Samples.rights), .digit(3))
        #expect(driver.state == before)
    }
}

@Suite struct ReaderAvailabilityTests {
    @Test func aReaderThatGoesAwayIsRememberedUntilItComesBack() {
        var driver = Driver()
        #expect(driver.state.readerAvailable)
        #expect(driver.send(.readerAvailable(false)) == [])
        #expect(!driver.state.readerAvailable)
        #expect(driver.state.step == .attract)
        driver.send(.readerAvailable(true))
        #expect(driver.state.readerAvailable)
    }

    @Test func aCardInsertedProvesTheReaderWorks() {
        var driver = Driver()
        driver.send(.readerAvailable(false), .cardInserted)
        #expect(driver.state.readerAvailable)
        #expect(driver.state.step == .identifying(.card))
    }
}

@Suite("The language each patient starts in")
struct DefaultLanguageTests {
    @Test func theNextPatientAtAKioskStartsInTheKiosksLanguage() {
        var driver = Driver()
        driver.toReview()
        driver.send(.toggleLanguage)
        #expect(driver.state.language == .english)
        driver.send(.back)   // the patient leaves
        #expect(driver.state.step == .attract)
        #expect(driver.state.language == .thai)
    }

    @Test func aStationKeepsTheStaffsChoice() {
        var driver = Driver(JourneyConfiguration(mode: .station))
        driver.send(.toggleLanguage)
        driver.toReview()
        driver.send(.back)
        #expect(driver.state.language == .english)
    }

    @Test func staffChangeItFromTheAdminMenuWithoutTurningAPatientsScreen() {
        var driver = Driver()
        driver.send(.defaultLanguageChanged(.english))
        #expect(driver.state.language == .english, "the start screen turns at once")
        driver.send(.defaultLanguageChanged(.thai))
        driver.toReview()
        driver.send(.defaultLanguageChanged(.english))
        #expect(driver.state.language == .thai, "a patient mid-visit keeps theirs")
        driver.send(.back)
        #expect(driver.state.language == .english)
    }
}
