/// Which camera and how: from the configuration (`camera.*`).
public struct CameraSettings: Sendable, Hashable {
    /// Where pictures come from. Every input goes through ffmpeg, so the demo and the tests run the same
    /// code as a kiosk's camera.
    public enum Input: Sendable, Hashable {
        /// A V4L2 camera (`/dev/video0`).
        case v4l2(device: String)
        /// ffmpeg's test source (`testsrc2`, a moving pattern): the demo and the tests.
        case testPattern
        /// A still picture, shown as if a camera looked at it.
        case image(path: String)
    }

    public var input: Input
    /// The photo sent to NHSO.
    public var width: Int
    public var height: Int
    public var frameRate: Int
    /// The live preview, in pixels (two per terminal cell, one above the other).
    public var previewWidth: Int
    public var previewHeight: Int
    public var ffmpeg: String

    public init(input: Input = .v4l2(device: "/dev/video0"), width: Int = 640, height: Int = 480, frameRate: Int = 10,
                previewWidth: Int = 64, previewHeight: Int = 48, ffmpeg: String = "/usr/bin/ffmpeg") {
        self.input = input
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.previewWidth = previewWidth
        self.previewHeight = previewHeight
        self.ffmpeg = ffmpeg
    }

    /// ffmpeg's input options; `realTime` paces generated pictures at the frame rate, as a camera is.
    func inputArguments(realTime: Bool) -> [String] {
        let pace = realTime ? ["-re"] : []
        switch input {
        case .v4l2(let device):
            return ["-f", "v4l2", "-video_size", "\(width)x\(height)", "-framerate", "\(frameRate)", "-i", device]
        case .testPattern:
            return pace + ["-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height):rate=\(frameRate)"]
        case .image(let path):
            return pace + ["-loop", "1", "-framerate", "\(frameRate)", "-i", path]
        }
    }
}
