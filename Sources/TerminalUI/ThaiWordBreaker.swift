import CThai
import Synchronization

/// Where Thai text may be broken across lines. Thai has no spaces between words, so libthai's
/// dictionary-based breaker finds the word boundaries.
public final class ThaiWordBreaker: Sendable {
    public static let shared = ThaiWordBreaker()

    /// libthai's breaker keeps state between calls: one user at a time.
    private let breaker: Mutex<OpaquePointer?>

    init() {
        breaker = Mutex(th_brk_new(nil))
    }

    /// Offsets (in Unicode scalars) where a line may break inside `text`.
    public func breaks(in text: String) -> [Int] {
        let scalars = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        guard scalars.count > 1 else { return [] }
        return breaker.withLock { brk -> [Int] in
            guard let brk else { return [] }
            var positions = [Int32](repeating: 0, count: scalars.count)
            let found = scalars.withUnsafeBufferPointer { input in
                positions.withUnsafeMutableBufferPointer { output in
                    th_brk_wc_find_breaks(brk, input.baseAddress, output.baseAddress, output.count)
                }
            }
            return positions.prefix(Int(max(0, found))).map(Int.init)
        }
    }
}
