import ArgumentParser
import Foundation
import KioskConfig

/// `authen-kiosk stop --config FILE`: asks the running kiosk to leave as SIGTERM does (it finishes the
/// visit being recorded and prints its slip first) and waits until it has. The kiosk units run it as
/// their ExecStop, before systemd stops the compositor.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Ask the running kiosk to finish its visit and leave, and wait until it has (the kiosk units' ExecStop).",
        discussion: "Exit status: 0 the kiosk has left, or none was running; 1 it was still finishing when the time ran out; 2 bad options."
    )

    @Option(help: "The kiosk's configuration: its process id is in kiosk.pid in its unit's runtime folder (/run/authen-kiosk), or beside its journal when run by hand.")
    var config: String?

    @Option(help: "The kiosk's kiosk.pid itself (instead of --config).")
    var pidFile: String?

    @Option(help: "Seconds to wait for the kiosk to finish (NHSO's answer, then its slip).")
    var timeout = 70

    func run() async throws {
        let path: String
        if let pidFile {
            path = pidFile
        } else if config == nil, let unit = KioskPIDFile.inUnitRuntimeFolder() {
            path = unit   // the unit's own stop
        } else if let config {
            // A kiosk its unit runs keeps its pid file in the unit's runtime folder; one run by hand, beside its journal.
            if let unit = KioskPIDFile.unitFolders.map({ "\($0)/kiosk.pid" }).first(where: { KioskPIDFile.read($0).map(Self.isRunningKiosk) == true }) {
                path = unit
            } else {
                do {
                    path = KioskPIDFile.path(besideJournal: try await KioskConfigurationFile.load(path: config).journalPath)
                } catch {
                    printError("\(error)")
                    throw ExitCode(2)
                }
            }
        } else {
            printError("name the kiosk: --config FILE or --pid-file FILE (under its unit, neither is needed)")
            throw ExitCode(2)
        }
        guard let pid = KioskPIDFile.read(path), Self.isRunningKiosk(pid), Self.runsAsOwner(of: path, pid) else {
            print("no kiosk is running (\(path))")
            return
        }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + .seconds(timeout)
        while Self.isRunningKiosk(pid) {
            guard ContinuousClock.now < deadline else {
                printError("the kiosk (process \(pid)) is still finishing after \(timeout) s")
                throw ExitCode(1)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        print("the kiosk (process \(pid)) has finished and left")
    }

    /// Whether `pid` runs as the user owning the pid file (a regular file, not a link): the units' stop
    /// runs as root, and the kiosk's user must not be able to point it at anyone else's process.
    static func runsAsOwner(of pidFile: String, _ pid: pid_t) -> Bool {
        var file = stat()
        guard lstat(pidFile, &file) == 0, (file.st_mode & S_IFMT) == S_IFREG,
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let uids = status.split(separator: "\n").first(where: { $0.hasPrefix("Uid:") })?.split(whereSeparator: \.isWhitespace).dropFirst() else { return false }
        return uids.allSatisfy { uid_t($0) == file.st_uid }
    }

    /// Whether `pid` is a live process of this very program (a kiosk.pid left by a crash may name
    /// another program by now). An upgrade may have replaced the file the kiosk was started from.
    static func isRunningKiosk(_ pid: pid_t) -> Bool {
        guard pid > 0, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let state = stat.split(separator: ")").last?.split(separator: " ").first, state != "Z", state != "X" else { return false }
        func executable(_ process: String) -> String? {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(process)/exe")).map { $0.replacingOccurrences(of: " (deleted)", with: "") }
        }
        guard let theirs = executable("\(pid)"), let ours = executable("self") else { return false }
        return theirs == ours
    }
}
