import ArgumentParser
import Foundation
import KioskApp

/// What the admin menu's Restart and Shut down do once the screen is given back and every submit has
/// finished: the program starts again in place (the same arguments), or the machine is turned off.
enum LeavingKiosk {
    static func carryOut(_ outcome: KioskRuntime.Outcome, shutdownCommand: [String]) throws {
        switch outcome {
        case .leave:
            return
        case .restart:
            // exec keeps the process id: systemd (or the terminal) sees the same program carry on.
            let arguments = CommandLine.arguments
            var argv = arguments.map { strdup($0) } + [nil]
            execv("/proc/self/exe", &argv)
            printError("restart failed: \(String(cString: strerror(errno)))")
            throw ExitCode(1)
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
}
