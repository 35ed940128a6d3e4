import Journey
import NHSO
import ThaiIDCard

/// Draws the journey's state into a cell grid: one layout per step, every text from the catalog in the
/// patient's language, sized to the terminal (80×24 and up). Pure: the same state and size always give
/// the same grid.
public struct ScreenRenderer: Sendable {
    public let catalog: TextCatalog
    public let configuration: JourneyConfiguration

    public init(catalog: TextCatalog, configuration: JourneyConfiguration) {
        self.catalog = catalog
        self.configuration = configuration
    }

    public func render(_ state: JourneyState, width: Int, height: Int) -> CellGrid {
        var screen = Screen(
            grid: CellGrid(width: width, height: height), language: state.language, catalog: catalog,
            forStaff: configuration.mode == .station
        )
        screen.header()
        switch state.step {
        case .attract:
            screen.attract(cardPresent: state.cardPresent, readerAvailable: state.readerAvailable, inService: state.journalAvailable)
        case .chooseIdentity: screen.chooseIdentity()
        case .otherPath(let path): screen.otherPath(path)
        case .readingCard: screen.reading(state.readProgress)
        case .checkingRights(let person): screen.waiting("rights.checking", detail: nil, name: person.name(in: state.language))
        case .review(let review): screen.review(review, mobileRequired: configuration.mobileRequired)
        case .mobileNumber(_, let digits): screen.mobileNumber(digits, required: configuration.mobileRequired)
        case .submitting(let review, let seconds): screen.submitting(review.person.name(in: state.language), seconds: seconds)
        case .pending(_, let reference): screen.pending(reference: reference)
        case .claimCode(let issued): screen.claimCode(issued, cardPresent: state.cardPresent)
        case .problem(let problem): screen.problem(problem)
        }
        if state.showsCountdown(configuration), let left = state.idleSecondsLeft {
            screen.grid.putCentered(screen.t("common.countdown", ["seconds": String(left)]), row: height - 2, style: .warning)
        }
        screen.grid.putCentered(screen.t("common.keys"), row: height - 1, style: .muted)
        return screen.grid
    }
}

/// One screen being drawn.
struct Screen {
    var grid: CellGrid
    let language: Language
    let catalog: TextCatalog
    /// Station mode: staff at the counter read the screen, so it addresses them and shows the person in
    /// full (the whole id, birth date, every unit), which a kiosk in a public hall does not.
    let forStaff: Bool

    var width: Int { grid.width }
    var height: Int { grid.height }
    /// First row below the header.
    let top = 4
    /// First row of the bottom buttons.
    var buttonRow: Int { height - 5 }

    func t(_ key: String, _ values: [String: String] = [:]) -> String {
        catalog.text(key, language, values)
    }

    mutating func header() {
        grid.fill(row: 0, column: 0, width: width, height: 3, style: .title)
        grid.put(t(forStaff ? "station.name" : "app.name"), row: 1, column: 2, style: .title)
        let label = t("common.language")
        let buttonWidth = max(12, TerminalWidth.of(label) + 4)
        grid.button(label, action: .toggleLanguage, row: 0, column: width - buttonWidth, width: buttonWidth)
    }

    /// Text wrapped to the screen, centred line by line from `row`; returns the next free row.
    @discardableResult
    mutating func paragraph(_ text: String, row: Int, style: CellStyle = .normal, margin: Int = 4) -> Int {
        var r = row
        for line in TextWrapper.wrap(text, width: max(10, width - 2 * margin)) {
            grid.putCentered(line, row: r, style: style)
            r += 1
        }
        return r
    }

