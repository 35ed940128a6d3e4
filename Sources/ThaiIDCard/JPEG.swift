/// Finds where a JPEG ends, so that the photo read stops there and keeps exactly the image.
///
/// The card's photo area is larger than most photos and padded after the image. The image ends at the
/// End Of Image marker `FF D9`; the scan walks the marker segments first, so that a `FF D9` inside a
/// segment (an EXIF thumbnail, say) is not taken for the end. In the entropy-coded data a real `FF` is
/// always followed by `00` or a restart marker, so the first `FF D9` there is the end.
public enum JPEG {
    public enum Scan: Equatable, Sendable {
        /// The image is complete: its first `count` bytes.
        case complete(count: Int)
        /// More bytes are needed to find the end.
        case incomplete
        /// Not a JPEG (no `FF D8` start), or a broken segment structure.
        case invalid
    }

    public static func scan(_ bytes: [UInt8]) -> Scan {
        guard bytes.count >= 2 else { return .incomplete }
        guard bytes[0] == 0xFF, bytes[1] == 0xD8 else { return .invalid }
        var index = 2
        // Marker segments up to Start Of Scan.
        while true {
            guard index < bytes.count else { return .incomplete }
            guard bytes[index] == 0xFF else { return .invalid }
            guard index + 4 <= bytes.count else { return .incomplete }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }  // fill byte
            if marker == 0xD9 { return .complete(count: index + 2) }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2 else { return .invalid }
            index += 2 + length
            if marker == 0xDA { break }
        }
        // Entropy-coded data until EOI.
        while index + 1 < bytes.count {
            if bytes[index] == 0xFF && bytes[index + 1] == 0xD9 { return .complete(count: index + 2) }
            index += 1
        }
        return .incomplete
    }
}
