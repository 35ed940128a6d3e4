import NHSO
import Testing
import ThaiIDCard
import VirtualThaiIDCard
@testable import Journey

@Suite struct ProxyCardPathTests {
    static let child = CitizenID("1100200778894")!
    static let guardian = Samples.person  // Somchai, on his own card

    /// The patient's id typed, the guardian's card asked for.
    func guardianAsked() -> Driver {
        var driver = Driver()
        driver.send(.chooseOtherWay, .digit(4))
        for digit in Self.child.digits { driver.send(.digit(digit.wholeNumberValue!)) }
        driver.send(.enter)
        return driver
    }

    /// The guardian's card read: the relation screen.
    func relationScreen() -> Driver {
        var driver = guardianAsked()
        driver.send(.cardInserted, .cardRead(Self.guardian))
        return driver
    }

    var childRights: RightsCheck {
        var rights = Samples.rights
        rights.pid = Self.child.digits
        rights.fname = "ภูมิ"
        rights.lname = "รักเรียน"
        return rights
    }

    @Test func theGuardiansCardIsReadForThePatientTyped() {
        var driver = guardianAsked()
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: Self.child, reading: false, notice: nil))))
        #expect(driver.send(.cardInserted) == [.readVerifierCard(.first)], "the guardian's card is read for this visit, not as a new card visit")
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: Self.child, reading: true, notice: nil))))
        driver.send(.cardRead(Self.guardian))
        guard case .identifying(.proxyCard(.relation(let choice))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(choice.guardian.citizenID == Self.guardian.citizenID)
        #expect(choice.patient == Self.child)
    }

    @Test func roleAndRelationshipByNumberThenTheChildsRightsAreChecked() {
        var driver = relationScreen()
        driver.send(.digit(1), .enter)                 // 1 ผู้ปกครอง
        driver.send(.digit(1), .digit(5), .enter)      // 15 น้า
        guard case .identifying(.proxyCard(.relation(let choice))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(choice.role == .guardian && choice.relationship == .youngerMaternalUncleOrAunt)
        #expect(choice.focus == ProxyChoice.continueIndex)
        let effects = driver.send(.enter)
        #expect(effects.contains(.checkRights(.first, pid: Self.child.digits)))
        #expect(effects.contains(.record(.first, .identified(citizenID: Self.child.digits, path: .proxyCard))))
        // The review names NHSO's name for the child and who acted; the visit carries the verification.
        driver.send(.rightsChecked(childRights))
        guard case .review(let review) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(review.person.nameTH == "ภูมิ รักเรียน")
        #expect(review.identification.proxy?.relationship == .youngerMaternalUncleOrAunt)
        let submit = driver.send(.enter)
        guard case .submitVisit(.first, let submission)? = submit.first else { Issue.record("\(submit)"); return }
        #expect(submission.request.pid == Self.child.digits)
        #expect(submission.request.verification == Verification(
            authenType: .proxyCard, verifierType: "ผู้ปกครอง", verifierPid: Self.guardian.citizenID.digits,
            verifierName: "นายสมชาย ใจดี", relationship: "น้า"
        ))
        // The slip names who acted for the child, and how they are related.
        let coded = driver.send(.visitSubmitted(Samples.submitted))
        guard case .printSlip(_, let slip)? = coded.first else { Issue.record("\(coded)"); return }
        #expect(slip.path == .proxyCard)
        #expect(slip.proxy == SlipProxy(name: "นายสมชาย ใจดี", maskedCitizenID: Self.guardian.citizenID.masked, role: .guardian,
                                        relationship: .youngerMaternalUncleOrAunt))
    }

    @Test func arrowsAndEnterAndTapsChooseToo() {
        var driver = relationScreen()
        driver.send(.nextChoice, .enter)               // focus 2 (ผู้ดูแล)
        driver.send(.select(20))                       // tap: เจ้าหน้าที่ผู้ดูแล
        guard case .identifying(.proxyCard(.relation(let choice))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(choice.role == .caretaker && choice.relationship == .caretakingOfficer)
        driver.send(.select(ProxyChoice.continueIndex))
        #expect(driver.state.step == .checkingRights(Identification(
            patient: Patient(citizenID: Self.child, nameTH: ""), path: .proxyCard,
            proxy: Proxy(citizenID: Self.guardian.citizenID, name: "นายสมชาย ใจดี", role: .caretaker, relationship: .caretakingOfficer)
        )))
    }

    @Test func continueNeedsBothChoices() {
        var driver = relationScreen()
        driver.send(.digit(3), .enter)                 // บิดา, no role yet
        driver.send(.select(ProxyChoice.continueIndex))
        guard case .identifying(.proxyCard(.relation(let choice))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(choice.relationship == .father && choice.role == nil)
        // A number out of range picks nothing.
        driver.send(.digit(9), .digit(9), .enter)
        guard case .identifying(.proxyCard(.relation(let after))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(after.typed.isEmpty && after.relationship == .father)
    }

    @Test func thePatientsOwnCardIsNotAGuardiansCard() {
        var driver = Driver()
        driver.send(.chooseOtherWay, .digit(4))
        for digit in Self.guardian.citizenID.digits { driver.send(.digit(digit.wholeNumberValue!)) }
        driver.send(.enter, .cardInserted, .cardRead(Self.guardian))
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: Self.guardian.citizenID, reading: false, notice: .isThePatientsCard))))
    }

    @Test func aGuardiansCardPulledMidReadIsSaidAndCanBeInsertedAgain() {
        var driver = guardianAsked()
        let effects = driver.send(.cardInserted, .cardRemoved)
        #expect(effects.contains(.cancel(.first)))
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: Self.child, reading: false, notice: .removed))))
        #expect(driver.send(.cardInserted) == [.readVerifierCard(.first)])
    }

    @Test func pullingTheGuardiansCardAfterTheReadLosesNothing() {
        var driver = relationScreen()
        driver.send(.cardRemoved, .digit(1), .enter, .digit(3), .enter, .enter, .rightsChecked(childRights))
        guard case .review = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        driver.send(.cardRemoved)
        guard case .review = driver.state.step else { Issue.record("the review must stay: \(driver.state.step)"); return }
    }

    @Test func anUnreadableGuardiansCardIsSaid() {
        var driver = guardianAsked()
        driver.send(.cardInserted, .cardReadFailed(.notAThaiIDCard(statusWord: 0x6A82)))
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: Self.child, reading: false, notice: .unreadable))))
    }

    @Test func aGuardiansCardInsertedBeforeItWasAskedForIsReadWhenItIs() {
        var driver = Driver()
        driver.send(.chooseOtherWay, .digit(4), .cardInserted)
        #expect(driver.state.step == .identifying(.proxyCard(.patientID(NumberEntry(.citizenID)))))
        for digit in Self.child.digits { driver.send(.digit(digit.wholeNumberValue!)) }
        #expect(driver.send(.enter) == [.readVerifierCard(.first)])
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: Self.child, reading: true, notice: nil))))
    }

    @Test func withoutVerifiedVisitsThePathSendsToTheCounter() {
        var driver = Driver(JourneyConfiguration(verifiedVisits: false))
        driver.send(.chooseOtherWay, .digit(4))
        #expect(driver.state.step == .identifying(.atCounter(.proxyCard)))
    }

    @Test func backStepsOutOneScreenAtATime() {
        var driver = relationScreen()
        driver.send(.back)
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: Self.child, reading: false, notice: nil))))
        driver.send(.back)
        #expect(driver.state.step == .identifying(.proxyCard(.patientID(NumberEntry(.citizenID, digits: Self.child.digits)))))
        driver.send(.back)
        #expect(driver.state.step == .chooseIdentity(focus: .proxyCard))
    }
}
