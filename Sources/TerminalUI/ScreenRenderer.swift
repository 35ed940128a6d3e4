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
        case .chooseIdentity(let focus): screen.chooseIdentity(focus: focus)
        case .identifying(let step): identifying(step, state, &screen)
        case .checkingRights(let identification):
            screen.waiting("rights.checking", detail: nil, name: identification.patient.name(in: state.language))
        case .review(let review): screen.review(review, mobileRequired: configuration.mobileRequired)
        case .mobileNumber(_, let entry):
            screen.numberEntry(entry, title: screen.t("mobile.title"), hint: configuration.mobileRequired ? nil : screen.t("mobile.optional"))
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

    private func identifying(_ step: IdentificationStep, _ state: JourneyState, _ screen: inout Screen) {
        switch step {
        case .card: screen.reading(state.readProgress)
        case .qr(.scan): screen.qrScan(url: configuration.qrAuthenticationURL ?? "")
        case .qr(.typeID(let entry)): screen.numberEntry(entry, title: screen.t("qr.typeID"))
        case .qr(.waiting(_, let left)): screen.qrWaiting(secondsLeft: left)
        case .proxyCard(.patientID(let entry)): screen.numberEntry(entry, title: screen.t("proxy.patientID"))
        case .proxyCard(.guardianCard(_, let reading, let notice)): screen.verifierCard("proxy", reading: reading, notice: notice)
        case .staff(.toDesk(let reference, let slip)): screen.toDesk(reference: reference, slip: slip)
        case .staff(.patientID(let entry)): screen.numberEntry(entry, title: screen.t("proxy.patientID"))
        case .staff(.staffCard(_, let reading, let notice)): screen.verifierCard("staff", reading: reading, notice: notice)
        case .proxyCard(.relation(let choice)): screen.relation(choice)
        case .photo(.patientID(let entry)): screen.numberEntry(entry, title: screen.t("proxy.patientID"))
        case .photo(.camera(_, let capture)): screen.camera(capture, instructionKey: "photo.instructions")
        case .proxyPhoto(.patientID(let entry)): screen.numberEntry(entry, title: screen.t("proxy.patientID"))
        case .proxyPhoto(.guardianID(_, let entry)): screen.numberEntry(entry, title: screen.t("proxyPhoto.guardianID"))
        case .proxyPhoto(.document(let form)): screen.document(form)
        case .proxyPhoto(.camera(_, let capture)): screen.camera(capture, instructionKey: "proxyPhoto.instructions")
        case .proxyPhoto(.relation(_, let choice)): screen.relation(choice)
        case .atCounter(let path): screen.atCounter(path)
        }
    }
}
