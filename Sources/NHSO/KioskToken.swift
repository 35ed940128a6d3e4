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

    /// Reads the token file, refusing one that group or others can read or write, a symbolic link, or
    /// one another user owns; the file checked is the file read (one descriptor).
    public static func load(file path: String) throws(NHSOError) -> KioskToken {
        let text: String
        do {
            text = try ProtectedFile.read(path, rule: .ownerOnly)
        } catch .unsafeMode(let mode) {
            throw .tokenFileUnsafe(path: path, mode: mode)
        } catch {
            throw .tokenFileUnreadable(path: path, reason: "\(error)")
        }
        guard let token = KioskToken(text) else { throw .tokenFileUnreadable(path: path, reason: "the file is empty") }
        return token
    }

    /// Writes the token to `path` (0600, atomically, synced), owned by `owner` where given (the kiosk's
    /// user, which must read it).
    public func save(to path: String, owner: (uid: uid_t, gid: gid_t)? = nil) throws(NHSOError) {
        if let problem = ProtectedFile.writeAtomically(secret + "\n", to: path, mode: 0o600, owner: owner) {
            throw .tokenFileUnreadable(path: path, reason: problem)
        }
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> KioskToken? {
        environment[environmentVariable].flatMap(KioskToken.init)
    }

    /// Removes the token from text that is about to be logged or shown, in case a server echoed it.
    public func redact(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "[redacted]")
    }
}
