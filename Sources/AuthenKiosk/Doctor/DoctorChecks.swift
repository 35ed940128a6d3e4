import Foundation
import Journey
import KioskApp
import KioskConfig
import NHSO
import SmartCard
import TerminalUI
import ThaiIDCard
import VisitJournal

/// What `doctor` looks at, built from the configuration as `run` builds the kiosk.
struct DoctorChecks {
    let settings: KioskSettings

    func run(into report: inout DoctorReport) async {
        let token = self.token(&report)
        if settings.journey.qrAuthenticationURL != nil && token == nil {
            report.fail("QR path", "hospital.qrURL is set but there is no kiosk token: the kiosk does not start",
                        advice: "put the token in nhso.tokenFile, or empty hospital.qrURL")
        }
        logFile(&report)
        guard let printer = printer(&report) else { return }
        journal(&report)
        // As `run` builds them, but on a journal of doctor's own: doctor (often run as root) never creates
        // or writes the kiosk's, whose files must stay the kiosk user's. The direct backend is not built
        // without its token (already a FAIL).
        var services: KioskServices?
        if settings.nhso.backend == .agent || token != nil {
            var own = settings
            own.journalPath = FileManager.default.temporaryDirectory.appendingPathComponent("authen-kiosk-doctor-\(UUID())/journal.sqlite").path
            try? FileManager.default.createDirectory(atPath: URL(fileURLWithPath: own.journalPath).deletingLastPathComponent().path, withIntermediateDirectories: true)
            services = try? KioskServices.from(own, token: token, printer: printer)
        }
        if settings.nhso.backend == .direct { pcscd(&report) }
        let cards: any CardSource = services?.cards ?? PCSCCardSource(reader: settings.reader, allowsVirtualReaders: settings.training)
        let reader = await cards.statusLine()
        if reader.ok {
            report.pass("reader", reader.detail)
        } else {
            report.fail("reader", reader.detail, advice: settings.nhso.backend == .agent
                ? "check the reader is plugged in and NHSO's agent runs (and card.reader names one of its terminals)"
                : "plug the reader in (pcsc_scan lists readers), or set card.reader to a name it lists")
        }
        if settings.nhso.backend == .direct { card(&report) }
        let slipPrinter = await printer.statusLine()
        if slipPrinter.ok {
            report.pass("printer", slipPrinter.detail)
        } else {
            report.fail("printer", slipPrinter.detail, advice: "check paper, cover and cable; `authen-kiosk print-test --config FILE` prints a test slip")
        }
        camera(&report)
        await nhso(&report, services: services, token: token)
        disk(&report)
        if let own = services?.journal.path { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: own).deletingLastPathComponent().path) }
    }

    /// The kiosk's journal, read only: its visits waiting for NHSO, and (as root) that its files are the
    /// kiosk user's.
    private func journal(_ report: inout DoctorReport) {
        let path = settings.journalPath
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: path) else {
            if FileManager.default.fileExists(atPath: folder) {
                report.pass("journal", "\(path): not created yet (the kiosk creates it at its first start)")
            } else {
                report.fail("journal", "\(folder) does not exist", advice: "create it for the kiosk's user (the package's tmpfiles make /var/lib/authen-kiosk)")
            }
            return
        }
        if geteuid() == 0, let kiosk = getpwnam("authen-kiosk")?.pointee.pw_uid {
            for file in [path, path + "-wal", path + "-shm", settings.logPath] where FileManager.default.fileExists(atPath: file) {
                var info = stat()
                if lstat(file, &info) == 0, info.st_uid != kiosk {
                    report.fail("journal", "\(file) belongs to user \(info.st_uid), not the kiosk's (run by hand as root?)",
                                advice: "chown authen-kiosk \(file); run the kiosk as its user or through its unit")
                    return
                }
            }
        }
        do {
            let waiting = try VisitJournal(path: path, readOnly: true).unsettled().count
            report.pass("journal", "\(path): \(waiting) visit(s) waiting for NHSO's answer")
        } catch {
            report.fail("journal", "\(error)", advice: "the kiosk takes no visit without its journal: check the disk and the file's owner")
        }
    }

    /// `run` stops when it cannot write its log while it has the screen.
    private func logFile(_ report: inout DoctorReport) {
        let folder = URL(fileURLWithPath: settings.logPath).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            report.fail("log", "\(folder) does not exist (output.log)", advice: "create it for the kiosk's user, or set output.log")
        }
    }

    private func token(_ report: inout DoctorReport) -> KioskToken? {
        do {
            let token = try settings.nhso.tokenFile.map { path throws(NHSOError) in try KioskToken.load(file: path) } ?? KioskToken.fromEnvironment()
            if token == nil {
                if settings.nhso.backend == .direct {
                    report.fail("token file", "no kiosk token", advice: "put the Kiosk Authentication Token in nhso.tokenFile (chmod 600, owned by the kiosk's user)")
                } else {
                    report.warn("token file", "no kiosk token: check-authen-status is not asked, and the QR path is off", advice: "put the token in nhso.tokenFile")
                }
            } else if let file = settings.nhso.tokenFile, geteuid() == 0, let kiosk = getpwnam("authen-kiosk")?.pointee.pw_uid,
                      let owner = try? FileManager.default.attributesOfItem(atPath: file)[.ownerAccountID] as? NSNumber, owner.uint32Value != kiosk {
                // Root reads any file; the kiosk's user reads only its own.
                report.fail("token file", "\(file) belongs to user \(owner), so the kiosk's user cannot read it", advice: "chown authen-kiosk \(file)")
            } else {
                report.pass("token file", settings.nhso.tokenFile ?? "NHSO_KIOSK_TOKEN")
            }
            return token
        } catch {
            report.fail("token file", error.staffMessage, advice: "install -m 600 -o authen-kiosk the token file")
            return nil
        }
    }

    private func printer(_ report: inout DoctorReport) -> ReceiptSlipPrinter? {
        guard let assets = AssetLocator.find(), let catalog = try? TextCatalog.load(assets: assets) else {
            report.fail("assets", "the texts were not found", advice: "reinstall the package, or set AUTHEN_KIOSK_ASSETS")
            return nil
        }
        do {
            let printer = try ReceiptSlipPrinter.configured(settings.printer, hospitalName: settings.hospitalName, hospitalCode: settings.hospitalCode,
                                                            assets: assets, texts: catalog.texts)
            report.pass("slip templates", settings.printer.templates ?? assets.appendingPathComponent("slips").path)
            return printer
        } catch {
            report.fail("slip templates", "\(error)", advice: "fix the template line named, or remove printer.templates to use the shipped ones")
            return nil
        }
    }

    private func pcscd(_ report: inout DoctorReport) {
        do {
            let readers = try PCSCContext().readers()
            report.pass("pcscd", "answers; readers: \(readers.isEmpty ? "none" : readers.joined(separator: ", "))")
            let virtual = readers.filter(VirtualReader.isVirtual)
            if !virtual.isEmpty && !settings.training {
                report.fail("virtual readers", "\(virtual.joined(separator: ", ")) present and ignored: anyone reaching its port could present any card",
                            advice: "apt-get remove vsmartcard-vpcd && systemctl restart pcscd (a training kiosk sets training: true)")
            }
        } catch {
            report.fail("pcscd", "\(error)", advice: "apt-get install pcscd; systemctl enable --now pcscd.socket")
        }
    }

    /// A card in the reader is read (the citizen id, masked), as a patient's would be.
    private func card(_ report: inout DoctorReport) {
        guard let context = try? PCSCContext(),
              let (reader, _) = try? context.waitForCard(reader: settings.reader, timeout: .zero),
              settings.training || !VirtualReader.isVirtual(reader) else {
            report.pass("card", "none in the reader (insert one to check it reads)")
            return
        }
        do {
            let person = try Deadline.run(within: .seconds(15)) {
                let connection = try PCSCContext().connect(reader: reader)
                defer { connection.disconnect() }
                return try connection.withTransaction { try ThaiIDCardReader(channel: connection).readPerson() }
            }
            report.pass("card", "reads in \(reader): \(person.citizenID.masked)")
        } catch {
            report.fail("card", "the card in \(reader) does not read: \(error)", advice: "try another card; clean the reader's contacts")
        }
    }

    private func camera(_ report: inout DoctorReport) {
        guard let camera = settings.camera else {
            report.pass("camera", "none configured (the photo paths send patients to the counter)")
            return
        }
        switch camera.input {
        case .v4l2(let device):
            if FileManager.default.isReadableFile(atPath: device) {
                report.pass("camera", device)
            } else {
                report.fail("camera", "\(device) cannot be opened", advice: "plug the camera in; the kiosk's user must be in the video group")
            }
        case .testPattern, .image:
            report.warn("camera", "a stand-in (\(camera.input)), not a camera", advice: "set camera.input to v4l2:/dev/videoN on a kiosk")
        }
    }

    private func nhso(_ report: inout DoctorReport, services: KioskServices?, token: KioskToken?) async {
        if settings.nhso.backend == .agent {
            await reach(&report, "NHSO agent", settings.nhso.agentURL, advice: "start NHSO's Secure Smartcard Agent, or fix nhso.agentURL")
        }
        let cloud = settings.nhso.statusBaseURL ?? settings.nhso.baseURL ?? settings.nhso.zone.baseURL
        guard let answer = await reach(&report, "NHSO", cloud, advice: "check the network, DNS and proxy; the kiosk must reach \(cloud) over HTTPS") else { return }
        if let serverDate = answer.serverDate {
            let skew = Date().timeIntervalSince(serverDate)
            if abs(skew) > 60 {
                report.fail("clock", "this machine's clock is \(Int(skew)) s off NHSO's", advice: "enable time sync: timedatectl set-ntp true")
            } else {
                report.pass("clock", "within \(Int(abs(skew).rounded())) s of NHSO's")
            }
        }
        guard token != nil, let services else { return }
        switch await TokenCheck.ask(services.nhso) {
        case .accepted:
            report.pass("token", "NHSO accepts it (\(settings.nhso.zone.rawValue) zone)")
        case .refused(let status):
            report.fail("token", "NHSO refused it (HTTP \(status))", advice: "issue a new Kiosk Authentication Token for the \(settings.nhso.zone.rawValue) zone on NHSO's token page")
        case .unknown(let reason):
            report.fail("token", "NHSO's answer did not say whether it takes the token: \(reason)",
                        advice: "check the network, any proxy in the way, and nhso.paths.checkAuthenStatus")
        }
    }

    @discardableResult
    private func reach(_ report: inout DoctorReport, _ name: String, _ url: String, advice: String) async -> NHSOReachability.Answer? {
        do throws(NHSOError) {
            let answer = try await NHSOReachability.check(url)
            let tls = url.hasPrefix("https://") ? ", TLS certificate verified" : ""
            report.pass(name, "\(url) answers (HTTP \(answer.status), \(Int(answer.elapsed.milliseconds)) ms\(tls))")
            return answer
        } catch {
            report.fail(name, "\(url): \(error.staffMessage)", advice: advice)
            return nil
        }
    }

    private func disk(_ report: inout DoctorReport) {
        let folder = URL(fileURLWithPath: settings.journalPath).deletingLastPathComponent().path
        var info = statvfs()
        guard statvfs(folder, &info) == 0 else {
            report.fail("disk", "\(folder) cannot be looked at", advice: "create it")
            return
        }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize) / 1_000_000
        if free < 100 {
            report.fail("disk", "\(free) MB free for the journal in \(folder)", advice: "free space: the kiosk stops taking visits when the journal cannot be written")
        } else if free < 1000 {
            report.warn("disk", "\(free) MB free for the journal in \(folder)", advice: "free space before it runs out")
        } else {
            report.pass("disk", "\(free) MB free for the journal in \(folder)")
        }
    }
}
