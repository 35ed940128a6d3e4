import Foundation

/// The hospital's Kiosk Authentication Token, sent as `Authorization: Bearer …` to NHSO.
///
/// It is a password: its description is redacted, so printing, logging or interpolating it never
/// shows it. Read it from a file only the kiosk's user can read (mode 0600), or from the environment.
public struct KioskToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The environment variable read by `fromEnvironment`.
    public static let environmentVariable = "NHSO_KIOSK_TOKEN"

    let secret: String

    public init?(_ secret: String) {
        let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        self.secret = trimmed
    }

    public var description: String { "KioskToken(redacted)" }
    public var debugDescription: String { description }

    /// The value of the `Authorization` header.
    var authorizationHeader: String { "Bearer \(secret)" }

    /// Reads the token file, refusing one that group or others can read or write.
    public static func load(file path: String) throws(NHSOError) -> KioskToken {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .tokenFileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let permissions = info.st_mode & 0o777
        guard permissions & 0o077 == 0 else {
            throw .tokenFileUnsafe(path: path, mode: String(permissions, radix: 8))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .tokenFileUnreadable(path: path, reason: "not UTF-8 text")
        }
        guard let token = KioskToken(text) else { throw .tokenFileUnreadable(path: path, reason: "the file is empty") }
        return token
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> KioskToken? {
        environment[environmentVariable].flatMap(KioskToken.init)
    }

    /// Removes the token from text that is about to be logged or shown, in case a server echoed it.
    public func redact(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "[redacted]")
    }
}
