import Configuration
import Foundation
import Camera
import Journey
import NHSO
import Printing
import SmartCard
import SystemPackage
import ThaiIDCard
import Yams

/// Reads a kiosk configuration (YAML, see `kiosk-config/`) into `KioskSettings`, and refuses it — with
/// every problem at once, each naming its key — when a key is unknown or a value is not accepted.
public enum KioskConfigurationFile {
    /// Every key the file may hold, with what it accepts (shown in errors).
    static let keys: [String: String] = pathKeys.merging([
        "mode": "kiosk or station",
        "hospital.hcode": "the unit's 5-digit code",
        "hospital.name": "the unit's name",
        "hospital.qrURL": "the http(s) address NHSO gives the unit for authentication on a phone (drawn as the QR), or empty: the QR path then sends patients to the counter",
        "card.reader": "a reader name from `pcsc_scan -r`, or empty for the first reader with a card (virtual readers only on a training kiosk)",
        "training": "true on a training kiosk (the test zone only): it also takes cards from virtual readers such as vsmartcard's; false by default",
        "nhso.backend": "direct or agent",
        "nhso.zone": "test or production",
        "nhso.baseURL": "an https address (http only for the test zone on this machine: 127.0.0.1, localhost), or empty for the zone's own",
        "nhso.statusBaseURL": "an https address for check-authen-status (http only for the test zone on this machine), or empty for nhso.baseURL (or the zone's own)",
        "nhso.agentURL": "the agent's http address",
        "nhso.tokenFile": "a file readable only by the kiosk (chmod 600), or empty to use NHSO_KIOSK_TOKEN",
        "nhso.timeoutSeconds": "a whole number of seconds, 1 to 120",
        "journey.mobileRequired": "true or false",
        "journey.idleSeconds": "a whole number of seconds, 10 to 3600",
        "journey.countdownSeconds": "a whole number of seconds, 0 to 60",
        "journey.claimCodeSeconds": "a whole number of seconds, 3 to 300",
        "journey.language": "th or en: the language each patient starts in",
        "journey.defaultService": "a service code such as PG0060001",
        "journey.phoneWaitSeconds": "a whole number of seconds, 30 to 900",
        "journey.verifiedVisits": "true (guardian, photo and staff visits are sent to nhso.paths.verifiedConfirmSave) or false (those patients are sent to the counter)",
        "admin.pinHash": "the admin PIN's hash, written by `authen-kiosk set-pin --config FILE` (the PIN itself is never kept)",
        "admin.lockoutAttempts": "wrong PINs in a row before the admin chord locks, 3 to 20",
        "admin.lockoutSeconds": "how long the admin chord stays locked the first time (each lockout after it, twice the last, up to a day), 30 to 86400 seconds",
        "admin.shutdownCommand": "the command the admin menu's Shut down runs (default: systemctl poweroff)",
        "camera.input": "v4l2:/dev/videoN (a camera), test-pattern, image:/path/to/picture.jpg, or none (the photo paths send patients to the counter)",
        "camera.width": "the photo's width in pixels, 160 to 1920",
        "camera.height": "the photo's height in pixels, 120 to 1080",
        "camera.frameRate": "frames a second for the preview, 1 to 30",
        "staff.listFile": "a file of the citizen ids (one per line, # for comments) of the staff who may authenticate for a patient at a station; not writable by others",
        "output.slips": "a folder for slip files (used when printer.connection is not set)",
        "hospital.kioskName": "this kiosk's name or place, printed on its slips (e.g. OPD 1)",
        "printer.connection": "usb:/dev/usb/lp0 (a USB printer), tcp:HOST:9100 (a network printer's raw port), cups:QUEUE (a raw CUPS queue), or file:/folder (slips saved as .escpos files)",
        "printer.paper": "58 or 80 (millimetres)",
        "printer.mode": "raster (Thai drawn by the kiosk: right on every printer) or text (the printer's own Thai font; needs printer.codePage)",
        "printer.codePage": "the printer model's number for its Thai code page (ESC t), 0 to 255; `authen-kiosk print-test` prints its table",
        "printer.codes": "native (the printer draws the QR code and barcode) or raster (the kiosk draws them)",
        "printer.cancelKanjiMode": "true (send FS . for Chinese-made printers) or false",
        "printer.font": "a font family with Thai letters for raster mode (e.g. Waree, Loma, Garuda from fonts-thai-tlwg)",
        "printer.timeoutSeconds": "a whole number of seconds, 1 to 60",
        "printer.status": "true (ask a network printer's paper and cover status before and after each slip) or false",
        "printer.logo": "a PNG file printed at the top of slips, or empty",
        "printer.templates": "a folder with claim.slip, queue.slip and pending.slip, or empty for the assets' slips/",
        "voice.enabled": "true (each patient screen speaks a short prompt: espeak-ng's Thai or English voice, or a recording) or false",
        "voice.command": "the speech program (default: espeak-ng)",
        "voice.recordings": "a folder of recorded prompts, KEY.LANGUAGE.wav (voice.attract.th.wav), played instead of the synthetic voice",
        "voice.saveTo": "a folder where each prompt is saved as a .wav instead of spoken (to try the voices without speakers)",
        "metrics.listen": "HOST:PORT on loopback (127.0.0.1:9464, [::1]:9464) where Prometheus text is served at /metrics, or empty for none",
        "output.journal": "the journal of visits (an SQLite file, kept 0600)",
        "output.reports": "a folder for a station's exported reports (CSV and XLSX); default: reports/ beside the journal",
        "staff.signOutMinutes": "minutes without a key before a station signs its staff member out, 1 to 480 (never during a visit)",
        "output.journalRetentionDays": "a whole number of days, 1 to 3650",
        "output.log": "a file for the program's log while it has the screen",
    ]) { $1 }

