/// A small RGB picture (a camera preview, a captured photo's thumbnail), drawn on screen with half
/// blocks. Row-major, three bytes a pixel.
public struct PixelImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public let rgb: [UInt8]

    public init?(width: Int, height: Int, rgb: [UInt8]) {
        guard width > 0, height > 0, rgb.count == width * height * 3 else { return nil }
        self.width = width
        self.height = height
        self.rgb = rgb
    }

    public func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        let i = (min(max(0, y), height - 1) * width + min(max(0, x), width - 1)) * 3
        return (rgb[i], rgb[i + 1], rgb[i + 2])
    }
}

/// A photo the kiosk took: the app keeps the JPEG (never in the journal or a log, dropped once the
/// visit is settled); the journey holds its id and a thumbnail to show for confirmation.
public struct CapturedPhoto: Sendable, Hashable {
    public let id: String
    public let thumbnail: PixelImage

    public init(id: String, thumbnail: PixelImage) {
        self.id = id
        self.thumbnail = thumbnail
    }
}
