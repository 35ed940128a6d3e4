@testable import Journey
import NHSO
import Testing
import ThaiIDCard

/// The card path when NHSO's agent owns the reader: one `read` gives the person and the rights.
@Suite struct AgentPathTests {
    static let agentAnswer: RightsCheck = {
        var rights = Samples.rights
        rights.titleName = "003"
        rights.fname = " สมชาย "
        rights.lname = "ใจดี"
        return rights
    }()

    @Test func theAgentsReadGoesStraightToTheReview() {
        var driver = Driver()
        driver.send(.cardInserted)
        #expect(driver.send(.agentRead(Self.agentAnswer)) == [
            .record(.first, .identified(citizenID: "1101700203450", path: .card)),
            .record(.first, .rights(mainInscl: "(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ")),
        ])
        guard case .review(let review) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(review.person.citizenID.digits == "1101700203450")
        // The title code is not shown as words; spaces around the agent's fields are dropped.
        #expect(review.person.name(in: .thai) == "สมชาย ใจดี")
        // No English name from the agent: the Thai one is shown rather than nothing.
        #expect(review.person.name(in: .english) == "สมชาย ใจดี")
        #expect(review.service.claimType == ServiceCode.general)
    }

    @Test func theVisitCarriesTheAgentsCorrelationId() {
        var driver = Driver()
        driver.send(.cardInserted, .agentRead(Self.agentAnswer))
        #expect(driver.send(.enter) == [Samples.submit()])
    }

    @Test func anAnswerWithAnInvalidIdIsAProblemNotAPerson() {
        var driver = Driver()
        var answer = Self.agentAnswer
        answer.pid = "1101700203451"
        driver.send(.cardInserted)
        let effects = driver.send(.agentRead(answer))
        #expect(driver.state.step == .problem(.agentAnswerInvalid))
        #expect(effects == [.cancel(.first), .record(.first, .ended(.cardUnreadable, detail: "the agent's answer has no valid citizen id"))])
    }

    @Test func noServiceFromTheAgentIsTheNoRightsProblem() {
        var driver = Driver()
        var answer = Self.agentAnswer
        answer.claimTypes = []
        driver.send(.cardInserted, .agentRead(answer))
        #expect(driver.state.step == .problem(.noRights(answer)))
    }

    @Test func aFailedAgentReadIsRetriedByReadingAgain() {
        var driver = Driver()
        driver.send(.cardInserted, .agentReadFailed(.server(status: 503, message: "down")))
        #expect(driver.state.step == .problem(.nhso(.server(status: 503, message: "down"), retry: .readCard)))
        #expect(driver.send(.retry) == [.readCard(.first)])
        #expect(driver.state.step == .identifying(.card))
        driver.send(.agentRead(Self.agentAnswer))
        guard case .review = driver.state.step else { Issue.record("\(driver.state.step)"); return }
    }

    @Test func retryingAReadWithoutACardReturnsToTheStart() {
        var driver = Driver()
        driver.send(.cardInserted, .agentReadFailed(.unreachable(reason: "refused")))
        driver.send(.cardRemoved)
        // Pulling the card from a problem screen changes nothing; a retry then has no card to read.
        #expect(driver.send(.retry) == [])
        #expect(driver.state.step == .attract)
    }

    @Test func aLastingAgentFailureOffersNoRetry() {
        var driver = Driver()
        driver.send(.cardInserted, .agentReadFailed(.server(status: 400, message: "bad")))
        #expect(driver.state.step == .problem(.nhso(.server(status: 400, message: "bad"), retry: nil)))
    }

    @Test func pullingTheCardWhileTheAgentReadsCancels() {
        var driver = Driver()
        driver.send(.cardInserted, .cardRemoved)
        #expect(driver.state.step == .problem(.cardRemovedBeforeConfirm))
        // The agent's late answer does not bring the visit back.
        driver.send(.agentRead(Self.agentAnswer))
        #expect(driver.state.step == .problem(.cardRemovedBeforeConfirm))
    }
}
