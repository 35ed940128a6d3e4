import ArgumentParser
import Foundation
import KioskApp

/// What the admin menu's Restart and Shut down do once the screen is given back and every submit,
/// slip and journal write has finished: the program starts again, or the machine is turned off.
enum LeavingKiosk {
    static func carryOut(_ outcome: KioskRuntime.Outcome, shutdownCommand: [String]) throws {
        switch outcome {
        case .leave:
            return
        case .restart:
            // Under systemd the unit starts it again (Restart=always): a clean exit is the cleanest restart.
            if ProcessInfo.processInfo.environment["INVOCATION_ID"] != nil { return }
            restartInPlace()
        case .shutDown:
            guard let executable = shutdownCommand.first else { return }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
            process.arguments = executable.hasPrefix("/") ? Array(shutdownCommand.dropFirst()) : shutdownCommand
            do {
                try process.run()
                process.waitUntilExit()
            } catch {
                printError("shut down failed (\(shutdownCommand.joined(separator: " "))): \(error)")
                throw ExitCode(1)
            }
            if process.terminationStatus != 0 {
                printError("shut down failed: \(shutdownCommand.joined(separator: " ")) exited with \(process.terminationStatus)")
                throw ExitCode(1)
            }
        }
    }

    /// In a terminal (no service manager): the program, found again by name (an upgraded binary is the
    /// new one), replaces this process with the same arguments. Nothing of this process may leak into
    /// it: signals blocked by the concurrency runtime's threads are unblocked, and every descriptor but
    /// the terminal's is closed on exec.
    private static func restartInPlace() -> Never {
        fflush(nil)
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        for number in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGWINCH] { signal(number, SIG_DFL) }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            for fd in entries.compactMap(Int32.init) where fd > 2 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        var argv = CommandLine.arguments.map { strdup($0) } + [nil]
        execvp(CommandLine.arguments[0], &argv)
        printError("restart failed: \(String(cString: strerror(errno)))")
        exit(1)
    }
}
