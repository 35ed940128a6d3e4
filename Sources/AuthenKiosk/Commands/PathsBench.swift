import ArgumentParser
import Camera
import Foundation
import Journey
import KioskApp
import Logging
import NHSO
import NHSOTestZone
import TerminalUI
import ThaiIDCard

/// The identity paths' figures: numpad key presses per path, phone authentication to code on screen
/// (QR path), and the camera preview's frame rate and CPU.
struct PathsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Measure the identity paths: key presses per path, QR phone-to-code time, camera preview rate and CPU."
    )

    @Option(help: "Phone authentications to time on the QR path.")
    var runs = 10

    @Option(help: "Seconds of camera preview to measure.")
    var previewSeconds = 10

    func run() async throws {
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        try keyPresses()
        try await phoneToCode()
        try await preview()
    }

    // MARK: Key presses

    /// Each path driven through the journey with numpad keys only (digits, Enter, and Esc for nothing):
    /// the keys a patient presses from the start screen to the claim code (machine answers fed back).
    func keyPresses() throws {
        let child = "1100200778894", guardian = "3500100345671"
        let rights = RightsCheck(pid: child, fname: "ภูมิ", lname: "รักเรียน", claimTypes: [ClaimType(claimType: ServiceCode.general, claimTypeName: "")], correlationId: "bench")
        let thumbnail = PixelImage(width: 1, height: 1, rgb: [0, 0, 0])!
        let photo = CapturedPhoto(id: "bench", thumbnail: thumbnail)
        let submitted = VisitSubmitter.Submitted(claimCode: ClaimCode("PP1172534798")!, claimDateTime: "", origin: .issued)
        let staff = try KioskBench.person()
        func id(_ digits: String) -> [JourneyEvent] { digits.map { .digit($0.wholeNumberValue!) } + [.enter] }
        let photoKeys: [JourneyEvent] = [.enter]  // take; the countdown and capture are the machine's
        let paths: [(String, JourneyConfiguration, [JourneyEvent])] = [
            ("1 card", .init(), []),
            ("2 photo", .init(), [.enter, .digit(2)] + id(child) + photoKeys + [.enter]),
            ("3 QR", .init(qrAuthenticationURL: "https://qr.example"), [.enter, .digit(3), .enter] + id(child)),
            ("4 guardian's card", .init(), [.enter, .digit(4)] + id(child) + [.digit(1), .enter, .digit(3), .enter, .enter]),
            ("5 guardian's photo", .init(), [.enter, .digit(5)] + id(child) + id(guardian) + [.digit(4), .enter, .digit(6), .enter, .enter]
                + photoKeys + [.enter, .digit(1), .enter, .digit(3), .enter, .enter]),
            ("6 staff (station)", .init(mode: .station, staffIDs: [staff.citizenID.digits]), [.enter, .digit(6)] + id(child)),
        ]
        print("numpad key presses, start screen to claim code (mobile optional):")
        for (name, configuration, keys) in paths {
            let journey = Journey(configuration: configuration)
            var state = JourneyState()
            var presses = 0
            func send(_ event: JourneyEvent) {
                var event = event
                if case .result(_, let result) = event, let visit = state.visit { event = .result(visit, result) }
                _ = journey.reduce(&state, event)
            }
            for key in keys {
                send(key)
                presses += 1
                // The machine's part, once the screen waits for it.
                if case .identifying(.photo(.camera(_, let capture))) = state.step, capture.countsDown { for _ in 0..<3 { send(.tick) } }
                if case .identifying(.proxyPhoto(.camera(_, let capture))) = state.step, capture.countsDown { for _ in 0..<3 { send(.tick) } }
                if case .identifying(.photo(.camera(_, let capture))) = state.step, capture.taking { send(.result(VisitID(), .photoCaptured(photo))) }
                if case .identifying(.proxyPhoto(.camera(_, let capture))) = state.step, capture.taking { send(.result(VisitID(), .photoCaptured(photo))) }
                if case .identifying(.proxyCard(.guardianCard(_, false, _))) = state.step { send(.cardInserted); send(.result(VisitID(), .cardRead(staff))) }
                if case .identifying(.staff(.staffCard(_, false, _))) = state.step { send(.cardInserted); send(.result(VisitID(), .cardRead(staff))) }
            }
            if name.hasPrefix("1") { send(.cardInserted); send(.result(VisitID(), .cardRead(staff))) }
            if case .identifying(.qr(.waiting(let waited, _))) = state.step {
                send(.result(VisitID(), .phoneAuthenticated(PhoneAuthentication(patient: Patient(citizenID: waited, nameTH: ""), service: rights.claimTypes[0], submitted: submitted))))
            }
            if case .checkingRights(let identification) = state.step {
                var answer = rights
                answer.pid = identification.patient.citizenID.digits
                send(.result(VisitID(), .rightsChecked(answer)))
                send(.enter)
                presses += 1
                send(.result(VisitID(), .visitSubmitted(submitted)))
            }
            let reached = if case .claimCode = state.step { "" } else { "  (did not reach the code: \(state.step))" }
            print("  \(name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(presses)\(reached)")
        }
    }

    // MARK: QR

    /// The test zone's phone-side endpoint authenticates while the kiosk's watcher asks
    /// check-authen-status over loopback HTTP; the time from the phone's authentication to the code.
    func phoneToCode() async throws {
        let testZone = try await EmbeddedTestZone(zone: TestZone(population: try Population.bundled(), ledger: try TestZoneLedger()))
        defer { testZone.stop() }
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        let nhso = NHSOHTTPService.cloud(zone: .test, token: KioskToken(TestZoneConfiguration.defaultTestToken)!, baseURL: testZone.url, logger: quiet)
        let people = try Population.bundled().people.values.filter { !$0.deceased && $0.hasRights }.sorted { $0.pid < $1.pid }.prefix(runs)
        var lags: [Double] = []
        for person in people {
            let watcher = PhoneAuthenticationWatcher(nhso: nhso)
            let waiting = Task { await watcher.wait(pid: person.pid, hcode: "10757") }
            // The patient takes a while on the phone: the kiosk has been asking for some seconds.
            try await Task.sleep(for: .milliseconds(Int.random(in: 1500...4500)))
            let authenticated = ContinuousClock.now
            _ = await testZone.zone.mobileAuthentication(pid: person.pid, claimType: ServiceCode.general, hcode: "10757", path: "/testzone/mobile-authentication")
            guard case .phoneAuthenticated? = await waiting.value else { print("QR: no code for \(person.pid.prefix(5))…"); continue }
            lags.append((ContinuousClock.now - authenticated).milliseconds)
        }
        lags.sort()
        guard !lags.isEmpty else { return }
        print(String(format: "QR path, phone authentication to code (%d runs): median %.0f ms, max %.0f ms (target < 3000 ms)",
                     lags.count, lags[lags.count / 2], lags.last!))
    }

    // MARK: Camera

    /// ffmpeg's test pattern through the camera code, each frame drawn into a screen as the kiosk does:
    /// frames a second, and CPU of the kiosk's side and of ffmpeg.
    func preview() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg") else { print("camera preview: ffmpeg is not installed"); return }
        guard let assets = AssetLocator.find() else { print("camera preview: assets not found"); return }
        let configuration = JourneyConfiguration()
        let renderer = ScreenRenderer(catalog: try TextCatalog.load(assets: assets), configuration: configuration)
        let camera = FFmpegCamera(settings: CameraSettings(input: .testPattern))
        let frames = FrameCounter(renderer: renderer, patient: try KioskBench.person().citizenID)
        let before = Self.cpuSeconds()
        let start = ContinuousClock.now
        let task = Task { try await camera.preview { frames.draw($0) } }
        try await Task.sleep(for: .seconds(previewSeconds))
        task.cancel()
        _ = try? await task.value
        let wall = (ContinuousClock.now - start).milliseconds / 1000
        let (kiosk, ffmpeg) = Self.cpuSeconds()
        print(String(format: "camera preview (test pattern 640x480 -> 64x48, %d s): %.1f frames/s drawn; CPU: kiosk %.1f%%, ffmpeg %.1f%% of one core",
                     previewSeconds, Double(frames.count) / wall, (kiosk - before.0) / wall * 100, (ffmpeg - before.1) / wall * 100))
    }

    /// CPU seconds used by this process and by its ended children (ffmpeg).
    static func cpuSeconds() -> (Double, Double) {
        func seconds(_ who: __rusage_who) -> Double {
            var usage = rusage()
            getrusage(__rusage_who_t(who.rawValue), &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        return (seconds(RUSAGE_SELF), seconds(RUSAGE_CHILDREN))
    }
}

/// Draws each preview frame into a screen, as the kiosk's renderer would, and counts them.
final class FrameCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var frames = 0
    private let renderer: ScreenRenderer
    private let patient: CitizenID

    init(renderer: ScreenRenderer, patient: CitizenID) {
        self.renderer = renderer
        self.patient = patient
    }

    func draw(_ image: PixelImage) {
        var capture = PhotoCapture()
        _ = capture.handle(.result(VisitID(), .previewFrame(image)), visit: VisitID())
        _ = renderer.render(JourneyState(step: .identifying(.photo(.camera(patient: patient, capture)))), width: 100, height: 30)
        lock.withLock { frames += 1 }
    }

    var count: Int { lock.withLock { frames } }
}
