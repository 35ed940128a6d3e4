@testable import Journey
import NHSO
import Testing
import ThaiIDCard

/// One visit, one person: results are tied to the visit that asked for them, and NHSO's answer to the
/// person on screen.
@Suite struct VisitIdentityTests {
    static let malee = Patient(citizenID: CitizenID("3100500456783")!, nameTH: "นางสาวมาลี ศรีสุข")

    @Test func aLateRightsAnswerForAPulledCardIsDroppedOnThePCSCPath() {
        var driver = Driver()
        driver.send(.cardInserted, .cardRead(Samples.person))
        #expect(driver.state.step == .checkingRights(.card(Samples.patient)))
        // A leaves, B arrives and is read; A's answer then comes.
        driver.send(.cardRemoved, .cardInserted)
        #expect(driver.state.visit == .second)
        var maleeCard = Samples.person
        maleeCard.citizenID = Self.malee.citizenID
        driver.send(.cardRead(maleeCard))
        let effects = driver.send(.result(.first, .rightsChecked(Samples.rights)))
        #expect(effects.isEmpty)
        guard case .checkingRights(let identification) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(identification.patient.citizenID == Self.malee.citizenID)
    }

    @Test func aLateAgentReadForAPulledCardIsDroppedOnTheAgentPath() {
        var driver = Driver()
        driver.send(.cardInserted, .cardRemoved, .cardInserted)
        #expect(driver.state.step == .identifying(.card))
        #expect(driver.send(.result(.first, .agentRead(Samples.rights))).isEmpty)
        #expect(driver.state.step == .identifying(.card))
        // B's own answer is taken.
        var maleeRights = Samples.rights
        maleeRights.pid = Self.malee.citizenID.digits
        driver.send(.result(.second, .agentRead(maleeRights)))
        guard case .review(let review) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(review.person.citizenID == Self.malee.citizenID)
        #expect(driver.send(.enter) == [.submitVisit(.second, VisitSubmission(request: VisitRequest(
            pid: Self.malee.citizenID.digits, claimType: ServiceCode.general, mobile: "", correlationId: "6f1c-correlation"
        )))])
    }

    @Test func aRightsRetryNeedsTheCardStillIn() {
        var driver = Driver()
        driver.send(.cardInserted, .cardRead(Samples.person), .rightsCheckFailed(.unreachable(reason: "timed out")))
        // The patient leaves; whoever taps "try again" next does not get their review.
        driver.send(.cardRemoved)
        #expect(driver.send(.retry).isEmpty)
        #expect(driver.state.step == .attract)
        #expect(driver.state.visit == nil)
    }

    @Test func rightsAboutSomeoneElseAreNeverShown() {
        var driver = Driver()
        var rights = Samples.rights
        rights.pid = Self.malee.citizenID.digits
        driver.send(.cardInserted, .cardRead(Samples.person), .rightsChecked(rights))
        #expect(driver.state.step == .problem(.answerForAnotherPerson))
    }

    @Test func aLateCodeForAnEndedVisitChangesNothingButItsSlipIsStillRecorded() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .visitSubmitted(Samples.submitted), .cardRemoved, .enter)
        #expect(driver.state.step == .attract)
        #expect(driver.state.visit == nil)
        #expect(driver.send(.result(.first, .visitSubmitted(Samples.submitted))).isEmpty)
        #expect(driver.send(.result(.first, .slipPrinted)) == [.record(.first, .printed)])
        #expect(driver.state.step == .attract)
    }

    @Test func aSubmitPastItsLimitLeavesAReferenceAndAStillArrivingCodeIsShown() {
        var driver = Driver(JourneyConfiguration(submitLimitSeconds: 45))
        driver.toReview()
        driver.send(.enter)
        driver.tick(44)
        guard case .submitting(_, seconds: 44) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        let pendingSlip = PendingSlip(reference: VisitID.first.reference, patientName: "นายสมชาย ใจดี", maskedCitizenID: "1-1017-xxxxx-x5-0", language: .thai)
        #expect(driver.send(.tick) == [.record(.first, .pending), .printPendingSlip(.first, pendingSlip)])
        guard case .pending(let review, let reference) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(reference == VisitID.first.reference)
        #expect(review.person == Samples.patient)
        driver.send(.visitSubmitted(Samples.submitted))
        guard case .claimCode(let issued) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(issued.submitted.claimCode == Samples.submitted.claimCode)
        // The reference slip, still printing when the code came, is not taken for the claim slip.
        #expect(driver.send(.result(.first, .referenceSlipPrinted)).isEmpty)
        #expect(driver.state.step == .claimCode(issued))
        #expect(issued.slip == .printing)
    }

    @Test func anUnknownOutcomeIsPendingWithoutARetry() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter)
        let effects = driver.send(.visitFailed(.visitOutcomeUnknown(reason: "no lookup answered")))
        guard case .pending(_, let reference) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        // The reference on paper too, for the staff.
        #expect(effects.contains { if case .printPendingSlip(.first, let slip) = $0 { slip.reference == reference } else { false } })
        #expect(reference == VisitID.first.reference)
        #expect(driver.send(.retry).isEmpty)
    }

    @Test func nhsoRefusingTheVisitIsNotRetried() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .visitFailed(.visitRejected(message: "ไม่พบสิทธิ")))
        #expect(driver.state.step == .problem(.nhso(.visitRejected(message: "ไม่พบสิทธิ"), retry: nil)))
    }

    @Test func withoutAJournalNoVisitStartsAndNoneIsSubmitted() {
        var driver = Driver()
        driver.toReview()
        driver.send(.journalAvailable(false))
        #expect(driver.send(.enter) == [.record(.first, .ended(.journalUnavailable, detail: "the journal cannot be written"))])
        #expect(driver.state.step == .problem(.outOfService))
        driver.send(.cardRemoved, .cardInserted)
        #expect(driver.state.step == .problem(.outOfService))
        #expect(!driver.effects.contains { if case .submitVisit = $0 { true } else { false } })
        driver.send(.journalAvailable(true), .cardRemoved, .cardInserted)
        #expect(driver.state.step == .identifying(.card))
    }

    @Test func aJournalFailureBeforeConfirmSaveIsOutOfService() {
        var driver = Driver()
        driver.toReview()
        driver.send(.enter, .result(.current, .visitNotSubmitted(journalError: "disk full")))
        #expect(driver.state.step == .problem(.outOfService))
        #expect(!driver.state.journalAvailable)
    }

    @Test func visitReferencesAreSixReadableCharacters() {
        let reference = VisitID().reference
        #expect(reference.count == 6)
        #expect(!reference.contains { "01IO".contains($0) })
    }
}