    /// One or two buttons side by side on the bottom rows.
    mutating func bottomButtons(_ buttons: [(String, UIAction, Bool)]) {
        guard !buttons.isEmpty else { return }
        let gap = 2
        let buttonWidth = min(30, (width - 4 - gap * (buttons.count - 1)) / buttons.count)
        let total = buttonWidth * buttons.count + gap * (buttons.count - 1)
        var column = (width - total) / 2
        for (label, action, selected) in buttons {
            grid.button(label, action: action, row: buttonRow, column: column, width: buttonWidth, selected: selected)
            column += buttonWidth + gap
        }
    }

    // MARK: Steps

    mutating func attract(cardPresent: Bool, readerAvailable: Bool, inService: Bool) {
        guard inService else {
            let row = paragraph(t("outOfService.title"), row: top + 1, style: .title)
            paragraph(t("problem.outOfService"), row: row + 1, style: .warning)
            return
        }
        var row = paragraph(t(forStaff ? "station.title" : "attract.title"), row: top + 1, style: .title)
        row = paragraph(t(forStaff ? "station.insertCard" : "attract.insertCard"), row: row + 1, style: .emphasis)
        row = paragraph(t(forStaff ? "station.insertHint" : "attract.insertHint"), row: row + 1)
        if cardPresent {
            paragraph(t("attract.removeCard"), row: row + 1, style: .warning)
        } else if !readerAvailable {
            paragraph(t("attract.readerNotReady"), row: row + 1, style: .warning)
        }
        bottomButtons([(t("attract.otherWays"), .chooseOtherWay, false)])
    }

    mutating func chooseIdentity() {
        paragraph(t("choose.title"), row: top, style: .title)
        let paths = IdentityPath.allCases
        let columns = 2
        let buttonWidth = (width - 6) / columns
        for (index, path) in paths.enumerated() {
            let row = top + 2 + (index / columns) * 4
            let column = 2 + (index % columns) * (buttonWidth + 2)
            if row + 3 <= buttonRow { grid.button(t("path.\(path.rawValue)"), action: .choosePath(path), row: row, column: column, width: buttonWidth) }
        }
        bottomButtons([(t("common.back"), .back, false)])
    }

    mutating func otherPath(_ path: IdentityPath) {
        let row = paragraph(t("path.\(path.rawValue)"), row: top, style: .title)
        paragraph(t("other.notYet"), row: row + 1)
        bottomButtons([(t("common.back"), .back, false)])
    }

    @discardableResult
    mutating func waiting(_ key: String, detail: String?, name: String? = nil) -> Int {
        var row = paragraph(t(key), row: top + 3, style: .title)
        if let name { row = paragraph(name, row: row + 1, style: .emphasis) }
        if let detail { row = paragraph(t(detail), row: row + 1, style: .warning) }
        return row
    }

