import ArgumentParser
import Foundation
import KioskConfig

/// `authen-kiosk set-pin --config FILE`: the hospital chooses the admin PIN; its hash goes into the
/// configuration (`admin.pinHash`), the PIN itself nowhere.
struct SetPINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pin",
        abstract: "Choose the admin PIN (F12, the PIN and Enter open the admin menu); its hash is written to the configuration.",
        discussion: """
            Asks for the PIN twice without showing it (with --stdin, reads one line: for install scripts). \
            4 to 12 digits; PINs anyone would try first are refused. The rest of the file is kept as it is, \
            and so is its mode. Exit status: 0 written; 2 refused.
            """
    )

    @Option(help: "The configuration file (YAML).")
    var config: String

    @Flag(help: "Read the PIN from standard input (one line) instead of asking at the terminal.")
    var stdin = false

    func run() throws {
        let pin: String
        if stdin {
            pin = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
        } else {
            guard let first = Self.readHidden("New admin PIN (4 to 12 digits): "),
                  let second = Self.readHidden("The same PIN again: ") else { throw ExitCode(2) }
            guard first == second else {
                printError("the two PINs differ: nothing was written")
                throw ExitCode(2)
            }
            pin = first
        }
        guard AdminPIN.isAcceptable(pin) else {
            printError("a PIN is 4 to 12 digits (0-9): nothing was written")
            throw ExitCode(2)
        }
        guard !AdminPIN.guessable.contains(pin) else {
            printError("that PIN is one anyone would try first (or an example's): choose another")
            throw ExitCode(2)
        }
        guard let hash = AdminPIN.hash(pin) else {
            printError("the system's libcrypt could not hash the PIN")
            throw ExitCode(2)
        }
        do {
            try ConfigurationEdit.set(key: "admin.pinHash", to: hash, removing: ["pin"], in: config)
        } catch {
            printError("\(config): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        print("admin.pinHash written to \(config); a running kiosk takes it at its next start (systemctl restart authen-kiosk)")
    }

    /// A line typed at the terminal with echo off; `nil` at end of input.
    static func readHidden(_ prompt: String) -> String? {
        try? FileHandle.standardError.write(contentsOf: Data(prompt.utf8))
        var saved = termios()
        let isTerminal = tcgetattr(0, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        defer {
            if isTerminal { tcsetattr(0, TCSAFLUSH, &saved) }
            try? FileHandle.standardError.write(contentsOf: Data("\n".utf8))
        }
        return readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces)
    }
}
