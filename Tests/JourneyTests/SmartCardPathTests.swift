@testable import Journey
import NHSO
import Testing
import ThaiIDCard

/// The smart-card path, transition by transition.
@Suite struct SmartCardPathTests {
    @Test func insertingACardStartsTheRead() {
        var driver = Driver()
        #expect(driver.send(.cardInserted) == [.readCard(.first)])
        #expect(driver.state.step == .identifying(.card))
        #expect(driver.state.cardPresent)
        #expect(driver.state.idleSecondsLeft == nil)
    }

    @Test func theReadShowsItsProgressAndForgetsItAfterwards() {
        var driver = Driver()
        driver.send(.cardInserted)
        #expect(driver.state.readProgress == nil)
        #expect(driver.send(.cardReadProgress(done: 2, total: 4)) == [])
        #expect(driver.state.readProgress?.fraction == 0.5)
        driver.send(.cardRead(Samples.person))
        #expect(driver.state.readProgress == nil)
        // A late report from a read that has ended changes nothing.
        driver.send(.cardReadProgress(done: 4, total: 4))
        #expect(driver.state.readProgress == nil)
        #expect(driver.state.step == .checkingRights(.card(Samples.patient)))
    }

    @Test func aReadCardIsCheckedWithNHSO() {
        var driver = Driver()
        driver.send(.cardInserted)
        #expect(driver.send(.cardRead(Samples.person)) == [.record(.first, .identified(citizenID: "1101700203450", path: .card)), .checkRights(.first, pid: "1101700203450")])
        #expect(driver.state.step == .checkingRights(.card(Samples.patient)))
    }

    @Test func rightsLeadToTheReviewWithTheDefaultServiceSelected() throws {
        var driver = Driver()
        driver.toReview()
        guard case .review(let review) = driver.state.step else { Issue.record("not on review: \(driver.state.step)"); return }
        #expect(review.service.claimType == ServiceCode.general)
        #expect(review.mobile.isEmpty)
        #expect(driver.state.idleSecondsLeft == 60)
    }

    @Test func oneKeyFromCardToClaimCodeWhenTheMobileIsOptional() {
        var driver = Driver()
        driver.toReview()
        #expect(driver.send(.enter) == [Samples.submit()])
        guard case .submitting = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        let effects = driver.send(.visitSubmitted(Samples.submitted))
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.submitted.claimCode.value == "PP1172534798")
        #expect(issued.slip == .printing)
        // The code is journaled by the submit itself (before the answer is shown); the journey prints.
        #expect(effects.count == 1)
        guard case .printSlip(.first, let slip) = effects.first else { Issue.record("no slip"); return }
        #expect(slip.claimCode == Samples.submitted.claimCode)
        #expect(slip.maskedCitizenID == "1-1017-xxxxx-x5-0")
        #expect(slip.patientName == "นายสมชาย ใจดี")
    }

    @Test func afterPrintingThePatientIsAskedToTakeTheCardThenTheKioskResets() {
        var driver = Driver(JourneyConfiguration(claimCodeSeconds: 5))
        driver.toReview()
        driver.send(.enter, .visitSubmitted(Samples.submitted), .slipPrinted)
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.slip == .printed)
        // The card is still in: the screen says "please take your card" and does not time out.
        #expect(driver.state.cardPresent)
        #expect(driver.state.idleSecondsLeft == nil)
        driver.tick(100)
        guard case .claimCode = driver.state.step else { Issue.record("timed out with the card in"); return }
        driver.send(.cardRemoved)
        #expect(driver.state.idleSecondsLeft == 5)
        driver.tick(4)
        guard case .claimCode = driver.state.step else { Issue.record("left too early"); return }
        driver.tick(1)
        #expect(driver.state.step == .attract)
    }

    @Test func enterLeavesTheClaimCodeOnlyOnceTheCardIsOut() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .visitSubmitted(Samples.submitted), .slipPrinted, .enter)
        guard case .claimCode = driver.state.step else { Issue.record("left with the card in"); return }
        driver.send(.cardRemoved, .enter)
        #expect(driver.state.step == .attract)
    }

    @Test func alreadyAuthenticatedTodayShowsAndPrintsTheExistingCode() {
        var driver = Driver()
        driver.toReview()
        let existing = VisitSubmitter.Submitted(claimCode: ClaimCode("PP1172530000")!, claimDateTime: "2026-11-27T07:00:00", origin: .alreadyIssuedToday)
        let effects = driver.send(.enter, .visitSubmitted(existing))
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.submitted.origin == .alreadyIssuedToday)
        #expect(effects.contains { if case .printSlip(_, let slip) = $0 { slip.claimCode == existing.claimCode } else { false } })
    }

    @Test func aFailedSlipKeepsTheCodeOnScreen() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .visitSubmitted(Samples.submitted), .slipFailed("out of paper"))
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.slip == .failed("out of paper"))
        #expect(issued.submitted.claimCode == Samples.submitted.claimCode)
    }

    @Test func aFailedSlipPrintsAgainOnEnterAndRecordsEachOutcome() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter)
        let first = driver.send(.visitSubmitted(Samples.submitted))
        #expect(driver.send(.slipFailed("the printer is out of paper")) == [.record(.first, .printFailed(reason: "the printer is out of paper"))])
        // Paper refilled: Enter (the highlighted Print again) sends the same slip again; the code is not asked for again.
        let again = driver.send(.enter)
        #expect(again == first.filter { if case .printSlip = $0 { true } else { false } })
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.slip == .printing)
        #expect(driver.send(.slipPrinted) == [.record(.first, .printed)])
    }

    @Test func withoutASlipTheCodeStaysUpLongerAndEscLeaves() {
        var driver = Driver(JourneyConfiguration(idleSeconds: 90, claimCodeSeconds: 15))
        driver.toReview()
        driver.send(.enter, .visitSubmitted(Samples.submitted), .cardRemoved, .slipFailed("the printer is offline"))
        #expect(driver.state.idleSecondsLeft == 90)
        driver.tick(20)
        guard case .claimCode = driver.state.step else { Issue.record("gone after 20 s: \(driver.state.step)"); return }
        driver.send(.back)
        #expect(driver.state.step == .attract)
    }

    @Test func theSlipNamesTheMainRightAndWhoActed() {
        var driver = Driver()
        driver.toReview()
        let effects = driver.send(.enter, .visitSubmitted(Samples.submitted))
        guard case .printSlip(_, let slip)? = effects.first(where: { if case .printSlip = $0 { true } else { false } }) else {
            Issue.record("no slip")
            return
        }
        #expect(slip.mainRight == Samples.rights.mainInscl?.name)
        #expect(slip.path == .card && slip.proxy == nil)
        #expect(slip.maskedCitizenID == "1-1017-xxxxx-x5-0")
    }

    @Test func englishSlipsCarryTheEnglishName() {
        var driver = Driver()
        driver.toReview()
        driver.send(.toggleLanguage)
        driver.send(.enter)
        let effects = driver.send(.visitSubmitted(Samples.submitted))
        guard case .printSlip(_, let slip) = effects.first else { Issue.record("no slip"); return }
        #expect(slip.language == .english)
        #expect(slip.patientName == "Mr. Somchai Jaidee")
    }
}