    /// "Reading your card", with a bar where the reader reports its steps.
    mutating func reading(_ progress: JourneyState.ReadProgress?) {
        let row = waiting("reading.title", detail: "reading.keepIn")
        guard let progress else { return }
        let barWidth = min(40, width - 10)
        let filled = Int((progress.fraction * Double(barWidth)).rounded())
        grid.putCentered(String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled), row: row + 1, style: .emphasis)
    }

    mutating func review(_ review: JourneyStep.Review, mobileRequired: Bool) {
        paragraph(t(forStaff ? "station.reviewTitle" : "review.title"), row: top - 1, style: .title)
        let panel = PersonPanel(review: review, language: language, catalog: catalog, mobileRequired: mobileRequired)
        let lines = forStaff ? panel.forStaff : panel.forPatient
        let labelWidth = max(18, (lines.map { TerminalWidth.of($0.0) }.max() ?? 0) + 2)
        var row = top + 1
        for (label, value) in lines where row < buttonRow - 4 {
            grid.put(label, row: row, column: 3, style: .muted)
            grid.put(value, row: row, column: 3 + labelWidth, style: .emphasis)
            row += 1
        }
        // The service: the selected one between previous / next buttons, all three rows tall.
        let serviceRow = buttonRow - 4
        let arrow = 7
        grid.button("◀", action: .previousService, row: serviceRow, column: 2, width: arrow)
        grid.button("\(t("review.service")): \(review.service.claimTypeName)", action: .nextService,
                    row: serviceRow, column: 3 + arrow, width: width - 2 * arrow - 6, selected: true)
        grid.button("▶", action: .nextService, row: serviceRow, column: width - arrow - 2, width: arrow)
        bottomButtons([(t("review.cancel"), .back, false), (t("review.confirm"), .enter, true)])
    }

    mutating func mobileNumber(_ digits: String, required: Bool) {
        paragraph(t("mobile.title"), row: top - 1, style: .title)
        let shown = (digits + String(repeating: "_", count: 10 - digits.count)).enumerated()
            .map { index, char in (index == 3 || index == 6 ? "-" : "") + String(char) }.joined()
        grid.putCentered(shown, row: top + 1, style: .code)
        if !required { grid.putCentered(t("mobile.optional"), row: top + 2, style: .muted) }
        // Numpad: 1-9, then ⌫ 0 ✓, each key three rows tall.
        let keys: [(String, UIAction)] = (1...9).map { ("\($0)", .digit($0)) } + [("⌫", .backspace), ("0", .digit(0)), ("✓", .enter)]
        let keyWidth = 9
        let left = (width - keyWidth * 3 - 2) / 2
        let firstRow = top + 3
        let available = (height - 2 - firstRow) / 4
        let keyHeight = max(3, min(3, available))
        for (index, key) in keys.enumerated() {
            let row = firstRow + (index / 3) * keyHeight
            guard row + keyHeight <= height - 2 else { break }
            grid.button(key.0, action: key.1, row: row, column: left + (index % 3) * (keyWidth + 1), width: keyWidth, height: keyHeight)
        }
    }

    mutating func claimCode(_ issued: JourneyStep.Issued, cardPresent: Bool) {
        paragraph(t(forStaff ? "station.codeTitle" : "code.title"), row: top - 1, style: .title)
        let code = issued.submitted.claimCode.value
        var row = top + 1
        if BigText.width(of: code) <= width - 2 && height >= 20 {
            for line in BigText.rows(code) {
                grid.putCentered(line, row: row, style: .code)
                row += 1
            }
        }
        grid.putCentered(code, row: row, style: .code)
        row += 1
        grid.putCentered(issued.service.claimTypeName, row: row, style: .muted)
        row += 1
        if issued.submitted.origin == .alreadyIssuedToday {
            row = paragraph(t("code.alreadyToday"), row: row, style: .emphasis)
        }
        switch issued.slip {
        case .printing: row = paragraph(t("code.printing"), row: row)
        case .printed: row = paragraph(t("code.printed"), row: row, style: .emphasis)
        case .failed: row = paragraph(t("code.printFailed"), row: row, style: .warning)
        }
        if cardPresent {
            paragraph(t("code.takeCard"), row: row, style: .warning)
        } else {
            bottomButtons([(t("code.done"), .enter, true)])
        }
    }

    /// "Recording your visit", with the seconds since confirm: a patient sees the kiosk is working.
    mutating func submitting(_ name: String, seconds: Int) {
        let row = waiting("submitting.title", detail: nil, name: name)
        paragraph(t("submitting.elapsed", ["seconds": String(seconds)]), row: row + 1, style: .muted)
    }

    /// The visit was sent, its outcome is not known yet: the patient goes to staff with the reference.
    mutating func pending(reference: String) {
        var row = paragraph(t("problem.title"), row: top, style: .title)
        row = paragraph(t("pending.message"), row: row + 1, style: .warning)
        row = paragraph(t("pending.reference"), row: row + 1)
        grid.putCentered(reference, row: row + 1, style: .code)
        bottomButtons([(t("problem.toStart"), .back, false)])
    }

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
        if case .nhso(_, retry: .some) = problem { buttons.append((t("problem.retry"), .retry, true)) }
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
