import NHSO
import Testing
import ThaiIDCard
@testable import Journey

@Suite struct StaffPathTests {
    static let child = CitizenID("1100200778894")!
    static let staffMember = Samples.person  // Somchai works at the counter
    static let station = JourneyConfiguration(mode: .station, staffIDs: [staffMember.citizenID.digits])

    @Test func aKioskSendsThePatientToTheDeskWithAQueueSlipAndRecordsIt() {
        var driver = Driver()
        let effects = driver.send(.chooseOtherWay, .digit(6))
        #expect(driver.state.step == .identifying(.staff(.toDesk(reference: VisitID.first.reference, slip: .printing))))
        #expect(effects == [
            .record(.first, .ended(.sentToStaff, detail: "sent to the registration desk with a queue slip")),
            .printQueueSlip(.first, QueueSlip(reference: VisitID.first.reference, language: .thai)),
        ])
        #expect(driver.send(.slipPrinted) == [.record(.first, .printed)])
        #expect(driver.state.step == .identifying(.staff(.toDesk(reference: VisitID.first.reference, slip: .printed))))
        #expect(driver.send(.enter).isEmpty)
        #expect(driver.state.step == .attract)
    }

    @Test func theDeskScreenTimesOutWithoutRecordingItAgain() {
        var driver = Driver(JourneyConfiguration(idleSeconds: 5))
        driver.send(.chooseOtherWay, .digit(6))
        driver.tick(4)
        #expect(driver.send(.tick).isEmpty)
        #expect(driver.state.step == .attract)
    }

    /// The patient's id typed at a station, then the staff member's card.
    func staffCardAsked() -> Driver {
        var driver = Driver(Self.station)
        driver.send(.chooseOtherWay, .digit(6))
        for digit in Self.child.digits { driver.send(.digit(digit.wholeNumberValue!)) }
        driver.send(.enter)
        return driver
    }

    @Test func aStationsStaffMemberOnTheListAuthenticatesAsStaffRecorder() {
        var driver = staffCardAsked()
        #expect(driver.state.step == .identifying(.staff(.staffCard(patient: Self.child, reading: false, notice: nil))))
        #expect(driver.send(.cardInserted) == [.readVerifierCard(.first)])
        let effects = driver.send(.cardRead(Self.staffMember))
        #expect(effects.contains(.checkRights(.first, pid: Self.child.digits)))
        guard case .checkingRights(let identification) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(identification.path == .staff)
        #expect(identification.proxy?.role == .staffRecorder)
        #expect(identification.proxy?.relationship == .caretakingOfficer)
        #expect(identification.verification?.verifierType == "เจ้าหน้าที่ผู้บันทึกข้อมูล")
        #expect(identification.verification?.relationship == "เจ้าหน้าที่ผู้ดูแล")
    }

    @Test func aCardNotOnTheStaffListIsRefusedAndAnotherMayFollow() {
        var driver = staffCardAsked()
        var stranger = Self.staffMember
        stranger.citizenID = CitizenID("3500100345671")!
        driver.send(.cardInserted, .cardRead(stranger))
        #expect(driver.state.step == .identifying(.staff(.staffCard(patient: Self.child, reading: false, notice: .notOnStaffList))))
        driver.send(.cardRemoved, .cardInserted, .cardRead(Self.staffMember))
        guard case .checkingRights = driver.state.step else { Issue.record("\(driver.state.step)"); return }
    }

    @Test func aStationWithoutVerifiedVisitsSendsToTheCounter() {
        var driver = Driver(JourneyConfiguration(mode: .station, verifiedVisits: false))
        driver.send(.chooseOtherWay, .digit(6))
        #expect(driver.state.step == .identifying(.atCounter(.staff)))
    }
}

@Suite struct ReviewMendTests {
    @Test func enterPressesTryAgainWhereItIsOfferedAndBackLeaves() {
        var driver = Driver()
        driver.send(.cardInserted, .cardRead(Samples.person), .rightsCheckFailed(.unreachable(reason: "x")))
        #expect(driver.send(.enter) == [.checkRights(.first, pid: Samples.person.citizenID.digits)])
        driver.send(.rightsCheckFailed(.unreachable(reason: "x")))
        #expect(driver.send(.back) == [.cancel(.first)])
        #expect(driver.state.step == .attract)
    }

    @Test func aStaffMembersCardLeftInDoesNotHoldTheCodeOnScreen() {
        let station = JourneyConfiguration(mode: .station, staffIDs: [Samples.person.citizenID.digits])
        var driver = Driver(station)
        driver.send(.chooseOtherWay, .digit(6))
        for digit in "1100200778894" { driver.send(.digit(digit.wholeNumberValue!)) }
        driver.send(.enter, .cardInserted, .cardRead(Samples.person))
        var rights = Samples.rights
        rights.pid = "1100200778894"
        driver.send(.rightsChecked(rights), .enter, .visitSubmitted(Samples.submitted), .slipPrinted)
        guard case .claimCode = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(driver.state.cardPresent)
        driver.send(.enter)
        #expect(driver.state.step == .attract, "the staff member's card stays in; the next patient comes")
    }

    @Test func aCardLeftInByAnEarlierPatientIsNotReadAsTheGuardians() {
        var driver = Driver()
        driver.send(.cardInserted, .cardReadFailed(.notAThaiIDCard(statusWord: 0x6A82)), .back)
        #expect(driver.state.cardPresent)
        driver.send(.chooseOtherWay, .digit(4))
        for digit in "1100200778894" { driver.send(.digit(digit.wholeNumberValue!)) }
        #expect(driver.send(.enter).isEmpty, "the card in the reader was not inserted for this visit")
        #expect(driver.state.step == .identifying(.proxyCard(.guardianCard(patient: CitizenID("1100200778894")!, reading: false, notice: nil))))
    }
}
