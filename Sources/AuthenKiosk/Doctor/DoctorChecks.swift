import Foundation
import Journey
import KioskApp
import KioskConfig
import NHSO
import SmartCard
import TerminalUI
import ThaiIDCard

/// What `doctor` looks at, built from the configuration as `run` builds the kiosk.
struct DoctorChecks {
    let settings: KioskSettings

    /// A citizen id with a valid check digit that belongs to nobody: check-authen-status is asked about it
    /// to see whether NHSO takes the token (an answer of any kind but 401 says it does).
    static let probeID = "1000000000009"

    func run(into report: inout DoctorReport) async {
        let token = self.token(&report)
        guard let printer = printer(&report) else { return }
        // As `run` builds them; the direct backend is not built without its token (already a FAIL).
        var services: KioskServices?
        if settings.nhso.backend == .agent || token != nil {
            do {
                services = try KioskServices.from(settings, token: token, printer: printer)
                report.pass("journal", settings.journalPath)
            } catch {
                report.fail("journal", "\(error)", advice: "create the folder, give it to the kiosk's user (chown authen-kiosk), and free disk space")
            }
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
        guard let journal = services?.journal else { return }
        do {
            try await journal.probe()
        } catch {
            report.fail("journal write", "\(error)", advice: "the kiosk takes no visit without its journal: check the disk and the folder's owner")
        }
    }

    private func token(_ report: inout DoctorReport) -> KioskToken? {
        do {
            let token = try settings.nhso.tokenFile.map { path throws(NHSOError) in try KioskToken.load(file: path) } ?? KioskToken.fromEnvironment()
            if token == nil {
                if settings.nhso.backend == .direct {
                    report.fail("token", "no kiosk token", advice: "put the Kiosk Authentication Token in nhso.tokenFile (chmod 600, owned by the kiosk's user)")
                } else {
                    report.warn("token", "no kiosk token: check-authen-status is not asked, and the QR path is off", advice: "put the token in nhso.tokenFile")
                }
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
        do throws(NHSOError) {
            _ = try await services.nhso.checkAuthenStatus(pid: Self.probeID, serviceDate: ThaiTime.today(), serviceCode: nil)
            report.pass("token", "NHSO accepts it (\(settings.nhso.zone.rawValue) zone)")
        } catch .tokenRejected(let status) {
            report.fail("token", "NHSO refused it (HTTP \(status))", advice: "issue a new Kiosk Authentication Token for the \(settings.nhso.zone.rawValue) zone on NHSO's token page")
        } catch {
            // Anything but a refusal is an answer about the made-up person: the token was taken.
            if case .unreachable = error {
                report.fail("token", error.staffMessage, advice: "check the network")
            } else {
                report.pass("token", "NHSO accepts it (\(settings.nhso.zone.rawValue) zone)")
            }
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
