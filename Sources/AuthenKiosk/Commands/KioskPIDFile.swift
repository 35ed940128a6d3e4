import Foundation

/// The running kiosk's process id, in `kiosk.pid` beside its journal, for `authen-kiosk stop`: under the
/// kiosk units the login session moves the kiosk out of systemd's reach, so the unit's stop asks the
/// kiosk itself to finish (a visit being recorded, its slip) and waits for it.
enum KioskPIDFile {
    /// In the unit's runtime folder (`RuntimeDirectory=`, in `RUNTIME_DIRECTORY`), where the unit's stop
    /// finds it; elsewhere beside the journal.
    static func path(besideJournal journalPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let unit = inUnitRuntimeFolder(environment) { return unit }
        return URL(fileURLWithPath: journalPath).deletingLastPathComponent().appendingPathComponent("kiosk.pid").path
    }

    /// Written as the kiosk starts (never through a link); a failure only costs `stop` its wait.
    static func write(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = Array("\(getpid())\n".utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Removed as the kiosk leaves, if it is still this process's.
    static func remove(_ path: String) {
        guard read(path) == getpid() else { return }
        unlink(path)
    }

    /// In the runtime folder of the unit this program runs under, if any.
    static func inUnitRuntimeFolder(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first.map { "\($0)/kiosk.pid" }
    }

    /// Where the kiosk units keep it (`RuntimeDirectory=`).
    static let unitFolders = ["/run/authen-kiosk", "/run/authen-kiosk-x11"]

    static func read(_ path: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
