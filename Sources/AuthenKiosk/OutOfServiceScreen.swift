import Foundation

/// What a kiosk that cannot start shows the person in front of it, when its unit runs it on a screen
/// (the kiosk units set `AUTHEN_KIOSK_LOG=journal`): a plain "not in service" in Thai and English instead of a terminal that
/// flickers as the unit starts it again every two seconds. It stays up for a minute before the program
/// ends, so the unit tries again (a configuration put right is then picked up) without flickering.
/// Built in, not from the assets: the assets may be what is missing.
enum OutOfServiceScreen {
    static let lines = [
        "ตู้นี้ยังไม่พร้อมให้บริการ",
        "กรุณาติดต่อเจ้าหน้าที่ที่จุดลงทะเบียน",
        "",
        "This kiosk is not in service.",
        "Please go to the registration desk.",
    ]
    static let staffLine = "IT: journalctl -t authen-kiosk  ·  authen-kiosk doctor --config FILE"

    static func showIfUnattended(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let seconds = environment["AUTHEN_KIOSK_OUT_OF_SERVICE_SECONDS"].flatMap(UInt32.init) ?? 60
        guard environment["AUTHEN_KIOSK_LOG"] == "journal", seconds > 0, isatty(STDOUT_FILENO) == 1 else { return }
        var size = winsize()
        let rows = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 ? Int(size.ws_row) : 24
        // Clear, hide the cursor, then the lines from a third of the way down; the staff line at the foot.
        var screen = "\u{1B}[0m\u{1B}[2J\u{1B}[?25l"
        for (index, line) in lines.enumerated() { screen += "\u{1B}[\(rows / 3 + index);4H\(line)" }
        screen += "\u{1B}[\(rows);2H\(staffLine)"
        try? FileHandle.standardOutput.write(contentsOf: Data(screen.utf8))
        sleep(seconds)
    }
}
