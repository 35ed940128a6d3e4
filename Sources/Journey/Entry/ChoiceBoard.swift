/// Choices on one screen in groups (a verifier type and a relationship; a kind of ID and a reason),
/// numbered 1…n across the groups in screen order, and a Continue item after them. One choice per
/// group; Continue once every group has one. By number and Enter (one or two digits), by arrows and
/// Enter, or by tap (`.select(index)`).
public struct ChoiceBoard: Sendable, Hashable {
    /// How many items each group has.
    public let groups: [Int]
    /// The chosen item of each group (its index within the group).
    public private(set) var chosen: [Int?]
    /// The item the arrows are on (0-based over all items; `continueIndex` is Continue).
    public private(set) var focus = 0
    /// Digits typed to pick an item by its number.
    public private(set) var typed = ""

    public enum Outcome: Sendable, Hashable {
        case editing
        /// Continue, every group chosen.
        case done
        /// Back (or Backspace with nothing typed).
        case back
        case ignored
    }

    public init(groups: [Int]) {
        self.groups = groups
        chosen = Array(repeating: nil, count: groups.count)
    }

    public var itemCount: Int { groups.reduce(0, +) }
    public var continueIndex: Int { itemCount }
    public var isComplete: Bool { chosen.allSatisfy { $0 != nil } }

    /// The overall index of item `item` of group `group`.
    public func index(group: Int, item: Int) -> Int { groups.prefix(group).reduce(0, +) + item }

    public mutating func handle(_ event: JourneyEvent) -> Outcome {
        switch event {
        case .digit(let digit) where typed.count < 2:
            typed.append(String(digit))
        case .backspace where !typed.isEmpty:
            typed.removeLast()
        case .enter where !typed.isEmpty:
            if let number = Int(typed), (1...itemCount).contains(number) { pick(number - 1) }
            typed = ""
        case .enter where focus == continueIndex:
            return isComplete ? .done : .editing
        case .enter:
            pick(focus)
        case .select(let index) where index == continueIndex:
            return isComplete ? .done : .editing
        case .select(let index) where (0..<itemCount).contains(index):
            pick(index)
        case .nextChoice:
            focus = (focus + 1) % (itemCount + 1)
        case .previousChoice:
            focus = (focus + itemCount) % (itemCount + 1)
        case .back, .backspace:
            return .back
        default:
            return .ignored
        }
        return .editing
    }

    /// Marks the item at `index` chosen in its group; the focus moves to the first group still open,
    /// or to Continue.
    mutating func pick(_ index: Int) {
        var start = 0
        for (group, count) in groups.enumerated() {
            if index < start + count { chosen[group] = index - start; break }
            start += count
        }
        if let open = chosen.firstIndex(where: { $0 == nil }) {
            focus = self.index(group: open, item: 0)
        } else {
            focus = continueIndex
        }
    }
}