@Suite struct ServiceAndMobileTests {
    @Test func servicesAreChosenWithKeysOrTaps() {
        var driver = Driver()
        driver.toReview()
        func selected() -> String? {
            if case .review(let review) = driver.state.step { return review.service.claimType }
            return nil
        }
        #expect(selected() == ServiceCode.general)
        driver.send(.nextChoice)
        #expect(selected() == ServiceCode.haemodialysis)
        driver.send(.nextChoice)
        #expect(selected() == ServiceCode.selfIsolation)
        driver.send(.previousChoice)
        #expect(selected() == ServiceCode.haemodialysis)
        driver.send(.select(1))
        #expect(selected() == ServiceCode.general)
        driver.send(.select(7))
        #expect(selected() == ServiceCode.general)
        #expect(driver.send(.select(2), .enter) == [Samples.submit(service: ServiceCode.haemodialysis)])
    }

    @Test func withoutTheDefaultServiceTheFirstIsSelected() {
        var driver = Driver()
        var rights = Samples.rights
        rights.claimTypes.remove(at: 1)
        driver.toReview(rights: rights)
        guard case .review(let review) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(review.selectedService == 0)
    }

    @Test func aRequiredMobileNumberIsAskedForAndChecked() {
        var driver = Driver(JourneyConfiguration(mobileRequired: true))
        driver.toReview()
        #expect(driver.send(.enter).isEmpty)
        #expect(driver.state.step.isMobileNumber(digits: ""))
        #expect(driver.send(.enter).isEmpty)  // empty is not allowed
        for digit in [0, 8, 1, 2, 3, 4, 5, 6, 7] { driver.send(.digit(digit)) }
        #expect(driver.send(.enter).isEmpty)  // nine digits
        driver.send(.digit(8), .digit(9))       // the eleventh digit is ignored
        #expect(driver.state.step.isMobileNumber(digits: "0812345678"))
        #expect(driver.send(.enter) == [Samples.submit(mobile: "0812345678")])
    }

    @Test func anOptionalMobileCanBeTypedCorrectedOrLeftOut() {
        var driver = Driver()
        driver.toReview()
        driver.send(.digit(0), .digit(9))
        #expect(driver.state.step.isMobileNumber(digits: "09"))
        driver.send(.backspace, .backspace)
        #expect(driver.state.step.isMobileNumber(digits: ""))
        driver.send(.backspace)
        guard case .review = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        driver.send(.enterMobile)
        #expect(driver.send(.enter) == [Samples.submit()])
    }

    @Test func backFromTheMobileKeepsTheReview() {
        var driver = Driver(JourneyConfiguration(mobileRequired: true))
        driver.toReview()
        driver.send(.enter, .digit(0), .back)
        guard case .review(let review) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(review.mobile.isEmpty)
    }
}

extension JourneyStep {
    func isMobileNumber(digits expected: String) -> Bool {
        if case .mobileNumber(_, let entry) = self { return entry.digits == expected }
        return false
    }
}