    /// `nhso.paths.<name>`: each of NHSO's paths, for where NHSO publishes none or changes one.
    static let pathKeys = Dictionary(uniqueKeysWithValues: NHSOPaths.names.keys.map {
        ("nhso.paths.\($0)", "a path starting with /, replacing the built-in \(NHSOPaths.cloud[keyPath: NHSOPaths.names[$0]!]) (cloud) or \(NHSOPaths.agent[keyPath: NHSOPaths.names[$0]!]) (agent)")
    })

    public static func load(path: String) async throws -> KioskSettings {
        let text: String
        do {
            // It holds the PIN's hash and the command Shut down runs: root writes it, the kiosk reads it.
            text = try ProtectedFile.read(path, rule: .ownerWritesGroupReads)
        } catch .unsafeMode(let mode) {
            throw ConfigurationError(file: path, problems: [
                "has mode \(mode): others could read the PIN's hash or change the kiosk; run: chmod 640 \(path) (or 600)",
            ])
        } catch {
            throw ConfigurationError(file: path, problems: ["cannot be read (\(error))"])
        }
        let (values, found) = try parse(text, file: path)
        var problems = found
        let reader = ConfigReader(provider: InMemoryProvider(name: path, values: values))
        let settings = read(reader, problems: &problems)
        guard problems.isEmpty, let settings else { throw ConfigurationError(file: path, problems: problems) }
        return settings
    }

