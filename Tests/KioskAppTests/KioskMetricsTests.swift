import Foundation
import Journey
import KioskApp
import NHSO
import Testing
import ThaiIDCard

@Suite("Metrics for the hospital's monitoring")
struct KioskMetricsTests {
    let visit = VisitID()
    let other = VisitID()

    @Test func outcomesAreCountedByPathOnceAVisit() {
        let metrics = KioskMetrics(pendingVisits: { 2 })
        metrics.observe(.record(visit, .identified(citizenID: "1101700203450", path: .card)))
        metrics.observe(.result(visit, .visitSubmitted(VisitSubmitter.Submitted(claimCode: ClaimCode("PP0000000001")!, claimDateTime: "2026-11-28T09:00:00", origin: .issued))))
        metrics.observe(.record(visit, .printed))
        metrics.observe(.record(other, .identified(citizenID: "3500100345671", path: .proxyCard)))
        metrics.observe(.record(other, .ended(.cardRemoved, detail: "")))
        let text = metrics.render()
        #expect(text.contains("authen_kiosk_visits{path=\"card\",outcome=\"coded\"} 1"))
        #expect(text.contains("authen_kiosk_visits{path=\"proxyCard\",outcome=\"cardRemoved\"} 1"))
        #expect(text.contains("authen_kiosk_pending_visits 2"))
        #expect(!text.contains("1101700203450") && !text.contains("3500100345671"), "no citizen id in the metrics")
    }

    @Test func aVisitTriedAgainCountsOnceAsItsLastAttemptEnded() {
        let metrics = KioskMetrics()
        metrics.observe(.readCard(visit))
        metrics.observe(.record(visit, .identified(citizenID: "1101700203450", path: .card)))
        metrics.observe(.record(visit, .ended(.rightsUnavailable, detail: "NHSO did not answer")))
        metrics.observe(.result(visit, .visitSubmitted(VisitSubmitter.Submitted(claimCode: ClaimCode("PP0000000002")!, claimDateTime: "2026-11-28T09:00:00", origin: .issued))))
        // A card that never read: no identification, still a card visit.
        metrics.observe(.readCard(other))
        metrics.observe(.record(other, .ended(.cardUnreadable, detail: "")))
        let text = metrics.render()
        #expect(text.contains("authen_kiosk_visits{path=\"card\",outcome=\"coded\"} 1"))
        #expect(!text.contains("rightsUnavailable"))
        #expect(text.contains("authen_kiosk_visits{path=\"card\",outcome=\"cardUnreadable\"} 1"))
    }

    @Test func paperOutAndDeviceErrorsAreCounted() {
        let metrics = KioskMetrics()
        metrics.observe(.result(visit, .slipFailed("the printer is out of paper")))
        metrics.observe(.result(visit, .slipFailed("the printer is out of paper")))
        metrics.observe(.result(visit, .slipFailed("the printer's cover is open")))
        metrics.observe(.result(visit, .cameraFailed("no camera")))
        let text = metrics.render()
        #expect(text.contains("authen_kiosk_paper_out_total 2"))
        #expect(text.contains("authen_kiosk_errors_total{device=\"printer\",kind=\"cover open\"} 1"))
        metrics.observe(.result(visit, .slipFailed("cannot write /var/lib/authen-kiosk/slips/PP0000000003.escpos")))
        #expect(metrics.render().contains("authen_kiosk_errors_total{device=\"printer\",kind=\"other\"} 1"), "no file name in a label")
        #expect(text.contains("authen_kiosk_errors_total{device=\"camera\",kind=\"failed\"} 1"))
    }

    @Test func nhsosLatencyIsAHistogram() {
        let metrics = KioskMetrics()
        metrics.observeNHSO("rights", seconds: 0.08)
        metrics.observeNHSO("rights", seconds: 3)
        let text = metrics.render()
        #expect(text.contains("authen_kiosk_nhso_request_seconds_bucket{call=\"rights\",le=\"0.1\"} 1"))
        #expect(text.contains("authen_kiosk_nhso_request_seconds_bucket{call=\"rights\",le=\"5.0\"} 2"))
        #expect(text.contains("authen_kiosk_nhso_request_seconds_bucket{call=\"rights\",le=\"+Inf\"} 2"))
        #expect(text.contains("authen_kiosk_nhso_request_seconds_count{call=\"rights\"} 2"))
        #expect(text.contains("# TYPE authen_kiosk_nhso_request_seconds histogram"))
    }
}
