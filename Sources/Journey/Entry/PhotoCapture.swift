/// Taking a photo with the kiosk's camera: a live preview to frame it, a countdown, the photo shown for
/// confirmation, and a retake. Shared by the photo and the proxy-photo paths.
public struct PhotoCapture: Sendable, Hashable {
    /// The latest preview frame; `nil` until the camera sends one.
    public private(set) var frame: PixelImage?
    /// Seconds left before the photo is taken, once the patient pressed Take.
    public private(set) var countdown: Int?
    /// The camera is taking the photo.
    public private(set) var taking = false
    /// The photo taken, shown for confirmation.
    public private(set) var photo: CapturedPhoto?
    /// Why the camera failed, for the patient (and the staff).
    public private(set) var failure: String?

    /// Seconds of countdown before the photo.
    public static let countdownSeconds = 3

    public init() {}

    public enum Outcome: Sendable, Hashable {
        case editing([JourneyEffect])
        /// The patient accepted the photo.
        case done(CapturedPhoto)
        /// Back, with no photo on screen: leave the camera.
        case back
        case ignored
    }

    /// Whether the capture needs the clock (its countdown).
    public var countsDown: Bool { countdown != nil }
    /// Whether the camera is at work (no idle time-out while it is).
    public var isBusy: Bool { countdown != nil || taking }

    public mutating func handle(_ event: JourneyEvent, visit: VisitID) -> Outcome {
        switch event {
        case .result(_, .previewFrame(let image)) where photo == nil && !taking:
            frame = image
        case .result(_, .photoCaptured(let captured)) where taking:
            taking = false
            photo = captured
        case .result(_, .cameraFailed(let reason)):
            taking = false
            countdown = nil
            failure = reason
        case .enter where photo != nil:
            return .done(photo!)
        case .enter where countdown == nil && !taking && failure == nil:
            countdown = Self.countdownSeconds
        case .tick where countdown != nil:
            if countdown! > 1 {
                countdown! -= 1
            } else {
                countdown = nil
                taking = true
                return .editing([.capturePhoto(visit)])
            }
        case .back where photo != nil, .backspace where photo != nil:
            // Retake: the preview again.
            photo = nil
            frame = nil
            return .editing([.startCamera(visit)])
        case .back where !isBusy:
            return .back
        case .retry where failure != nil:
            failure = nil
            return .editing([.startCamera(visit)])
        default:
            return .ignored
        }
        return .editing([])
    }
}
