/// What reaches the workbench: staff's keys and taps, cards while signed out, answers to its effects,
/// and the clock.
public enum WorkbenchEvent: Sendable, Hashable {
    case digit(Int)
    case enter
    case back
    case nextChoice
    case previousChoice
    case functionKey(Int)
    /// A tap on a menu entry (its number).
    case select(Int)
    case cardInserted
    case cardRemoved
    case staffCardRead(citizenID: String, name: String)
    case staffCardFailed(removed: Bool)
    case reportLoaded(ReportView)
    case tokenChecked([TokenLine])
    case exported(WorkbenchNotice)
    /// A key staff pressed on the journey's screens (a visit, or its start screen): they are there.
    case activity
    /// The journey has a visit (a card read, a path begun) while another screen of the workbench
    /// shows: the journey's screens must show, never work unseen beneath.
    case journeyBusy
    /// A second passed; `visitUnderWay`: the journey has a patient's visit, which is never cut short.
    case tick(visitUnderWay: Bool)
}

/// What the workbench asks the app to do. It never does I/O itself.
public enum WorkbenchEffect: Sendable, Hashable {
    /// Read the card in the reader as a staff member's (not a patient's: no rights check).
    case readStaffCard
    case cancelStaffCardRead
    /// Today's or a day's codes at this station (`YYYY-MM-DD`, Thai time).
    case loadReport(date: String)
    /// Export the day's report; journaled as `by`'s once the file is written (whoever is signed in
    /// by then).
    case exportReport(date: String, format: ExportFormat, by: StaffMember)
    /// Zone, token file, and whether NHSO accepts it now (as `doctor` checks it).
    case checkToken
    /// Journal what the signed-in person did.
    case record(StaffAction)
    /// The journey takes the screen and the keys (verify and confirm).
    case startVisit
}

public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case xlsx
}

/// An action journaled with who did it (their id masked in the journal).
public enum StaffAction: Sendable, Hashable {
    case signedIn(StaffMember)
    case signedOut(StaffMember, idle: Bool)
    case exported(StaffMember, path: String)
}
