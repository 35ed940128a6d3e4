import Foundation
import Journey

/// What the kiosk needs of a journal while it runs: ordered writes that never block the screen, and a
/// write that returns once it is on disk (the one before confirm-save). `VisitJournal` is the real one;
/// unit tests put a failing one behind it to prove a kiosk without a journal submits nothing.
public protocol VisitRecorder: Sendable {
    func record(_ visit: VisitID, _ change: JournalChange, at now: Date, completion: @escaping @Sendable (Result<Void, JournalError>) -> Void)
    func recordNow(_ visit: VisitID, _ change: JournalChange, at now: Date) async throws(JournalError)
}

extension VisitJournal: VisitRecorder {}
