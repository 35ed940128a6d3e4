import Journey
import NHSO

extension Screen {
    mutating func problem(_ problem: JourneyProblem) {
        let row = paragraph(t("problem.title"), row: top, style: .title)
        if case .nhso(.visitRejected(let message), _) = problem {
            // NHSO's own reason, sanitised when drawn, under the kiosk's sentence.
            let next = paragraph(t("problem.rejected"), row: row + 1, style: .warning)
            paragraph(message, row: next + 1)
        } else {
            paragraph(t(Self.messageKey(problem)), row: row + 1, style: .warning)
        }
        var buttons: [(String, UIAction, Bool)] = [(t("problem.toStart"), .back, false)]
        if problem.retry != nil { buttons.append((t("problem.retry"), .retry, true)) }
        bottomButtons(buttons)
    }
    static func messageKey(_ problem: JourneyProblem) -> String {
        switch problem {
        case .cardRemovedBeforeConfirm: "problem.cardRemoved"
        case .cardUnreadable(.notAThaiIDCard): "problem.notThaiCard"
        case .cardUnreadable, .agentAnswerInvalid: "problem.cardUnreadable"
        case .noRights: "problem.noRights"
        case .answerForAnotherPerson: "problem.anotherPerson"
        case .outOfService: "problem.outOfService"
        case .printFailed: "code.printFailed"
        case .phoneAuthenticationNotFound: "problem.phoneNotFound"
        case .nhso(let error, _):
            switch error {
            case .unreachable: "problem.unreachable"
            case .personNotFound: "problem.notFound"
            case .invalidID: "problem.invalidID"
            case .tokenMissing, .tokenRejected, .tokenFileUnsafe, .tokenFileUnreadable: "problem.kioskSetup"
            case .alreadyAuthenticated, .malformedAnswer, .server: "problem.nhsoError"
            case .visitRejected: "problem.rejected"
            case .visitOutcomeUnknown: "pending.message"
            }
        }
    }
}
