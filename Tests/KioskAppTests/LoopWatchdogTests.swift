import Foundation
import KioskApp
import Logging
import Testing

@Suite struct LoopWatchdogTests {
    /// After the screen loop ends, the kiosk waits for a visit being recorded and for its slip: a
    /// watchdog still counting would end the program (and this test run, with status 70) in the middle.
    @Test func aStoppedWatchdogLetsTheProgramWaitPastItsLimit() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let watchdog = LoopWatchdog(limit: .seconds(2), logger: logger)
        watchdog.beat()
        watchdog.stop()
        try await Task.sleep(for: .seconds(4))
        watchdog.beat()  // a late beat does not start it again
        try await Task.sleep(for: .seconds(3))
        // Still running, seven seconds past a two-second limit: that is the check (a watchdog that did
        // not stand down would have ended this process).
    }
}
