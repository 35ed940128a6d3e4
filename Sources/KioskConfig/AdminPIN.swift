import CCrypt
import Foundation

/// The admin PIN as the configuration keeps it: a yescrypt hash (`$y$…`, what Debian's /etc/shadow
/// uses), made by `authen-kiosk set-pin`. A copied configuration then carries no PIN anyone can read,
/// and checking a guess costs enough to make trying all 4–12 digit PINs slow.
public enum AdminPIN {
    /// 4 to 12 ASCII digits (not Thai or Arabic-Indic digits, which a keypad cannot type).
    public static func isAcceptable(_ pin: String) -> Bool {
        (4...12).contains(pin.utf8.count) && pin.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// PINs anyone would try first, and the ones printed in this project's examples: refused.
    public static let guessable: Set<String> = [
        "0000", "1111", "1234", "4321", "12345", "123456", "654321", "000000", "111111", "1234567", "12345678",
        "246810", "13579", "2468",
    ]

    /// A new hash of `pin` with a random salt; `nil` if the system's libcrypt cannot make one.
    /// `saltBytes` (16 bytes) makes the same hash each time: only for the demo, whose PIN is given on its
    /// command line at each start and whose saved lockout must still be its own.
    public static func hash(_ pin: String, saltBytes: [UInt8]? = nil) -> String? {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        // No random bytes given: libcrypt takes them from the operating system.
        let made = saltBytes.map { bytes in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { crypt_gensalt_rn("$y$", 0, $0.baseAddress, Int32($0.count), &setting, Int32(setting.count)) }
            }
        } ?? crypt_gensalt_rn("$y$", 0, nil, 0, &setting, Int32(setting.count))
        guard made != nil else { return nil }
        return crypt(pin, setting: String(cString: setting))
    }

    /// Whether `pin` is the one `hash` was made from. Takes tens of milliseconds: call it off the
    /// screen's thread.
    public static func matches(_ pin: String, hash: String) -> Bool {
        guard let computed = crypt(pin, setting: hash) else { return false }
        // Compared in full whatever differs first: how long it takes says nothing of the hash.
        let (a, b) = (Array(computed.utf8), Array(hash.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Whether `text` looks like a hash libcrypt can check (yescrypt, or SHA-512 crypt `$6$`).
    public static func isHash(_ text: String) -> Bool {
        (text.hasPrefix("$y$") || text.hasPrefix("$6$")) && crypt_checksalt(text) == CRYPT_SALT_OK
    }

    private static func crypt(_ pin: String, setting: String) -> String? {
        // crypt_r's work area is 32 KiB, zeroed before first use: on the heap, not the stack.
        guard let data = calloc(1, MemoryLayout<crypt_data>.size)?.assumingMemoryBound(to: crypt_data.self) else { return nil }
        defer { free(data) }
        guard let result = crypt_r(pin, setting, data) else { return nil }
        let text = String(cString: result)
        // libcrypt answers a failure with a string starting with `*`.
        return text.hasPrefix("*") ? nil : text
    }
}
