/// "How will you prove who you are?": six numbered choices, by digit, by arrows and Enter, or by tap.
extension Journey {
    func choose(_ state: inout JourneyState, focus: IdentityPath, _ event: JourneyEvent) -> [JourneyEffect] {
        let paths = IdentityPath.allCases
        let index = paths.firstIndex(of: focus)!
        switch event {
        case .choosePath(let path):
            return start(&state, path)
        case .digit(let number) where (1...paths.count).contains(number):
            return start(&state, paths[number - 1])
        case .enter:
            return start(&state, focus)
        case .nextChoice:
            go(&state, .chooseIdentity(focus: paths[(index + 1) % paths.count]))
        case .previousChoice:
            go(&state, .chooseIdentity(focus: paths[(index + paths.count - 1) % paths.count]))
        case .back:
            go(&state, .attract)
        default:
            break
        }
        return []
    }
}

extension IdentityPath {
    /// Its number on the chooser (1–6), in the journey tree's order.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }
}

extension JourneyStep {
    /// The identification path of the visit on screen, from choosing a path until the confirm.
    public var identificationPath: IdentityPath? {
        switch self {
        case .identifying(let step): step.path
        case .checkingRights(let identification): identification.path
        case .review(let review), .mobileNumber(let review, _), .submitting(let review, _), .pending(let review, _):
            review.identification.path
        default: nil
        }
    }
}