    /// The file's values by key (as text, which `read` checks key by key), and what is wrong with its
    /// shape: keys that are not in `keys` (a misspelt key would otherwise be silently ignored), and a
    /// list or a mapping where a value belongs (which would otherwise read as if the key were absent).
    static func parse(_ text: String, file: String) throws -> (values: [AbsoluteConfigKey: ConfigValue], problems: [String]) {
        let document: Node?
        do {
            // Composed, not loaded: each value as written (`hcode: 01234` stays 01234, not octal 668;
            // `kioskName: 1:30` stays 1:30), and the checks below read it as text.
            document = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: file, problems: ["is not valid YAML: \(error)"])
        }
        guard let root = document?.mapping else {
            throw ConfigurationError(file: file, problems: ["must be a YAML mapping of keys to values"])
        }
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        var unknown: [String] = []
        var problems: [String] = []
        func walk(_ node: Node.Mapping, prefix: [String]) {
            for (keyNode, value) in node {
                guard let key = keyNode.string else { continue }
                let path = prefix + [key]
                let name = path.joined(separator: ".")
                if let child = value.mapping {
                    if keys[name] != nil {
                        problems.append("\(name) is a mapping; accepted: \(keys[name]!)")
                    } else {
                        walk(child, prefix: path)
                    }
                } else if keys[name] == nil {
                    unknown.append(name)
                } else if value.sequence != nil {
                    problems.append("\(name) is a list; accepted: \(keys[name]!)")
                } else if value.null != nil {
                    continue  // `key:` with nothing after it: as if absent
                } else if let scalar = value.scalar {
                    values[AbsoluteConfigKey(path)] = ConfigValue(.string(scalar.string), isSecret: false)
                }
            }
        }
        walk(root, prefix: [])
        let named = unknown.sorted().map { key in
            let section = key.split(separator: ".").first.map(String.init) ?? ""
            let known = keys.keys.filter { $0.hasPrefix(section + ".") || $0 == section }.sorted()
            return "unknown key '\(key)'" + (known.isEmpty ? "; known keys: \(keys.keys.sorted().joined(separator: ", "))" : "; known keys there: \(known.joined(separator: ", "))")
        }
        return (values, named + problems.sorted())
    }

    static func read(_ reader: ConfigReader, problems: inout [String]) -> KioskSettings? {
        func text(_ key: String) -> String? {
            guard let value = reader.string(forKey: ConfigKey(key)) else { return nil }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        /// A file or folder; `~/` is the home of the user the program runs as (a station runs as the staff
        /// member, whose journal and log live in their own home).
        func path(_ key: String) -> String? {
            guard let value = text(key) else { return nil }
            guard value.hasPrefix("~/"), let home = getpwuid(geteuid()).map({ String(cString: $0.pointee.pw_dir) }) else { return value }
            return home + value.dropFirst()
        }
        func bad(_ key: String, _ value: String) { problems.append("\(key) is '\(value)'; accepted: \(keys[key]!)") }
        func choice<T: RawRepresentable>(_ key: String, default fallback: T) -> T where T.RawValue == String {
            guard let value = text(key) else { return fallback }
            guard let parsed = T(rawValue: value) else { bad(key, value); return fallback }
            return parsed
        }
        func number(_ key: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let value = text(key) else { return fallback }
            guard let parsed = Int(value), range.contains(parsed) else { bad(key, value); return fallback }
            return parsed
        }
        func flag(_ key: String, default fallback: Bool) -> Bool {
            guard let value = text(key)?.lowercased() else { return fallback }
            switch value {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: bad(key, value); return fallback
            }
        }

        let mode: JourneyConfiguration.Mode = choice("mode", default: .kiosk)
        let hcode = text("hospital.hcode") ?? ""
        // ASCII digits only: Thai digits (๑๐๗๕๗) look right here and are wrong at NHSO.
        if !(hcode.utf8.count == 5 && hcode.utf8.allSatisfy { (0x30...0x39).contains($0) }) {
            hcode.isEmpty ? problems.append("hospital.hcode is missing; accepted: \(keys["hospital.hcode"]!)") : bad("hospital.hcode", hcode)
        }
        let backend: KioskSettings.NHSO.Backend = choice("nhso.backend", default: .direct)
        let zone: NHSOZone = choice("nhso.zone", default: .test)
        // The kiosk token travels to these addresses: never in clear text over a network, and a
        // production token never in clear text at all (http on this machine is for the simulator).
        func carriesTokenSafely(_ url: String) -> Bool {
            if url.hasPrefix("https://") { return true }
            return zone == .test && url.hasPrefix("http://") && LoopbackAddress.contains(url)
        }
        let baseURL = text("nhso.baseURL")
        if let baseURL, !carriesTokenSafely(baseURL) { bad("nhso.baseURL", baseURL) }
        let statusBaseURL = text("nhso.statusBaseURL")
        if let statusBaseURL, !carriesTokenSafely(statusBaseURL) { bad("nhso.statusBaseURL", statusBaseURL) }
        // A virtual reader (vsmartcard's listens on the network) would let anyone on the LAN present a card
        // with any citizen id: only a training kiosk, on the test zone, takes one.
        let training = flag("training", default: false)
        if training && zone == .production {
            problems.append("training is true with nhso.zone production: a training kiosk uses the test zone")
        }
        if let reader = text("card.reader"), !training, VirtualReader.isVirtual(reader) {
            problems.append("card.reader '\(reader)' is a virtual reader: only a training kiosk (training: true, test zone) takes one")
        }
        let agentURL = text("nhso.agentURL") ?? NHSOHTTPService.defaultAgentURL
        if !agentURL.hasPrefix("http://") && !agentURL.hasPrefix("https://") {
            bad("nhso.agentURL", agentURL)
        } else if zone == .production, agentURL.hasPrefix("http://"),
                  !LoopbackAddress.contains(agentURL) {
            // The agent says who the patient is and what rights they have: over plain HTTP from another
            // machine, anyone who can answer on that address could make real claims for anyone.
            problems.append("nhso.agentURL '\(agentURL)' is plain HTTP to another machine: in production the agent runs on this box (http://127.0.0.1:8189) or is reached over https://")
        }
        let service = text("journey.defaultService") ?? ServiceCode.general
        if ServiceCode.names[service] == nil { bad("journey.defaultService", service) }
        let qrURL = text("hospital.qrURL")
        if let qrURL, !(qrURL.hasPrefix("https://") || qrURL.hasPrefix("http://")) || qrURL.contains(where: \.isWhitespace) {
            bad("hospital.qrURL", qrURL)
        }
        let pinHash = text("admin.pinHash") ?? ""
        if pinHash.isEmpty {
            problems.append("admin.pinHash is missing: choose the admin PIN with `authen-kiosk set-pin --config` and this file")
        } else if !AdminPIN.isHash(pinHash) {
            bad("admin.pinHash", "(not a PIN hash)")
        } else if zone == .production, let guessed = AdminPIN.guessable.first(where: { AdminPIN.matches($0, hash: pinHash) }) {
            // A copied example's PIN, or one anyone would try first, on a box that makes real claims.
            problems.append("admin.pinHash is the PIN \(String(repeating: "•", count: guessed.count)) anyone would guess (or an example's): choose another with `authen-kiosk set-pin --config` and this file")
        }
        let admin = KioskSettings.Admin(
            pinHash: pinHash,
            lockoutAttempts: number("admin.lockoutAttempts", default: 5, range: 3...20),
            lockoutSeconds: number("admin.lockoutSeconds", default: 300, range: 30...86_400),
            shutdownCommand: (text("admin.shutdownCommand") ?? "systemctl poweroff").split(separator: " ").map(String.init)
        )
        let cameraInput: CameraSettings.Input? = switch text("camera.input") ?? "none" {
        case "none": nil
        case "test-pattern": .testPattern
        case let value where value.hasPrefix("v4l2:/"): .v4l2(device: String(value.dropFirst(5)))
        case let value where value.hasPrefix("image:/"): .image(path: String(value.dropFirst(6)))
        case let value: { bad("camera.input", value); return nil }()
        }
        let camera = cameraInput.map {
            CameraSettings(input: $0, width: number("camera.width", default: 640, range: 160...1920),
                           height: number("camera.height", default: 480, range: 120...1080), frameRate: number("camera.frameRate", default: 10, range: 1...30))
        }
        let journey = JourneyConfiguration(
            mode: mode,
            mobileRequired: flag("journey.mobileRequired", default: false),
            idleSeconds: number("journey.idleSeconds", default: 60, range: 10...3600),
            countdownSeconds: number("journey.countdownSeconds", default: 10, range: 0...60),
            claimCodeSeconds: number("journey.claimCodeSeconds", default: 15, range: 3...300),
            defaultService: service, hcode: hcode,
            qrAuthenticationURL: qrURL, phoneWaitSeconds: number("journey.phoneWaitSeconds", default: 180, range: 30...900),
            // Off unless the hospital says so: NHSO publishes no path for these visits.
            verifiedVisits: flag("journey.verifiedVisits", default: false),
            staffIDs: path("staff.listFile").map { staffList($0, problems: &problems) } ?? [],
            cameraAvailable: camera != nil,
            defaultLanguage: choice("journey.language", default: .thai)
        )
        if journey.verifiedVisits && backend == .agent && zone == .production && text("nhso.paths.rights") == nil {
            // The agent checks rights by id only through probe/{pid}, which NHSO enables in its test
            // zone alone: a patient identified by a typed id could not be checked in production.
            problems.append("journey.verifiedVisits needs rights checked by a typed id, which NHSO's agent offers only in its test zone; use nhso.backend: direct, or set nhso.paths.rights to a path NHSO gives you")
        }
        var paths: [String: String] = [:]
        for name in NHSOPaths.names.keys {
            guard let path = text("nhso.paths.\(name)") else { continue }
            if path.hasPrefix("/") && !path.contains(where: \.isWhitespace) { paths[name] = path } else { bad("nhso.paths.\(name)", path) }
        }
        let nhso = KioskSettings.NHSO(
            backend: backend, zone: zone, baseURL: baseURL, statusBaseURL: statusBaseURL, agentURL: agentURL, tokenFile: path("nhso.tokenFile"),
            timeoutSeconds: number("nhso.timeoutSeconds", default: 15, range: 1...120), paths: paths
        )
        /// `printer.*`: how to reach the printer and how to speak to it.
        func printerSettings(_ connectionText: String) -> KioskSettings.Printer {
            let connection = KioskSettings.Printer.Connection(connectionText) ?? {
                bad("printer.connection", connectionText)
                return .files(folder: "/var/lib/authen-kiosk/slips")
            }()
            var settings = PrinterSettings()
            if let paper = text("printer.paper") {
                if let value = Int(paper).flatMap(PrinterSettings.Paper.init(rawValue:)) { settings.paper = value } else { bad("printer.paper", paper) }
            }
            if let mode = text("printer.mode") {
                if let value = PrinterSettings.Mode(rawValue: mode) { settings.mode = value } else { bad("printer.mode", mode) }
            }
            if let codes = text("printer.codes") {
                if let value = PrinterSettings.Codes(rawValue: codes) { settings.codes = value } else { bad("printer.codes", codes) }
            }
            if let page = text("printer.codePage") {
                if let value = UInt8(page) { settings.codePage = value } else { bad("printer.codePage", page) }
            }
            if settings.mode == .text && settings.codePage == nil {
                // The number differs by model: a guess would print the wrong letters on every slip.
                problems.append("printer.mode is text but printer.codePage is not set; accepted: \(keys["printer.codePage"]!)")
            }
            settings.cancelKanjiMode = flag("printer.cancelKanjiMode", default: true)
            if let font = text("printer.font") { settings.font = font }
            return KioskSettings.Printer(
                connection: connection, settings: settings, timeoutSeconds: number("printer.timeoutSeconds", default: 10, range: 1...60),
                asksStatus: flag("printer.status", default: true), logo: text("printer.logo"), templates: text("printer.templates"),
                kioskName: text("hospital.kioskName") ?? ""
            )
        }
        let voice = flag("voice.enabled", default: false) ? KioskSettings.Voice(
            command: (text("voice.command") ?? "espeak-ng").split(separator: " ").map(String.init),
            recordings: path("voice.recordings"), saveTo: path("voice.saveTo")
        ) : nil
        var metrics: KioskSettings.Metrics?
        if let listen = text("metrics.listen") {
            // Loopback only: the hospital's monitoring reaches it through its own agent on the box.
            if let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (1...65535).contains(port) {
                let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
                if ["127.0.0.1", "::1", "localhost"].contains(host) { metrics = KioskSettings.Metrics(host: host, port: port) } else { bad("metrics.listen", listen) }
            } else {
                bad("metrics.listen", listen)
            }
        }
        let slipsFolder = URL(fileURLWithPath: path("output.slips") ?? "/var/lib/authen-kiosk/slips").standardizedFileURL.path
        let printer = printerSettings(text("printer.connection") ?? "file:\(slipsFolder)")
        var settings = KioskSettings(
            journey: journey, hospitalCode: hcode, hospitalName: text("hospital.name") ?? "", reader: text("card.reader"), training: training,
            nhso: nhso, admin: admin,
            slipsDirectory: slipsFolder,
            journalPath: path("output.journal") ?? "/var/lib/authen-kiosk/journal.sqlite",
            journalRetentionDays: number("output.journalRetentionDays", default: 90, range: 1...3650),
            logPath: path("output.log") ?? "/var/lib/authen-kiosk/kiosk.log",
            camera: camera, printer: printer, metrics: metrics, voice: voice
        )
        settings.staffSignOutMinutes = number("staff.signOutMinutes", default: 10, range: 1...480)
        settings.reportsDirectory = path("output.reports")
        return settings
    }

    /// The staff list: valid citizen ids, one per line; every bad line is a problem, and so is a file
    /// others can write (anyone could add themselves).
    static func staffList(_ path: String, problems: inout [String]) -> Set<String> {
        var info = stat()
        guard stat(path, &info) == 0, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            problems.append("staff.listFile: \(path) cannot be read")
            return []
        }
        if info.st_mode & 0o002 != 0 { problems.append("staff.listFile: \(path) is writable by others; chmod o-w \(path)") }
        var ids: Set<String> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !entry.isEmpty else { continue }
            if CitizenID(entry) != nil { ids.insert(entry) } else { problems.append("staff.listFile: line \(number + 1) is not a valid citizen id") }
        }
        return ids
    }
}
