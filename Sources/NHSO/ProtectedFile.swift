import Foundation

/// A file that holds a secret (the kiosk token) or what guards one (the configuration, with the PIN's
/// hash and the command Shut down runs): opened once, without following a symbolic link, and checked on
/// the descriptor it was opened as, so it cannot be swapped between the check and the read.
public enum ProtectedFile {
    public enum Rule: Sendable {
        /// Only its owner may read or write it (0600 or stricter): the token.
        case ownerOnly
        /// Nobody but its owner and group may read it, and only its owner may write it (0640 or
        /// stricter): the configuration, which root owns and the kiosk's group reads.
        case ownerWritesGroupReads
    }

    public enum Problem: Error, Sendable, Hashable {
        case unreadable(String)
        /// Its mode lets others in (octal, as `ls -l` and `chmod` write it).
        case unsafeMode(String)
        case symbolicLink
        case notARegularFile
        /// Owned by another user than the program's or root: that user could change it.
        case foreignOwner(uid: UInt32)
    }

    /// The file's text, if `rule` holds for it.
    public static func read(_ path: String, rule: Rule) throws(Problem) -> String {
        // Non-blocking: a FIFO put in the file's place must not hang the open before it is refused.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else {
            if errno == ELOOP { throw .symbolicLink }
            throw .unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile }
        // Root (IT checking the box with `sudo authen-kiosk …`) may read the kiosk user's files.
        guard info.st_uid == geteuid() || info.st_uid == 0 || geteuid() == 0 else { throw .foreignOwner(uid: info.st_uid) }
        let permissions = info.st_mode & 0o777
        let forbidden: mode_t = switch rule {
        case .ownerOnly: 0o077
        case .ownerWritesGroupReads: 0o027
        }
        guard permissions & forbidden == 0 else { throw .unsafeMode(String(permissions, radix: 8)) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
            guard bytes.count <= 1 << 20 else { throw .unreadable("larger than 1 MiB") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .unreadable("not UTF-8 text") }
        return text
    }
}

extension ProtectedFile.Problem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let reason): reason
        case .unsafeMode(let mode): "has mode \(mode)"
        case .symbolicLink: "is a symbolic link (name the file itself)"
        case .notARegularFile: "is not a regular file"
        case .foreignOwner(let uid): "belongs to user \(uid), who could change it (it must belong to root or to the kiosk's user)"
        }
    }
}

extension ProtectedFile {
    /// Writes `text` to `path` whole or not at all: a file beside it (created with `mode`, given to
    /// `owner` where set), synced, then renamed over it. Returns why it failed, or `nil`.
    public static func writeAtomically(_ text: String, to path: String, mode: mode_t, owner: (uid: uid_t, gid: gid_t)? = nil) -> String? {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return "cannot be written: \(String(cString: strerror(errno)))" }
        var ok = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) == $0.count }
        if let owner { ok = ok && fchown(fd, owner.uid, owner.gid) == 0 }
        ok = ok && fchmod(fd, mode) == 0 && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return "was not written"
        }
        // The rename itself reaches the disk only with its folder: synced too, so that a power cut
        // right after cannot bring back the old file (a PIN or token the hospital has just replaced).
        let folder = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                          O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return nil
    }
}
