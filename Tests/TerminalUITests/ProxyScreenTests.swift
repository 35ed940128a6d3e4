import Journey
import NHSO
import Testing
import ThaiIDCard
@testable import TerminalUI

@Suite struct ProxyScreenTests {
    static let choice = ProxyChoice(patient: CitizenID("1100200778894")!, guardian: UISamples.person)

    @Test(arguments: [(80, 24), (120, 34)])
    func everyRoleAndAllNineteenRelationshipsFitOneScreenVerbatim(width: Int, height: Int) {
        let grid = UISamples.renderer.render(JourneyState(step: .identifying(.proxyCard(.relation(Self.choice)))), width: width, height: height)
        for (index, relationship) in Relationship.allCases.enumerated() {
            #expect(grid.contains("\(index + 3) \(relationship.thai)"), "\(relationship.thai) missing")
            #expect(grid.buttons.contains { $0.action == .select(index + 2) })
        }
        #expect(Relationship.allCases.count == 19)
        #expect(grid.contains("1 ผู้ปกครอง") && grid.contains("2 ผู้ดูแล"))
        #expect(grid.buttons.contains { $0.action == .select(ProxyChoice.continueIndex) })
        for button in grid.buttons {
            #expect(button.row + button.height <= height - 1, "a button under the key line")
            #expect(button.height >= 2)
        }
        // No two buttons overlap: each tap has one meaning.
        for (i, a) in grid.buttons.enumerated() {
            for b in grid.buttons[(i + 1)...] {
                let apart = a.row + a.height <= b.row || b.row + b.height <= a.row || a.column + a.width <= b.column || b.column + b.width <= a.column
                #expect(apart, "\(a.action) overlaps \(b.action)")
            }
        }
    }

    @Test func theChosenAndTheFocusedAreDrawnApart() {
        var choice = Self.choice
        _ = choice.board.handle(.select(0))       // guardian; the focus moves to the relationships
        _ = choice.board.handle(.nextChoice)
        _ = choice.board.handle(.nextChoice)
        _ = choice.board.handle(.nextChoice)      // focus 5
        let grid = UISamples.renderer.render(JourneyState(step: .identifying(.proxyCard(.relation(choice)))), width: 80, height: 24)
        let chosen = grid.buttons.first { $0.action == .select(0) }!
        let focused = grid.buttons.first { $0.action == .select(5) }!
        #expect(grid[chosen.row, chosen.column].style == .selectedButton)
        #expect(grid[focused.row, focused.column].style == .focusedButton)
    }

    @Test func theReviewSaysWhoActed() {
        let identification = Identification(
            patient: UISamples.person, path: .proxyCard,
            proxy: Proxy(citizenID: CitizenID("3500100345671")!, name: "นายทองคำ มีสุข", role: .caretaker, relationship: .elderUncle)
        )
        let review = JourneyStep.Review(identification: identification, rights: UISamples.rights, selectedService: 0)
        let grid = UISamples.renderer.render(JourneyState(step: .review(review)), width: 80, height: 24)
        #expect(grid.contains("นายทองคำ มีสุข (ผู้ดูแล · ลุง)"))
    }
}
