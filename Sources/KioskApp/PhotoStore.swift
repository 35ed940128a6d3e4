import Foundation
import Journey
import Synchronization

/// The photos the kiosk took, in memory only: never on disk, never in a log or the journal. A visit's
/// photo is dropped once the visit is settled or abandoned, when another photo replaces it, and after
/// `maximumAge` whatever happened (a kiosk serves one patient at a time).
public final class PhotoStore: Sendable {
    private struct Entry {
        var visit: VisitID
        var jpeg: Data
        var takenAt: ContinuousClock.Instant
    }

    private let photos = Mutex<[String: Entry]>([:])
    let maximumAge: Duration

    init(maximumAge: Duration = .seconds(15 * 60)) { self.maximumAge = maximumAge }

    /// Keeps `jpeg` for `visit` under a new id, dropping any other photo of the visit.
    func keep(_ jpeg: Data, for visit: VisitID) -> String {
        let id = UUID().uuidString
        photos.withLock { photos in
            photos = photos.filter { $0.value.visit != visit && ContinuousClock.now - $0.value.takenAt < maximumAge }
            photos[id] = Entry(visit: visit, jpeg: jpeg, takenAt: .now)
        }
        return id
    }

    func jpeg(_ id: String) -> Data? {
        photos.withLock { photos in
            guard let entry = photos[id], ContinuousClock.now - entry.takenAt < maximumAge else { return nil }
            return entry.jpeg
        }
    }

    func drop(_ visit: VisitID) {
        photos.withLock { photos in photos = photos.filter { $0.value.visit != visit } }
    }

    /// How many photos are held (for tests and diagnostics: never their contents).
    public var count: Int { photos.withLock { $0.count } }
}
