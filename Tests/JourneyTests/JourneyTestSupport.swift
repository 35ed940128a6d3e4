import Foundation
@testable import Journey
import NHSO
import ThaiIDCard
import VirtualThaiIDCard

/// Drives the reducer like the app does, keeping every effect it asked for.
struct Driver {
    var journey: Journey
    var state = JourneyState()
    var effects: [JourneyEffect] = []

    init(_ configuration: JourneyConfiguration = JourneyConfiguration()) {
        journey = Journey(configuration: configuration, visitIDs: .sequential())
    }

    /// Sends the events; a result addressed to `VisitID.current` goes to the visit on screen.
    @discardableResult
    mutating func send(_ events: JourneyEvent...) -> [JourneyEffect] {
        var produced: [JourneyEffect] = []
        for event in events {
            var event = event
            if case .result(.current, let result) = event, let visit = state.visit { event = .result(visit, result) }
            produced += journey.reduce(&state, event)
        }
        effects += produced
        return produced
    }

    mutating func tick(_ times: Int) {
        for _ in 0..<times { send(.tick) }
    }

    /// Card in, read, rights checked: the review screen.
    mutating func toReview(rights: RightsCheck = Samples.rights) {
        send(.cardInserted, .cardRead(Samples.person), .rightsChecked(rights))
    }
}

enum Samples {
    static let cards = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/cards")

    /// Somchai, read from his virtual card.
    static let person: ThaiIDCardPerson = {
        let card = try! VirtualThaiIDCard(personFile: cards.appendingPathComponent("somchai.json"))
        return try! ThaiIDCardReader(channel: VirtualCardChannel(card: card)).readPerson()
    }()

    /// Somchai as the journey knows him.
    static let patient = Patient(card: person)

    static let services = [ServiceCode.selfIsolation, ServiceCode.general, ServiceCode.haemodialysis].map {
        ClaimType(claimType: $0, claimTypeName: ServiceCode.names[$0]!)
    }

    static let rights = RightsCheck(
        pid: person.citizenID.digits, fname: "สมชาย", lname: "ใจดี",
        mainInscl: InsuranceRight(code: "UCS", name: "สิทธิหลักประกันสุขภาพแห่งชาติ"),
        subInscl: InsuranceRight(code: "89", name: "ช่วงอายุ 12-59 ปี"), claimTypes: services,
        correlationId: "6f1c-correlation", hospMain: Hospital(hcode: "10757", hname: "รพ.พระนั่งเกล้า")
    )

    static let submitted = VisitSubmitter.Submitted(claimCode: ClaimCode("PP1172534798")!, claimDateTime: "2026-11-27T09:30:00", origin: .issued)

    static func visit(mobile: String = "", service: String = ServiceCode.general) -> VisitRequest {
        VisitRequest(pid: person.citizenID.digits, claimType: service, mobile: mobile, correlationId: "6f1c-correlation")
    }

    /// The effect that submits `visit(…)` for the first visit.
    static func submit(mobile: String = "", service: String = ServiceCode.general, retry: Bool = false) -> JourneyEffect {
        .submitVisit(.first, VisitSubmission(request: visit(mobile: mobile, service: service), mayHaveBeenRecorded: retry))
    }
}

extension VisitID {
    /// In `Driver.send`: whichever visit is on screen.
    static let current = VisitID(UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")!)
    /// The ids `VisitIDSource.sequential()` gives: the first visit, the second.
    static let first = VisitID.numbered(1)
    static let second = VisitID.numbered(2)
}

/// Results for the visit on screen, spelled as the events the tests send.
extension JourneyEvent {
    static func cardReadProgress(done: Int, total: Int) -> JourneyEvent { .result(.current, .cardReadProgress(done: done, total: total)) }
    static func cardRead(_ person: ThaiIDCardPerson) -> JourneyEvent { .result(.current, .cardRead(person)) }
    static func cardReadFailed(_ error: ThaiIDCardError) -> JourneyEvent { .result(.current, .cardReadFailed(error)) }
    static func agentRead(_ rights: RightsCheck) -> JourneyEvent { .result(.current, .agentRead(rights)) }
    static func agentReadFailed(_ error: NHSOError) -> JourneyEvent { .result(.current, .agentReadFailed(error)) }
    static func rightsChecked(_ rights: RightsCheck) -> JourneyEvent { .result(.current, .rightsChecked(rights)) }
    static func rightsCheckFailed(_ error: NHSOError) -> JourneyEvent { .result(.current, .rightsCheckFailed(error)) }
    static func visitSubmitted(_ submitted: VisitSubmitter.Submitted) -> JourneyEvent { .result(.current, .visitSubmitted(submitted)) }
    static func visitFailed(_ error: NHSOError) -> JourneyEvent { .result(.current, .visitFailed(error)) }
    static var slipPrinted: JourneyEvent { .result(.current, .slipPrinted) }
    static func slipFailed(_ reason: String) -> JourneyEvent { .result(.current, .slipFailed(reason)) }
}
