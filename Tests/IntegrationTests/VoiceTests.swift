import Foundation
import Testing

/// Voice guidance: each patient screen's prompt spoken by espeak-ng (saved as .wav here, where no one
/// listens), in the patient's language, never holding the screen.
@Suite(.serialized) struct VoiceTests {
    func prompts(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".wav") }.sorted()
    }

    /// Seconds of sound in a .wav (sox's soxi).
    func duration(_ file: URL) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/soxi")
        process.arguments = ["-D", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    func waitForPrompt(_ folder: URL, _ name: String) -> String? {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let found = prompts(folder).first(where: { $0.contains(name) }) { return found }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    @Test func eachScreenSpeaksItsPromptInThePatientsLanguage() throws {
        let voices = FileManager.default.temporaryDirectory.appendingPathComponent("voice-\(UUID())")
        try FileManager.default.createDirectory(at: voices, withIntermediateDirectories: true)
        let kiosk = try TmuxKiosk(arguments: ["demo", "--voice-save-to", voices.path])
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        let attract = try #require(waitForPrompt(voices, "voice.attract.th"))
        Thread.sleep(forTimeInterval: 1)
        #expect(try duration(voices.appendingPathComponent(attract)) > 1, "a Thai sentence, spoken")
        try kiosk.keys("F5")
        #expect(kiosk.waitFor("(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(waitForPrompt(voices, "voice.review.th") != nil)
        try kiosk.keys("Escape")
        #expect(kiosk.waitFor("กรุณาเสียบบัตรประชาชน"))
        try kiosk.keys("F2")
        #expect(kiosk.waitFor("Please insert your Thai ID card"))
        #expect(waitForPrompt(voices, "voice.attract.en") != nil)
    }

    @Test func aStationSaysNothing() throws {
        let voices = FileManager.default.temporaryDirectory.appendingPathComponent("voice-\(UUID())")
        try FileManager.default.createDirectory(at: voices, withIntermediateDirectories: true)
        let kiosk = try TmuxKiosk(arguments: ["demo", "--station", "--voice-save-to", voices.path])
        try kiosk.signInAtDemoStation()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(prompts(voices).isEmpty)
    }
}
